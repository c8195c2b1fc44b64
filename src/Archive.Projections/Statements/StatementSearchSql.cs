namespace Archive.Projections.Statements;

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

    /// <summary>The trigger, the table and its index (idempotent; after Marten made the view table).</summary>
    public static string Sql(string schema) => $"""
        create table if not exists {schema}.{Table} (
          id text primary key,
          document tsvector not null);
        create index if not exists {Table}_document on {schema}.{Table} using gin (document);
        create or replace function {schema}.archive_statement_search_row() returns trigger language plpgsql as $f$
        begin
          if tg_op = 'DELETE' then
            delete from {schema}.{Table} where id = old.id;
            return old;
          end if;
          insert into {schema}.{Table} (id, document)
          values (new.id, to_tsvector('{Configuration}'::regconfig, coalesce(new.data ->> 'quote', '')))
          on conflict (id) do update set document = excluded.document;
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
          if not exists (select 1 from pg_trigger where tgname = 'archive_statement_search_rows' and tgrelid = '{schema}.mt_doc_statementview'::regclass) then
            create trigger archive_statement_search_rows after insert or update or delete on {schema}.mt_doc_statementview
              for each row execute function {schema}.archive_statement_search_row();
            -- views written before the trigger existed
            insert into {schema}.{Table} (id, document)
            select id, to_tsvector('{Configuration}'::regconfig, coalesce(data ->> 'quote', '')) from {schema}.mt_doc_statementview
            on conflict (id) do update set document = excluded.document;
          end if;
          if not exists (select 1 from pg_trigger where tgname = 'archive_statement_search_truncate' and tgrelid = '{schema}.mt_doc_statementview'::regclass) then
            create trigger archive_statement_search_truncate after truncate on {schema}.mt_doc_statementview
              for each statement execute function {schema}.archive_statement_search_truncate();
          end if;
        end
        $d$;
        """;
}
