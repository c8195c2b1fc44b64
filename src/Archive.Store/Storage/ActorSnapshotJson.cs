using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Archive.Domain.Actors;
using Archive.Domain.Statements;

namespace Archive.Store.Storage;

/// <summary>
/// The JSON snapshot of an <see cref="ActorState"/> (format 3, written until format 4, <see cref="ActorSnapshotFormat"/>,
/// replaced it): one positional array per statement and the source ids numbered once per snapshot. Snapshots of this
/// format already in a store are still read, so their streams are not replayed; new snapshots are written in format 4.
/// </summary>
/// <remarks>
/// <code>
/// {"i":id,"n":name,"k":kind,"c":country,"a":[alias…],"r":[[role,organisation,from,to]…],"s":[sourceId…],
///  "t":[[statementId, source#, start, end, quoteKind, saidOn day number, language, status, revision,
///        recording, quote, occasion|null, joint 0|1, (verified, statusReason, [[target,relation]…],
///        [[target,relation,reason]…], [status,reason], reinstatedBecause)]…]}
/// </code>
/// The tail in parentheses is written only as far as its last value that is not null or empty; a missing element
/// reads back as null or empty. Anything else than this shape is refused, so a snapshot is never half read.
/// </remarks>
public static class ActorSnapshotJson
{
    public const int Version = 3;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ActorState state)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + state.Statements.Count * 128);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("i"u8, state.Id);
            w.WriteString("n"u8, state.Name);
            w.WriteString("k"u8, state.Kind);
            w.WriteString("c"u8, state.Country);
            w.WriteStartArray("a"u8);
            foreach (var alias in state.Aliases) w.WriteStringValue(alias);
            w.WriteEndArray();
            w.WriteStartArray("r"u8);
            foreach (var role in state.Roles)
            {
                w.WriteStartArray();
                w.WriteStringValue(role.Role);
                w.WriteStringValue(role.Organisation);
                WriteDate(w, role.From);
                WriteDate(w, role.To);
                w.WriteEndArray();
            }
            w.WriteEndArray();

            var sources = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var statement in state.Statements.Values) sources.TryAdd(statement.SourceId, sources.Count);
            w.WriteStartArray("s"u8);
            foreach (var source in sources.Keys) w.WriteStringValue(source);
            w.WriteEndArray();

            w.WriteStartArray("t"u8);
            foreach (var (id, s) in state.Statements) WriteStatement(w, id, s, sources[s.SourceId]);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStatement(Utf8JsonWriter w, string id, StatementState s, int source)
    {
        w.WriteStartArray();
        w.WriteStringValue(id);
        w.WriteNumberValue(source);
        w.WriteNumberValue(s.Span.Start);
        w.WriteNumberValue(s.Span.End);
        w.WriteStringValue(s.QuoteKind);
        w.WriteNumberValue(s.SaidOn.DayNumber);
        w.WriteStringValue(s.Language);
        w.WriteStringValue(s.Status);
        w.WriteNumberValue(s.Revision);
        w.WriteStringValue(s.Recording);
        w.WriteStringValue(s.Quote);
        w.WriteStringValue(s.Occasion);
        w.WriteNumberValue(s.Joint ? 1 : 0);

        // the optional tail, up to its last value
        var last = s.ReinstatedBecause is not null ? 6 : s.BeforeRetraction is not null ? 5 : s.RemovedLinks.Count > 0 ? 4
            : s.Links.Count > 0 ? 3 : s.StatusReason is not null ? 2 : s.Verified is not null ? 1 : 0;
        if (last >= 1) w.WriteStringValue(s.Verified);
        if (last >= 2) w.WriteStringValue(s.StatusReason);
        if (last >= 3)
        {
            w.WriteStartArray();
            foreach (var link in s.Links) { w.WriteStartArray(); w.WriteStringValue(link.TargetId); w.WriteStringValue(link.Relation); w.WriteEndArray(); }
            w.WriteEndArray();
        }
        if (last >= 4)
        {
            w.WriteStartArray();
            foreach (var r in s.RemovedLinks)
            {
                w.WriteStartArray(); w.WriteStringValue(r.TargetId); w.WriteStringValue(r.Relation); w.WriteStringValue(r.Reason); w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        if (last >= 5)
        {
            if (s.BeforeRetraction is { } prior)
            {
                w.WriteStartArray(); w.WriteStringValue(prior.Status); w.WriteStringValue(prior.Reason); w.WriteEndArray();
            }
            else w.WriteNullValue();
        }
        if (last >= 6) w.WriteStringValue(s.ReinstatedBecause);
        w.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter w, DateOnly? date)
    {
        if (date is { } d) w.WriteNumberValue(d.DayNumber);
        else w.WriteNullValue();
    }

    /// <summary>The state, or a <see cref="JsonException"/> naming what is not of this format.</summary>
    public static ActorState Read(ReadOnlySpan<byte> utf8) => new ActorSnapshotReader(utf8).ReadState();
}
