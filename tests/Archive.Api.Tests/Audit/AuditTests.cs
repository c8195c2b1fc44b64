using System.Net.Http.Json;
using Archive.Audit;
using Archive.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Api.Tests;

public sealed record Break(string StreamKey, long Version, string Problem, string Expected, string Found);

public sealed record Verification(bool Intact, int Streams, long Events, int Seals, List<Break> Broken, long Tombstones = 0);

/// <summary>Tampering done directly in SQL, behind the archive's back, and what verification says of it.</summary>
public sealed class AuditTests() : ApiTest(seeded: true)
{

    private Task<Verification?> Verify(string? stream = null) =>
        Client.GetFromJsonAsync<Verification>("/api/audit/verify" + (stream is null ? "" : $"?stream={Uri.EscapeDataString(stream)}"));

    /// <summary>Runs SQL as the table's owner with the append-only triggers disabled, as a tamperer with those rights would.</summary>
    private async Task Tamper(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var table = $"{Factory.Schema}.mt_events";
        await using var command = new NpgsqlCommand(
            $"alter table {table} disable trigger user; {sql.Replace("EVENTS", table).Replace("STREAMS", $"{Factory.Schema}.mt_streams")}; alter table {table} enable trigger user;",
            connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    [Theory]
    [InlineData("actor:x' or 'a'='a")]
    [InlineData("actor:x\\' or true --")]
    [InlineData("actor:x'); select 1; --")]
    public async Task Verify_StreamKeyWithQuotesAndBackslashes_IsOnlyAKeyNoStreamHas(string stream)
    {
        var report = (await Verify(stream))!;

        Assert.True(report.Intact);
        Assert.Equal(0, report.Streams);
        Assert.Equal(0, report.Events);
    }

    [Fact]
    public async Task Verify_StreamKeyWithAControlCharacter_IsRefusedNamingTheField()
    {
        foreach (var stream in new[] { "actor:jiang\0zaidong", "actor:jiang-zaidong\n" })
        {
            var response = await Client.GetAsync($"/api/audit/verify?stream={Uri.EscapeDataString(stream)}");

            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("\"stream\"", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Verify_UntouchedSeeds_ReportsEveryStreamIntact()
    {
        var report = (await Verify())!;

        Assert.True(report.Intact, string.Join("; ", report.Broken.Select(b => $"{b.StreamKey}@{b.Version}: {b.Problem}")));
        Assert.Equal(await Factory.EventCount(), report.Events);
        Assert.True(report.Streams >= 9 + 12 + 5);
    }

    [Fact]
    public async Task AppendOnly_UpdateOrDeleteThroughSql_IsRefusedByTheDatabase()
    {
        var table = $"{Factory.Schema}.mt_events";
        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            TestDatabase.Scalar($"update {table} set data = '{{}}' where stream_id = 'actor:lin-jian' and version = 1"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => TestDatabase.Scalar($"delete from {table} where stream_id = 'actor:lin-jian'"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => TestDatabase.Scalar($"truncate {table}"));

        Assert.All(new[] { update, delete, truncate }, e => Assert.Contains("append-only", e.MessageText));
        Assert.True((await Verify())!.Intact);
    }

    [Fact]
    public async Task Verify_OneEventsDataChanged_NamesThatStreamAndVersion()
    {
        await Tamper("update EVENTS set data = jsonb_set(data, '{quote}', '\"China and Pakistan are rivals\"') where stream_id = 'actor:lin-jian' and version = 5");

        var report = (await Verify())!;

        var only = Assert.Single(report.Broken);
        Assert.Equal(("actor:lin-jian", 5L), (only.StreamKey, only.Version));
        Assert.False(report.Intact);
    }

    [Fact]
    public async Task Verify_OneEventDeleted_NamesTheMissingVersion()
    {
        await Tamper("delete from EVENTS where stream_id = 'actor:jiang-zaidong' and version = 4");

        var report = (await Verify("actor:jiang-zaidong"))!;

        var only = Assert.Single(report.Broken);
        Assert.Equal(("actor:jiang-zaidong", 4L), (only.StreamKey, only.Version));
        Assert.Contains("missing", only.Problem);
    }

    [Fact]
    public async Task Verify_LastEventDeleted_IsCaughtByTheStreamsRecordedVersion()
    {
        var last = await TestDatabase.Scalar($"select max(version) from {Factory.Schema}.mt_events where stream_id = 'topic:afghanistan'");
        await Tamper($"delete from EVENTS where stream_id = 'topic:afghanistan' and version = {last}");

        var only = Assert.Single((await Verify())!.Broken);

        Assert.Equal("topic:afghanistan", only.StreamKey);
        Assert.Equal(last, only.Version);
    }

    [Fact]
    public async Task Verify_TwoEventsVersionsSwapped_NamesTheFirstSwappedVersion()
    {
        await Tamper("""
            update EVENTS set version = -1 where stream_id = 'actor:xi-jinping' and version = 2;
            update EVENTS set version = 2 where stream_id = 'actor:xi-jinping' and version = 3;
            update EVENTS set version = 3 where stream_id = 'actor:xi-jinping' and version = -1
            """);

        var only = Assert.Single((await Verify())!.Broken);

        Assert.Equal(("actor:xi-jinping", 2L), (only.StreamKey, only.Version));
    }

    [Fact]
    public async Task Verify_ForgedEventInserted_NamesItsStreamAndVersion()
    {
        await Tamper("""
            insert into EVENTS (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers)
            select nextval(pg_get_serial_sequence('EVENTS', 'seq_id')), gen_random_uuid(), stream_id, version + 1,
                   jsonb_set(data, '{reason}', '"forged"'), 'statement_retracted', now(), tenant_id, mt_dotnet_type, headers
            from EVENTS where stream_id = 'actor:wang-yi' order by version desc limit 1;
            update STREAMS set version = version + 1 where id = 'actor:wang-yi'
            """);

        var only = Assert.Single((await Verify())!.Broken);

        var last = await TestDatabase.Scalar($"select max(version) from {Factory.Schema}.mt_events where stream_id = 'actor:wang-yi'");
        Assert.Equal(("actor:wang-yi", last), (only.StreamKey, only.Version));
    }

    public static TheoryData<string, string> Tamperings => new()
    {
        { "data", "first" }, { "hash", "middle" }, { "no hash", "last" },
        { "deleted", "first" }, { "deleted", "middle" }, { "deleted", "last" }, { "data", "last" },
    };

    /// <summary>
    /// The first stream's first event, the middle stream's middle event or the last stream's last event (in key
    /// order, so at the start, inside and at the end of what verification reads), changed behind the archive's back.
    /// </summary>
    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Verify_EventTamperedAnywhere_GivesTheReportOfTheReferenceVerifier(string tampering, string where)
    {
        // given seeds with one event changed
        var streams = await TestDatabase.Column<string>($"select id from {Factory.Schema}.mt_streams order by id collate \"C\"");
        var stream = where switch { "first" => streams[0], "middle" => streams[streams.Count / 2], _ => streams[^1] };
        var last = await TestDatabase.Scalar($"select max(version) from {Factory.Schema}.mt_events where stream_id = '{stream}'");
        var version = where switch { "first" => 1, "middle" => (last + 1) / 2, _ => last };
        var row = $"stream_id = '{stream}' and version = {version}";
        await Tamper(tampering switch
        {
            "data" => $"update EVENTS set data = jsonb_set(data, '{{tampered}}', 'true') where {row}",
            "hash" => $"update EVENTS set headers = jsonb_set(headers, '{{hash}}', to_jsonb(repeat('0', 64))) where {row}",
            "no hash" => $"update EVENTS set headers = headers - 'hash' where {row}",
            _ => $"delete from EVENTS where {row}",
        });

        // when the archive verifies itself
        var report = (await Verify())!;

        // then it names that stream, with exactly what ChainVerifier says of the events read as text
        var expected = await ReferenceReport();
        Assert.Contains(report.Broken, b => b.StreamKey == stream);
        Assert.Equal(expected.Broken, report.Broken);
        Assert.Equal((expected.Streams, expected.Events, false), (report.Streams, report.Events, report.Intact));
    }

    /// <summary>What the archive's report must say: every stream's events read as text and checked by <see cref="ChainVerifier"/>.</summary>
    private async Task<(int Streams, long Events, List<Break> Broken)> ReferenceReport()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var recorded = new Dictionary<string, long>();
        await using (var command = new NpgsqlCommand($"select id, version from {Factory.Schema}.mt_streams", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) recorded[reader.GetString(0)] = reader.GetInt64(1);
        var events = new List<StoredEvent>();
        await using (var command = new NpgsqlCommand(
            $"select seq_id, stream_id, version, type, data::text, headers ->> 'hash' from {Factory.Schema}.mt_events", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
        var results = events.GroupBy(e => e.StreamKey)
            .Select(g => ChainVerifier.Verify(g.Key, g.ToList(), recorded.Remove(g.Key, out var v) ? v : null))
            .Concat(recorded.Select(r => ChainVerifier.Verify(r.Key, [], r.Value))).ToList();
        var broken = results.Where(r => !r.Intact).Select(r => r.Break!)
            .Select(b => new Break(b.StreamKey, b.Version, b.Problem, b.Expected, b.Found))
            .OrderBy(b => b.StreamKey, StringComparer.Ordinal).ToList();
        return (results.Count, results.Sum(r => r.Events), broken);
    }

    private async Task<long> Seal()
    {
        var total = await Factory.EventCount();
        await Eventually.Get(() => Client.GetFromJsonAsync<Feed>($"/api/events?after={total - 1}"), f => f!.Items.Count == 1, what: "the high-water mark");
        var grains = Factory.Services.GetRequiredService<IGrainFactory>();
        var sealed_ = await grains.GetGrain<Archive.Grains.Interfaces.ISealGrain>(Archive.Grains.Interfaces.ISealGrain.Key)
            .Seal(new Archive.Grains.Interfaces.WriteContext("auditor", null));
        Assert.True(sealed_.Appended);
        return total;
    }

    [Fact]
    public async Task Seal_ChainRewrittenWithRecomputedHashes_IsCaughtByTheSealNamingItsRange()
    {
        // given sealed seeds
        await Seal();
        Assert.Equal((true, 1), ((await Verify())!.Intact, (await Verify())!.Seals));

        // when a tamperer rewrites a quote and recomputes every hash after it, so the stream's chain holds again
        var stream = "actor:lin-jian";
        var rows = await TestDatabase.Column<string>(
            $"select version || '|' || type || '|' || data::text from {Factory.Schema}.mt_events where stream_id = '{stream}' order by version");
        string? previous = null;
        var updates = new List<string>();
        foreach (var row in rows)
        {
            var parts = row.Split('|', 3);
            var data = parts[2];
            data = data.Replace("iron-clad friends", "rivals");
            previous = EventHash.Compute(previous, stream, long.Parse(parts[0]), parts[1], CanonicalJson.Canonicalize(data));
            updates.Add($"update EVENTS set data = '{data.Replace("'", "''")}'::jsonb, headers = jsonb_set(headers, '{{hash}}', '\"{previous}\"') where stream_id = '{stream}' and version = {parts[0]}");
        }
        Assert.Contains(updates, u => u.Contains("rivals"));
        await Tamper(string.Join(";\n", updates));

        // then the chain looks intact, but the seal does not match
        var report = (await Verify())!;
        var only = Assert.Single(report.Broken);
        Assert.Equal("archive:seals", only.StreamKey);
        Assert.Contains("Merkle root", only.Problem);
        Assert.Contains("seal 1 over positions 1-", only.Problem);
    }

    [Fact]
    public async Task Seal_SealAltered_IsCaughtInTheSealsChain()
    {
        await Seal();

        await Tamper("update EVENTS set data = jsonb_set(data, '{merkleRoot}', '\"00\"') where stream_id = 'archive:seals'");

        var only = Assert.Single((await Verify())!.Broken);
        Assert.Equal(("archive:seals", 1L), (only.StreamKey, only.Version));
    }

    [Fact]
    public async Task FailedAppend_ItsTombstonesAreCountedNotReportedAsTampering_AndTheBundleStillVerifies()
    {
        // a real failed append: Marten draws positions for the events, the stale expected version fails the
        // transaction, and Marten fills the drawn positions with tombstones
        var store = Factory.Services.GetRequiredService<Marten.IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Events.Append("actor:wang-yi", 2, new Archive.Domain.Actors.ActorAliasAdded("wang-yi", "W. Yi", "archivist-ana", DateTimeOffset.UtcNow));
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync(TestContext.Current.CancellationToken));
        }
        var tombstones = await Eventually.Get(
            () => TestDatabase.Scalar($"select count(*) from {Factory.Schema}.mt_events where stream_id = '{Tombstones.Stream}'"),
            n => n > 0, TimeSpan.FromSeconds(30), "Marten's tombstones for the failed append");

        var report = (await Verify())!;
        Assert.True(report.Intact, string.Join("; ", report.Broken.Select(b => $"{b.StreamKey}@{b.Version}: {b.Problem}")));
        Assert.Equal(tombstones, report.Tombstones);
        Assert.Equal(await Factory.EventCount() - tombstones, report.Events);

        // exported (once the high-water mark passed them) as bare positions, and verified offline
        var lines = await Eventually.Get(
            async () => (await Client.GetStringAsync("/api/audit/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => l.Count(x => x.Contains("\"kind\":\"tombstone\"")) == tombstones, TimeSpan.FromSeconds(30), "the tombstones in the export");
        var offline = BundleVerifier.Verify(lines);
        Assert.Null(offline.Failure);
        Assert.Equal(tombstones, offline.Tombstones);

        // a tombstone line taken out of the bundle is noticed
        var without = lines.Where((l, i) => i != Array.FindIndex(lines, x => x.Contains("\"kind\":\"tombstone\""))).ToArray();
        Assert.Contains("tombstone", BundleVerifier.Verify(without).Failure?.Problem);
    }

    [Fact]
    public async Task ContentSlippedIntoTheTombstoneStream_IsReported()
    {
        await Tamper($$"""
            insert into STREAMS (id, version) values ('{{Tombstones.Stream}}', 0) on conflict (id) do nothing;
            insert into EVENTS (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
            values (nextval('{{Factory.Schema}}.mt_events_sequence'), gen_random_uuid(), '{{Tombstones.Stream}}', 1,
                    '{"quote": "words nobody said"}', 'tombstone', now(), '*DEFAULT*', 'JasperFx.Events.Tombstone, JasperFx.Events', false)
            """);

        var only = Assert.Single((await Verify())!.Broken);
        Assert.Equal(Tombstones.Stream, only.StreamKey);
    }
}
