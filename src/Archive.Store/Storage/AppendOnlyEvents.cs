using Npgsql;

namespace Archive.Store.Storage;

/// <summary>
/// Installs (idempotently, after Marten has created its tables; see <c>ArchiveDatabase</c>) triggers that refuse UPDATE, DELETE
/// and TRUNCATE on the event table. The owner of the table or a superuser can still disable them; verification
/// of the hash chain is what catches such tampering.
/// </summary>
public static class AppendOnlyEvents
{
    public static string Sql(string schema) => $"""
        create or replace function {schema}.archive_refuse_event_change() returns trigger language plpgsql as $f$
        begin
          raise exception 'the event store is append-only: % on %.mt_events is refused', tg_op, tg_table_schema
            using errcode = 'insufficient_privilege';
        end
        $f$;
        do $d$
        begin
          if not exists (select 1 from pg_trigger where tgname = 'archive_append_only_rows' and tgrelid = '{schema}.mt_events'::regclass) then
            create trigger archive_append_only_rows before update or delete on {schema}.mt_events
              for each row execute function {schema}.archive_refuse_event_change();
          end if;
          if not exists (select 1 from pg_trigger where tgname = 'archive_append_only_truncate' and tgrelid = '{schema}.mt_events'::regclass) then
            create trigger archive_append_only_truncate before truncate on {schema}.mt_events
              for each statement execute function {schema}.archive_refuse_event_change();
          end if;
        end
        $d$;
        -- statement history and time travel find a statement's events by id
        create index if not exists archive_events_statement on {schema}.mt_events ((data ->> 'statementId'));
        create index if not exists archive_events_target on {schema}.mt_events ((data ->> 'targetId'));
        """;

    public static async Task ApplyAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // one installer at a time when several hosts start together
        await using var command = new NpgsqlCommand($"select pg_advisory_xact_lock(hashtext('archive-append-only-{schema}')); {Sql(schema)}", connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
