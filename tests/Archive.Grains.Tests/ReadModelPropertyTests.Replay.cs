using System.Diagnostics;
using System.Text.Json;
using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Store;
using Archive.Store.Actors;
using Archive.Store.Statements;
using Archive.Store.Topics;
using Archive.Testing;
using FsCheck;
using FsCheck.Fluent;
using Marten;
using Npgsql;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Tests;

/// <summary>How the property compares read models with a fresh replay of the events.</summary>
public sealed partial class ReadModelPropertyTests
{
    private static void Documents<T>(List<string> m, string kind, Dictionary<string, T> actual, Dictionary<string, T> expected, Action<List<string>, string, T, T> compare)
    {
        foreach (var id in expected.Keys.Except(actual.Keys).Order()) m.Add($"{kind} {id}: no read model document, the events say it exists");
        foreach (var id in actual.Keys.Except(expected.Keys).Order()) m.Add($"{kind} {id}: read model document that no event creates");
        foreach (var (id, want) in expected.Where(e => actual.ContainsKey(e.Key)).OrderBy(e => e.Key)) compare(m, id, actual[id], want);
    }

    private static void CompareStatement(List<string> m, string id, StatementView view, StatementView want)
    {
        var who = $"statement {id} ({want.ActorId})";
        Field(m, who, "actorId", view.ActorId, want.ActorId);
        Field(m, who, "sourceId", view.SourceId, want.SourceId);
        Field(m, who, "quote", view.Quote, want.Quote);
        Field(m, who, "quoteKind", view.QuoteKind, want.QuoteKind);
        Field(m, who, "saidOn", view.SaidOn, want.SaidOn);
        Field(m, who, "occasion", view.Occasion, want.Occasion);
        Field(m, who, "span", view.Span, want.Span);
        Field(m, who, "topics", Show(view.Topics.Order()), Show(want.Topics.Order()));
        Field(m, who, "language", view.Language, want.Language);
        Field(m, who, "coSpeakers", Show(view.CoSpeakers), Show(want.CoSpeakers));
        Field(m, who, "status", view.Status, want.Status);
        Field(m, who, "statusReason", view.StatusReason, want.StatusReason);
        Field(m, who, "verification", view.Verification, want.Verification);
        Field(m, who, "links", Show(view.Links.Select(l => $"{l.Direction} {l.Relation} {l.StatementId}").Order()),
            Show(want.Links.Select(l => $"{l.Direction} {l.Relation} {l.StatementId}").Order()));
        Field(m, who, "revision", view.Revision, want.Revision);
        Field(m, who, "recordedBy", view.RecordedBy, want.RecordedBy);
        Field(m, who, "recordedAt", view.RecordedAt, want.RecordedAt);
        Field(m, who, "updatedAt", view.UpdatedAt, want.UpdatedAt);
    }

    private static void CompareActor(List<string> m, string id, ActorView view, ActorView want)
    {
        Field(m, $"actor {id}", "name", view.Name, want.Name);
        Field(m, $"actor {id}", "kind", view.Kind, want.Kind);
        Field(m, $"actor {id}", "country", view.Country, want.Country);
        Field(m, $"actor {id}", "aliases", Show(view.Aliases), Show(want.Aliases));
        Field(m, $"actor {id}", "roles", Show(view.Roles.Select(r => r.ToString())), Show(want.Roles.Select(r => r.ToString())));
        Field(m, $"actor {id}", "statementCount", view.StatementCount, want.StatementCount);
        Field(m, $"actor {id}", "registeredAt", view.RegisteredAt, want.RegisteredAt);
    }

    private static void CompareTopic(List<string> m, string id, TopicView view, TopicView want)
    {
        Field(m, $"topic {id}", "title", view.Title, want.Title);
        Field(m, $"topic {id}", "description", view.Description, want.Description);
        Field(m, $"topic {id}", "parentId", view.ParentId, want.ParentId);
        Field(m, $"topic {id}", "mergedInto", view.MergedInto, want.MergedInto);
        Field(m, $"topic {id}", "statementCount", view.StatementCount, want.StatementCount);
        Field(m, $"topic {id}", "openedAt", view.OpenedAt, want.OpenedAt);
    }

    private static void Field<T>(List<string> m, string who, string field, T actual, T expected, string holder = "read model")
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            m.Add($"{who}, field '{field}': {holder} has {Show(actual)}, replay of the events says {Show(expected)}");
    }

    private static void Domain<T>(List<string> m, string who, string field, T actual, T expected) =>
        Field(m, who, field, actual, expected, "domain Apply");

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        DateTimeOffset t => t.ToString("O"),
        _ => value.ToString() ?? "",
    };

    private static string Show(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";

    private sealed record StoredEvent(long Seq, string Stream, object Data);

    private async Task<List<StoredEvent>> ReadAllEvents()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select seq_id, stream_id, type, data::text from {_cluster.Schema}.mt_events order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync())
        {
            var alias = reader.GetString(2);
            var type = TypeByAlias.GetValueOrDefault(alias) ?? throw new InvalidOperationException($"event type '{alias}' has no CLR type in EventAliases");
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), JsonSerializer.Deserialize(reader.GetString(3), type, Json)!));
        }
        return events;
    }

    private sealed record Expected(
        Dictionary<string, StatementView> Statements, Dictionary<string, ActorView> Actors, Dictionary<string, TopicView> Topics);

    /// <summary>What the views should hold, folded from the events here rather than by the projections under test.</summary>
    private static Expected Fold(IEnumerable<StoredEvent> events)
    {
        var statements = new Dictionary<string, StatementView>();
        var actors = new Dictionary<string, ActorView>();
        var topics = new Dictionary<string, TopicView>();

        void Revise(string id, DateTimeOffset at, Action<StatementView> change)
        {
            if (!statements.TryGetValue(id, out var s)) return;
            change(s);
            s.Revision += 1;
            s.UpdatedAt = at;
        }

        foreach (var e in events.Select(x => x.Data))
        {
            switch (e)
            {
                case ActorRegistered a:
                    actors[a.ActorId] = new ActorView { Id = a.ActorId, Name = a.Name, Kind = a.Kind, Country = a.Country, Aliases = [.. a.Aliases], RegisteredAt = a.RegisteredAt };
                    break;
                case ActorAliasAdded a: actors[a.ActorId].Aliases.Add(a.Alias); break;
                case ActorRoleAssigned a: actors[a.ActorId].Roles.Add(new ActorRole(a.Role, a.Organisation, a.From, a.To)); break;
                case StatementRecorded r:
                    statements[r.StatementId] = new StatementView
                    {
                        Id = r.StatementId, ActorId = r.ActorId, SourceId = r.SourceId, Quote = r.Quote, QuoteKind = r.QuoteKind, SaidOn = r.SaidOn,
                        Occasion = r.Occasion, Span = r.Span, Topics = [.. r.Topics.Distinct()], Language = r.Language, CoSpeakers = [.. r.CoSpeakers],
                        Status = StatementStatus.Recorded, Revision = 1, RecordedBy = r.RecordedBy, RecordedAt = r.RecordedAt, UpdatedAt = r.RecordedAt,
                    };
                    actors[r.ActorId].StatementCount += 1;
                    break;
                case StatementVerified v:
                    Revise(v.StatementId, v.VerifiedAt, s => (s.Status, s.StatusReason, s.Verification) =
                        (StatementStatus.Verified, null, new VerificationView(v.Method, v.Note, v.VerifiedBy, v.VerifiedAt)));
                    break;
                case StatementAmended a:
                    Revise(a.StatementId, a.AmendedAt, s =>
                    {
                        var c = a.Changes;
                        // a verification vouched for the words at the old span, not for the new ones
                        // (the history keeps it; the current view no longer claims it)
                        if ((c.Quote ?? s.Quote) != s.Quote || (c.Span ?? s.Span) != s.Span)
                        {
                            s.Status = s.Status == StatementStatus.Verified ? StatementStatus.Recorded : s.Status;
                            s.Verification = null;
                        }
                        (s.Quote, s.Span, s.SaidOn, s.Occasion, s.QuoteKind, s.Language) =
                            (c.Quote ?? s.Quote, c.Span ?? s.Span, c.SaidOn ?? s.SaidOn, c.Occasion ?? s.Occasion, c.QuoteKind ?? s.QuoteKind, c.Language ?? s.Language);
                    });
                    break;
                case StatementDisputed d:
                    Revise(d.StatementId, d.DisputedAt, s => (s.Status, s.StatusReason) = (StatementStatus.Disputed, d.Reason));
                    break;
                case StatementRetracted r:
                    Revise(r.StatementId, r.RetractedAt, s => (s.Status, s.StatusReason) = (StatementStatus.Retracted, r.Reason));
                    break;
                case StatementReinstated r:
                    Revise(r.StatementId, r.ReinstatedAt, s => (s.Status, s.StatusReason) = (r.Status, r.StatusReason));
                    break;
                case StatementUnlinked u:
                    Revise(u.StatementId, u.UnlinkedAt, s => s.Links.Remove(new LinkView(u.TargetId, u.Relation, "outgoing")));
                    // as with linking, the target's words are unchanged: no new revision of it
                    statements.GetValueOrDefault(u.TargetId)?.Links.Remove(new LinkView(u.StatementId, u.Relation, "incoming"));
                    break;
                case StatementLinked l:
                    Revise(l.StatementId, l.LinkedAt, s => s.Links.Add(new LinkView(l.TargetId, l.Relation, "outgoing")));
                    // being linked to does not change what the target statement says: no new revision of it
                    statements.GetValueOrDefault(l.TargetId)?.Links.Add(new LinkView(l.StatementId, l.Relation, "incoming"));
                    break;
                case TopicOpened t:
                    topics[t.TopicId] = new TopicView { Id = t.TopicId, Title = t.Title, Description = t.Description, ParentId = t.ParentId, OpenedAt = t.OpenedAt };
                    break;
                case TopicRenamed t: topics[t.TopicId].Title = t.Title; break;
                case TopicMerged t: topics[t.TopicId].MergedInto = t.IntoTopicId; break;
                case StatementFiled f:
                    topics[f.TopicId].StatementCount += 1;
                    if (statements.TryGetValue(f.StatementId, out var filed) && !filed.Topics.Contains(f.TopicId)) filed.Topics.Add(f.TopicId);
                    break;
                case StatementUnfiled f:
                    topics[f.TopicId].StatementCount -= 1;
                    statements.GetValueOrDefault(f.StatementId)?.Topics.Remove(f.TopicId);
                    break;
            }
        }
        return new Expected(statements, actors, topics);
    }

    // ---------------------------------------------------------------- the scripts

    private enum AmendField { Occasion, SaidOn, Span, QuoteKind }

    /// <summary>A step names statements by pick: the n-th latest statement recorded so far (modulo), so any sub-script stays valid.</summary>
    private abstract record Step
    {
        public sealed record Record(int Actor, int Sentence, int Topics, int Occasion) : Step;
        public sealed record Rename(int Topic, int Title) : Step;
        /// <summary>Merges topic <see cref="From"/> into the other one.</summary>
        public sealed record Merge(int From) : Step;
        public abstract record OnStatement(int Pick) : Step;
        public sealed record Verify(int Pick, int Method) : OnStatement(Pick);
        public sealed record Amend(int Pick, AmendField Field, int Value) : OnStatement(Pick);
        public sealed record Dispute(int Pick, int Reason) : OnStatement(Pick);
        public sealed record Retract(int Pick, int Reason) : OnStatement(Pick);
        public sealed record Reinstate(int Pick, int Reason) : OnStatement(Pick);
        public sealed record Link(int Pick, int Target, int Relation) : OnStatement(Pick);
        /// <summary>Relation -1: every relation to the target.</summary>
        public sealed record Unlink(int Pick, int Target, int Relation) : OnStatement(Pick);
        public sealed record FileUnder(int Topic, int Pick) : OnStatement(Pick);
        public sealed record UnfileFrom(int Topic, int Pick) : OnStatement(Pick);
    }

    private sealed record Script(Step[] Steps)
    {
        public static readonly string[] Occasions = ["press briefing", "interview"];
        public static readonly string[] Methods = ["source-text-check", "video"];
        public static readonly string[] Reasons = ["denied by the speaker's office", "transcript contested"];
        public static readonly string[] Titles = ["Trade and transport", "Border crossings"];

        public static Gen<Script> Generator
        {
            get
            {
                // mostly the latest statements, so that lifecycles build up on the same statement
                var pick = Gen.Frequency((3, Gen.Choose(0, 1)), (1, Gen.Choose(0, 29)));
                var step = Gen.Frequency(
                    (5, Gen.Choose(0, 2).SelectMany(a => Gen.Choose(0, 7), (a, s) => (a, s))
                        .SelectMany(x => Gen.Choose(0, 3).Zip(Gen.Choose(0, 1)), (x, y) => (Step)new Step.Record(x.a, x.s, y.Item1, y.Item2))),
                    (2, pick.Zip(Gen.Choose(0, 1), (p, m) => (Step)new Step.Verify(p, m))),
                    (3, pick.Zip(Gen.Elements(Enum.GetValues<AmendField>()), (p, f) => (p, f))
                        .SelectMany(_ => Gen.Choose(0, 9), (x, v) => (Step)new Step.Amend(x.p, x.f, v))),
                    (2, pick.Zip(Gen.Choose(0, 1), (p, r) => (Step)new Step.Dispute(p, r))),
                    (2, pick.Zip(Gen.Choose(0, 1), (p, r) => (Step)new Step.Retract(p, r))),
                    (2, pick.Zip(Gen.Choose(0, 1), (p, r) => (Step)new Step.Reinstate(p, r))),
                    (2, pick.Zip(pick, (p, t) => (p, t)).SelectMany(_ => Gen.Choose(0, LinkRelations.All.Count - 1), (x, r) => (Step)new Step.Link(x.p, x.t, r))),
                    (2, pick.Zip(pick, (p, t) => (p, t)).SelectMany(_ => Gen.Choose(-1, LinkRelations.All.Count - 1), (x, r) => (Step)new Step.Unlink(x.p, x.t, r))),
                    (2, Gen.Choose(0, 1).Zip(pick, (t, p) => (Step)new Step.FileUnder(t, p))),
                    (2, Gen.Choose(0, 1).Zip(pick, (t, p) => (Step)new Step.UnfileFrom(t, p))),
                    (1, Gen.Choose(0, 1).Zip(Gen.Choose(0, 1), (t, n) => (Step)new Step.Rename(t, n))),
                    (1, Gen.Choose(0, 1).Select(t => (Step)new Step.Merge(t))));
                return Gen.Choose(5, 30).SelectMany(n => step.ArrayOf(n)).Select(steps => new Script(steps));
            }
        }

        public override string ToString() => $"{Steps.Length} steps:\n  " + string.Join("\n  ", Steps.Select((s, i) => $"#{i} {s}"));
    }
}
