using Npgsql;

namespace Archive.Store.Statements;

/// <summary>The full-text expressions that queries must repeat exactly, so PostgreSQL uses the index.</summary>
public static class StatementSearchSql
{
    public const string Configuration = "english";

    /// <summary>
    /// The statement views' search documents, kept in a table of their own by a trigger on the view table: ranking
    /// every match of a frequent word would otherwise recompute <c>to_tsvector</c> of each matching quote (about
    /// 37 µs each) on every query. (A column on the view table itself would not survive Marten's schema updates.)
    /// </summary>
    public const string Table = "archive_statement_search";

    /// <summary>The SQL function that makes a quote's search document; queries that compute one call it too.</summary>
    public static string Document(string schema, string quote) => $"{schema}.archive_search_document({quote})";

    /// <summary>What the current documents were made by; a migration that finds another version recomputes them.</summary>
    private const string DocumentVersion = "search documents v2: hyphenated words also joined";

    /// <summary>
    /// The table, its index and the triggers that keep it (idempotent; after Marten made the view table). A row holds
    /// the quote's search document and the quote in lower case, which the exact-hit test reads, so a search ranks its
    /// matches from this table alone and reads the (much larger) views only for the page it returns. An update of a
    /// view recomputes the row only when the quote changed: filings, verifications and links leave it as it was.
    /// </summary>
    public static string Sql(string schema) => $"""
        create table if not exists {schema}.{Table} (
          id text primary key,
          document tsvector not null,
          quote text not null);
        -- A hyphenated word is indexed as written ('iron-clad', with its parts 'iron' and 'clad') and joined ('ironclad'),
        -- so a search for any of the three forms finds it.
        create or replace function {schema}.archive_search_document(quote text) returns tsvector
          language sql immutable parallel safe as $f$
            select to_tsvector('{Configuration}'::regconfig, coalesce(quote, ''))
                || to_tsvector('{Configuration}'::regconfig, regexp_replace(coalesce(quote, ''), '(?<=\w)[-\u2010\u2011](?=\w)', '', 'g'))
          $f$;
        create or replace function {schema}.archive_statement_search_row() returns trigger language plpgsql as $f$
        begin
          if tg_op = 'DELETE' then
            delete from {schema}.{Table} where id = old.id;
            return old;
          end if;
          -- a rebuild writes the views again with the quotes they had (BeforeRebuild keeps their rows): a row that holds
          -- this very quote is left as it is, so the rebuild does not make every search document again
          if exists (select 1 from {schema}.{Table} where id = new.id and quote = lower(coalesce(new.data ->> 'quote', ''))) then
            return new;
          end if;
          insert into {schema}.{Table} (id, document, quote)
          values (new.id, {schema}.archive_search_document(new.data ->> 'quote'), lower(coalesce(new.data ->> 'quote', '')))
          on conflict (id) do update set document = excluded.document, quote = excluded.quote;
          return new;
        end
        $f$;
        create or replace function {schema}.archive_statement_search_truncate() returns trigger language plpgsql as $f$
        begin
          truncate {schema}.{Table};
          return null;
        end
        $f$;
        do $d$
        begin
          -- an earlier shape of the table: no lower-case quote, one trigger for every change
          if not exists (select 1 from information_schema.columns where table_schema = '{schema}' and table_name = '{Table}' and column_name = 'quote') then
            alter table {schema}.{Table} add column quote text not null default '';
            alter table {schema}.{Table} alter column quote drop default;
          end if;
          drop trigger if exists archive_statement_search_rows on {schema}.mt_doc_statementview;
          if not exists (select 1 from pg_trigger where tgname = 'archive_statement_search_insert' and tgrelid = '{schema}.mt_doc_statementview'::regclass) then
            create trigger archive_statement_search_insert after insert or delete on {schema}.mt_doc_statementview
              for each row execute function {schema}.archive_statement_search_row();
            create trigger archive_statement_search_update after update on {schema}.mt_doc_statementview
              for each row when (old.data ->> 'quote' is distinct from new.data ->> 'quote')
              execute function {schema}.archive_statement_search_row();
            -- views written before these triggers existed (or before the table had the quote)
            insert into {schema}.{Table} (id, document, quote)
            select id, {schema}.archive_search_document(data ->> 'quote'), lower(coalesce(data ->> 'quote', ''))
            from {schema}.mt_doc_statementview
            on conflict (id) do update set document = excluded.document, quote = excluded.quote;
          end if;
          -- documents made by an earlier definition are made again
          if obj_description('{schema}.{Table}'::regclass, 'pg_class') is distinct from '{DocumentVersion}' then
            update {schema}.{Table} s set document = {schema}.archive_search_document(v.data ->> 'quote')
            from {schema}.mt_doc_statementview v where v.id = s.id;
            comment on table {schema}.{Table} is '{DocumentVersion}';
          end if;
          if not exists (select 1 from pg_trigger where tgname = 'archive_statement_search_truncate' and tgrelid = '{schema}.mt_doc_statementview'::regclass) then
            create trigger archive_statement_search_truncate after truncate on {schema}.mt_doc_statementview
              for each statement execute function {schema}.archive_statement_search_truncate();
          end if;
          -- left disabled by a rebuild whose host stopped before AfterRebuild
          if exists (select 1 from pg_trigger where tgname = 'archive_statement_search_truncate'
                     and tgrelid = '{schema}.mt_doc_statementview'::regclass and tgenabled = 'D') then
            alter table {schema}.mt_doc_statementview enable trigger archive_statement_search_truncate;
          end if;
        end
        $d$;
        """;

    /// <summary>
    /// The search documents' index (after <see cref="Sql"/>; idempotent). With RUM's operators (in schema
    /// <paramref name="rumSchema"/>) a RUM index, which keeps each word's positions beside it and so hands out the matches
    /// of a query in rank order: a page reads only the matches it returns. Without them, GIN: every match is found
    /// through it and ranked. Only one of the two is kept, since every recorded or amended quote updates it.
    /// </summary>
    public static string IndexSql(string schema, string? rumSchema) => rumSchema is null
        ? $"""
          create index if not exists {Table}_document on {schema}.{Table} using gin (document);
          drop index if exists {schema}.{Table}_ranked;
          """
        : $"""
          create index if not exists {Table}_ranked on {schema}.{Table} using rum (document {rumSchema}.rum_tsvector_ops);
          drop index if exists {schema}.{Table}_document;
          """;

    /// <summary>
    /// Creates the RUM extension when it is installed but not yet created (which needs a superuser; an administrator
    /// may have done it), and answers the schema holding its operators, or why there are none.
    /// </summary>
    public static async Task<(string? RumSchema, string? Why)> EnableRum(NpgsqlConnection connection, CancellationToken ct)
    {
        string? why = null;
        try
        {
            await using var create = new NpgsqlCommand("create extension if not exists rum", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        // not installed on the server (58P01), not allowed to create it (42501), or created at this moment by another
        // schema's migration (42710, 23505): the catalog below says which
        catch (PostgresException e) when (e.SqlState is "58P01" or "42501" or "42710" or "23505" or "0A000")
        {
            why = e.SqlState == "58P01" ? "the RUM extension is not installed on the PostgreSQL server"
                : e.SqlState == "42501" ? "the RUM extension is installed but not created, and creating it needs a superuser"
                : e.MessageText;
        }
        await using var find = new NpgsqlCommand(
            "select n.nspname::text from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'rum'", connection);
        return await find.ExecuteScalarAsync(ct) is string schema ? (schema, null) : (null, why ?? "the RUM extension is not created");
    }

    /// <summary>
    /// Before the views are rebuilt: their truncation keeps the search rows, which the rebuilt views then find
    /// unchanged (a quote's search document is made again only when its quote differs). Making every document again
    /// was most of a rebuild's work: to_tsvector twice per quote and an insert into the GIN index.
    /// </summary>
    public static string BeforeRebuild(string schema) =>
        $"alter table {schema}.mt_doc_statementview disable trigger archive_statement_search_truncate";

    /// <summary>After a rebuild, finished or not: truncation clears the search rows again, and rows without a view go.</summary>
    public static string AfterRebuild(string schema) => $"""
        alter table {schema}.mt_doc_statementview enable trigger archive_statement_search_truncate;
        delete from {schema}.{Table} s where not exists (select 1 from {schema}.mt_doc_statementview v where v.id = s.id);
        """;
}
