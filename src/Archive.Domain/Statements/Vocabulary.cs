namespace Archive.Domain.Statements;

public static class QuoteKinds
{
    public const string Direct = "direct";
    public const string Reported = "reported";
    public const string Joint = "joint";
    public static readonly IReadOnlyList<string> All = [Direct, Reported, Joint];
}

public static class LinkRelations
{
    public static readonly IReadOnlyList<string> All = ["repeats", "clarifies", "contradicts", "supersedes", "responds-to"];
}

public static class StatementStatus
{
    public const string Recorded = "recorded";
    public const string Verified = "verified";
    public const string Disputed = "disputed";
    public const string Retracted = "retracted";
}
