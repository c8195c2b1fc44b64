namespace Archive.Store.Storage;

/// <summary>A domain event on its way to the store, with the principal and correlation id of the request that caused it.</summary>
public sealed record NewEvent(object Data, string Principal, string? CorrelationId = null);
