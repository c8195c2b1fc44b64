using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Store.Actors;
using Archive.Store.Audit;
using Archive.Store.Sources;
using Archive.Store.Statements;
using Archive.Store.Storage;
using Archive.Store.Topics;
using JasperFx.Events.Projections;
using Marten;

namespace Archive.Store;

/// <summary>
/// One read model: the name the API and CLI use, its projection, when it is built, and the advisory locks a
/// transaction must hold before an event updates it (documents that other streams' events update too).
/// </summary>
/// <param name="Locks">The lock keys an event needs for this read model; none for a document only its own stream writes.</param>
/// <param name="BeforeRebuild">SQL (for a schema) the rebuild's host runs before rebuilding it; <paramref name="AfterRebuild"/> after, whatever happened.</param>
public sealed record ReadModel(string Name, Type Projection, ProjectionLifecycle Lifecycle, Func<object, IEnumerable<string>>? Locks = null,
    Func<string, string>? BeforeRebuild = null, Func<string, string>? AfterRebuild = null)
{
    public string LifecycleName => Lifecycle == ProjectionLifecycle.Inline ? "inline" : "async";

    public bool IsAsync => Lifecycle == ProjectionLifecycle.Async;
}

/// <summary>
/// The one declaration of every read model. The store's registration (<see cref="Register"/>), the rebuild queue's
/// list, the group commit's lock keys (<see cref="LockKeysOf"/>) and the snapshot documents all come from here:
/// docs/architecture.md, "Add a read model".
/// </summary>
public static class ReadModels
{
    public static readonly IReadOnlyList<ReadModel> All =
    [
        // Inline: a client that was told "recorded" must find the statement on its next read, and the API resolves a
        // statement's speaker from this view before routing a command.
        new("statements", typeof(StatementViewProjection), ProjectionLifecycle.Inline, StatementLocks,
            StatementSearchSql.BeforeRebuild, StatementSearchSql.AfterRebuild),
        // Inline with the view it snapshots, so "as of now" and the current view never disagree; its documents are keyed
        // by statement like the views, so the views' locks cover it.
        new("statement-revisions", typeof(StatementRevisionsProjection), ProjectionLifecycle.Inline),
        new("actors", typeof(ActorViewProjection), ProjectionLifecycle.Inline),
        new("topics", typeof(TopicViewProjection), ProjectionLifecycle.Inline),
        new("sources", typeof(SourceViewProjection), ProjectionLifecycle.Inline),
        // Cross-stream and not needed at once: the async daemon (Solo, one per archive) builds it.
        new("audit-entries", typeof(AuditEntryProjection), ProjectionLifecycle.Async),
    ];

    public static readonly IReadOnlyDictionary<string, ReadModel> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>Adds every read model's projection to the store, and the documents the writers keep beside them.</summary>
    public static void Register(StoreOptions options)
    {
        foreach (var model in All)
            options.Projections.Add((JasperFx.Events.Projections.IProjectionSource<IDocumentOperations, IQuerySession>)Activator.CreateInstance(model.Projection)!,
                model.Lifecycle);
        // Grains' state snapshots: declared so migrations create their table ahead of use.
        options.Storage.ExtendedSchemaObjects.Add(new SnapshotTable(options.DatabaseSchemaName));
    }

    /// <summary>The advisory lock keys a transaction appending <paramref name="event"/> must hold, over every read model.</summary>
    public static IEnumerable<string> LockKeysOf(object @event)
    {
        foreach (var model in All)
            if (model.Locks is { } locks)
                foreach (var key in locks(@event)) yield return key;
    }

    /// <summary>Statement views are also written by other streams: filings in topic streams, links at both their ends.</summary>
    private static IEnumerable<string> StatementLocks(object @event) => @event switch
    {
        StatementLinked e => [Key(e.StatementId), Key(e.TargetId)],
        StatementUnlinked e => [Key(e.StatementId), Key(e.TargetId)],
        StatementReinstated e => [Key(e.StatementId)],
        StatementRecorded e => [Key(e.StatementId)],
        StatementVerified e => [Key(e.StatementId)],
        StatementAmended e => [Key(e.StatementId)],
        StatementDisputed e => [Key(e.StatementId)],
        StatementRetracted e => [Key(e.StatementId)],
        StatementFiled e => [Key(e.StatementId)],
        StatementUnfiled e => [Key(e.StatementId)],
        _ => [],
    };

    private static string Key(string statementId) => "statement-view:" + statementId;
}
