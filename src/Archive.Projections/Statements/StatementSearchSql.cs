namespace Archive.Projections.Statements;

/// <summary>The full-text expressions that queries must repeat exactly, so PostgreSQL uses the index.</summary>
public static class StatementSearchSql
{
    public const string Configuration = "english";
}
