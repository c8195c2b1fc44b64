namespace Archive.Domain.Common;

/// <summary>Who asks and when: time is passed in, never read inside the domain.</summary>
public sealed record CommandContext(string Principal, DateTimeOffset Now);
