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
    /// <summary>The one relation that must not form a cycle: a statement cannot, through others, supersede itself.</summary>
    public const string Supersedes = "supersedes";
    public static readonly IReadOnlyList<string> All = ["repeats", "clarifies", "contradicts", Supersedes, "responds-to"];
}

public static class StatementStatus
{
    public const string Recorded = "recorded";
    public const string Verified = "verified";
    public const string Disputed = "disputed";
    public const string Retracted = "retracted";
}
