using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Archive.Store.Diagnostics;

/// <summary>
/// A diagnostic asynchronous projection that throws on every event of one type, so an operator (or a test) can watch
/// how the archive reports a failing projection while the others keep running. Registered only when
/// <c>ARCHIVE_TEST_FAULTY_PROJECTION</c> names an event type alias (e.g. <c>statement_verified</c>); it stores nothing.
/// </summary>
public sealed partial class FaultyProjection(string failOn) : EventProjection
{
    public const string Setting = "ARCHIVE_TEST_FAULTY_PROJECTION";

    public static void AddWhenConfigured(StoreOptions options)
    {
        if (Environment.GetEnvironmentVariable(Setting) is { Length: > 0 } alias)
            options.Projections.Add(new FaultyProjection(alias.Trim()), ProjectionLifecycle.Async);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation) =>
        e.EventTypeName == failOn
            ? throw new InvalidOperationException($"{Setting}: this diagnostic projection refuses every '{failOn}' event (here at position {e.Sequence})")
            : ValueTask.CompletedTask;
}
