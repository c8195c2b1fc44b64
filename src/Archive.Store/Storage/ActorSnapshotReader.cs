using System.Collections.Immutable;
using System.Text.Json;
using Archive.Domain.Actors;
using Archive.Domain.Statements;

namespace Archive.Store.Storage;

/// <summary>Reads <see cref="ActorSnapshotJson"/>; short strings that repeat across statements (kinds, statuses, languages) are shared.</summary>
internal ref struct ActorSnapshotReader(ReadOnlySpan<byte> utf8)
{
    private Utf8JsonReader _r = new(utf8);
    // Compared as UTF-8 bytes, one list per field so a lookup compares against a handful of values at most.
    private readonly List<(byte[] Utf8, string Value)> _kinds = Known(QuoteKinds.All), _languages = [], _relations = Known(LinkRelations.All),
        _statuses = Known([StatementStatus.Recorded, StatementStatus.Verified, StatementStatus.Disputed, StatementStatus.Retracted]);

    private static List<(byte[] Utf8, string Value)> Known(IEnumerable<string> values) => [.. values.Select(v => (System.Text.Encoding.UTF8.GetBytes(v), v))];

    public ActorState ReadState()
    {
        Next(JsonTokenType.StartObject);
        string? id = null, name = null, kind = null, country = null;
        ImmutableList<string>? aliases = null;
        ImmutableList<ActorRole>? roles = null;
        string[] sources = [];
        ImmutableDictionary<string, StatementState>? statements = null;
        while (Read() != JsonTokenType.EndObject)
        {
            if (_r.TokenType != JsonTokenType.PropertyName) throw Bad("a property");
            var property = _r.ValueSpan;
            if (property.SequenceEqual("i"u8)) id = OptionalString();
            else if (property.SequenceEqual("n"u8)) name = String();
            else if (property.SequenceEqual("k"u8)) kind = String();
            else if (property.SequenceEqual("c"u8)) country = OptionalString();
            else if (property.SequenceEqual("a"u8)) aliases = Strings();
            else if (property.SequenceEqual("r"u8)) roles = Roles();
            else if (property.SequenceEqual("s"u8)) sources = [.. Strings()];
            else if (property.SequenceEqual("t"u8)) statements = Statements(sources);
            else throw Bad("one of the properties i, n, k, c, a, r, s, t");
        }
        if (Read() != JsonTokenType.None) throw Bad("the end of the snapshot");
        if (name is null || kind is null || aliases is null || roles is null || statements is null) throw Bad("every one of n, k, a, r, t");
        return new ActorState(id, name, kind, country, aliases, roles, statements);
    }

    private ImmutableList<ActorRole> Roles()
    {
        Next(JsonTokenType.StartArray);
        var roles = ImmutableList.CreateBuilder<ActorRole>();
        while (Read() != JsonTokenType.EndArray)
        {
            Is(JsonTokenType.StartArray);
            roles.Add(new ActorRole(String(), String(), Date(), Date()));
            Next(JsonTokenType.EndArray);
        }
        return roles.ToImmutable();
    }

    private ImmutableDictionary<string, StatementState> Statements(string[] sources)
    {
        Next(JsonTokenType.StartArray);
        var statements = ImmutableDictionary.CreateBuilder<string, StatementState>();
        while (Read() != JsonTokenType.EndArray)
        {
            Is(JsonTokenType.StartArray);
            var id = String();
            var source = Int();
            if ((uint)source >= (uint)sources.Length) throw Bad($"a source number below {sources.Length} (the \"s\" table comes first)");
            var state = new StatementState(sources[source], new TextSpan(Int(), Int()), Shared(_kinds), DateOnly.FromDayNumber(Int()), Shared(_languages), Shared(_statuses),
                Int(), String(), String(), OptionalString(), Int() switch { 0 => false, 1 => true, _ => throw Bad("joint as 0 or 1") });
            // the optional tail: each element read consumes its own brackets, so the next read is the next element or the end
            for (var tail = 0; Read() != JsonTokenType.EndArray; tail++)
                state = tail switch
                {
                    0 => state with { Verified = CurrentOptionalString() },
                    1 => state with { StatusReason = CurrentOptionalString() },
                    2 => state with { Links = Links() },
                    3 => state with { RemovedLinks = RemovedLinks() },
                    4 => state with { BeforeRetraction = Prior() },
                    5 => state with { ReinstatedBecause = CurrentOptionalString() },
                    _ => throw Bad("the end of a statement"),
                };
            if (!statements.TryAdd(id, state)) throw Bad($"statement {id} once");
        }
        return statements.ToImmutable();
    }

    private ImmutableList<StatementLink> Links()
    {
        if (_r.TokenType == JsonTokenType.Null) return [];
        Is(JsonTokenType.StartArray);
        var links = ImmutableList.CreateBuilder<StatementLink>();
        while (Read() != JsonTokenType.EndArray)
        {
            Is(JsonTokenType.StartArray);
            links.Add(new StatementLink(String(), Shared(_relations)));
            Next(JsonTokenType.EndArray);
        }
        return links.ToImmutable();
    }

    private ImmutableList<RemovedLink> RemovedLinks()
    {
        if (_r.TokenType == JsonTokenType.Null) return [];
        Is(JsonTokenType.StartArray);
        var links = ImmutableList.CreateBuilder<RemovedLink>();
        while (Read() != JsonTokenType.EndArray)
        {
            Is(JsonTokenType.StartArray);
            links.Add(new RemovedLink(String(), Shared(_relations), String()));
            Next(JsonTokenType.EndArray);
        }
        return links.ToImmutable();
    }

    private PriorStatus? Prior()
    {
        if (_r.TokenType == JsonTokenType.Null) return null;
        Is(JsonTokenType.StartArray);
        var prior = new PriorStatus(Shared(_statuses), OptionalString());
        Next(JsonTokenType.EndArray);
        return prior;
    }

    private ImmutableList<string> Strings()
    {
        Next(JsonTokenType.StartArray);
        var strings = ImmutableList.CreateBuilder<string>();
        while (Read() != JsonTokenType.EndArray) strings.Add(CurrentOptionalString() ?? throw Bad("a string"));
        return strings.ToImmutable();
    }

    /// <summary>A string that many statements hold: the instance read before, if there is one.</summary>
    private string Shared(List<(byte[] Utf8, string Value)> shared)
    {
        Next(JsonTokenType.String);
        if (!_r.ValueIsEscaped)
            foreach (var (utf8, value) in shared)
                if (_r.ValueSpan.SequenceEqual(utf8)) return value;
        var read = _r.GetString()!;
        if (shared.Count < 16 && !_r.ValueIsEscaped) shared.Add((_r.ValueSpan.ToArray(), read));
        return read;
    }

    private string String() => OptionalString() ?? throw Bad("a string");

    private string? OptionalString()
    {
        Read();
        return CurrentOptionalString();
    }

    private string? CurrentOptionalString() => _r.TokenType switch
    {
        JsonTokenType.String => _r.GetString(),
        JsonTokenType.Null => null,
        _ => throw Bad("a string or null"),
    };

    private DateOnly? Date()
    {
        Read();
        return _r.TokenType == JsonTokenType.Null ? null : DateOnly.FromDayNumber(CurrentInt());
    }

    private int Int()
    {
        Read();
        return CurrentInt();
    }

    private int CurrentInt() =>
        _r.TokenType == JsonTokenType.Number && _r.TryGetInt32(out var value) ? value : throw Bad("a whole number");

    private JsonTokenType Read() => _r.Read() ? _r.TokenType : JsonTokenType.None;

    private void Next(JsonTokenType expected)
    {
        Read();
        Is(expected);
    }

    private void Is(JsonTokenType expected)
    {
        if (_r.TokenType != expected) throw Bad(expected.ToString());
    }

    private JsonException Bad(string expected) =>
        new($"ActorState/{ActorSnapshotJson.Version}: expected {expected} at byte {_r.TokenStartIndex}, found {_r.TokenType}");
}
