using Archive.Domain;
using Archive.Store.Statements;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;

namespace Archive.Store;

/// <summary>The one place where the event store, its event aliases and every projection are declared.</summary>
public static class ArchiveStore
{
    public const string PrincipalHeader = "principal";

    public static void Configure(StoreOptions options, string connectionString, string schema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.Events.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Rich mode: the grains append with the version they hold, and Marten refuses a stale one.
        options.Events.AppendMode = EventAppendMode.Rich;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        foreach (var (type, alias) in EventAliases.ByType) options.Events.MapEventType(type, alias);

        ReadModels.Register(options); // every read model, declared once
        Diagnostics.FaultyProjection.AddWhenConfigured(options); // a diagnostic, off unless its setting is given
        // A projection that throws stops at that event (recorded in mt_event_progression, reported by /health) rather
        // than skipping it into a dead-letter table: an audit view silently missing an event is worse than a stopped one.
        options.Projections.Errors.SkipApplyErrors = false;
        // The daemon looks for newly committed events every 100 ms while events arrive (Marten's default is 250 ms)
        // and every 500 ms when idle (default 1 s): the audit projection then lags a busy archive by well under a
        // second, for one small query on the event sequence per poll.
        options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
        options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(500);
        // The daemon then writes a stopped shard's status and failing event (sequence, type) onto its progression row.
        options.Events.EnableExtendedProgressionTracking = true;

        // Indexes on Marten's tables are declared here, never created beside it: Marten drops an index it does not
        // know at its next schema check (a migration, or a process's first use of the document type), outside the
        // migration lock. Search documents live in their own table (StatementSearchSql): a full-text index on the
        // views would recompute to_tsvector(quote) on every update of a view, filings and verifications too.
        options.Schema.For<StatementView>()
            .Index(x => x.ActorId)
            .Index(x => x.SaidOn);
        options.Schema.For<Audit.AuditEntry>().Index(x => x.StatementId);
    }
}
