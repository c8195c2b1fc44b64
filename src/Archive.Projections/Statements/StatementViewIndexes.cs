namespace Archive.Projections.Statements;

/// <summary>
/// Indexes on the statement views that Marten's index configuration cannot express, created by the migration after
/// Marten made the table. Queries must repeat these expressions exactly for PostgreSQL to use them.
/// </summary>
public static class StatementViewIndexes
{
    /// <summary>
    /// Statements in the lists' order (said on as ISO text, then id), all of them and per actor: a page is a range of
    /// an index, read in order and stopped at the page size, instead of every matching statement fetched and sorted.
    /// The actor's index also serves every lookup by actor (counts by topic, the speaker's statements).
    /// </summary>
    public static string Sql(string schema) => $"""
        create index if not exists archive_statementview_said_on
          on {schema}.mt_doc_statementview ((data ->> 'saidOn'), id);
        create index if not exists archive_statementview_actor_said_on
          on {schema}.mt_doc_statementview ((data ->> 'actorId'), (data ->> 'saidOn'), id);
        """;
}
