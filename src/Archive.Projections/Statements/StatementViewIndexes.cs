namespace Archive.Projections.Statements;

/// <summary>
/// Indexes on the statement views that Marten's index configuration cannot express, created by the migration after
/// Marten made the table. Queries must repeat these expressions exactly for PostgreSQL to use them.
/// </summary>
public static class StatementViewIndexes
{
    /// <summary>
    /// An actor's statements in the timeline's order (said on, then id): a page is a range of this index, read in
    /// order and stopped at the page size, instead of every statement of the actor fetched and sorted.
    /// </summary>
    public static string Sql(string schema) => $"""
        create index if not exists archive_statementview_actor_said_on
          on {schema}.mt_doc_statementview ((data ->> 'actorId'), (data ->> 'saidOn'), id);
        """;
}
