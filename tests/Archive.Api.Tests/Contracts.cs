using System.Text.Json;

namespace Archive.Api.Tests;

// What a client sees; declared here so the tests check the wire format, not our server types.
public sealed record Written(string Id, long Version, long Position);

public sealed record Problem(string? Title, int Status, string? Detail, Dictionary<string, string[]>? Errors);

public sealed record Item(string Id, string ActorId, string SourceId, string Quote, string SaidOn, string Status, List<string> Topics);

public sealed record Page(List<Item> Items, string? Next);

public sealed record Statement(string Id, string ActorId, string Quote, string Status, List<string> Topics, int Revision, JsonElement Span);

public sealed record Source(string Id, string Title, string Text, string TextHash);
