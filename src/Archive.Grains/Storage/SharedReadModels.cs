using Archive.Domain.Statements;
using Archive.Domain.Topics;

namespace Archive.Grains.Storage;

/// <summary>The read-model documents an event updates that other streams update too: statement views.</summary>
internal static class SharedReadModels
{
    public static IEnumerable<string> KeysOf(object @event) => @event switch
    {
        StatementLinked e => [Key(e.StatementId), Key(e.TargetId)],
        StatementRecorded e => [Key(e.StatementId)],
        StatementVerified e => [Key(e.StatementId)],
        StatementAmended e => [Key(e.StatementId)],
        StatementDisputed e => [Key(e.StatementId)],
        StatementRetracted e => [Key(e.StatementId)],
        StatementFiled e => [Key(e.StatementId)],
        StatementUnfiled e => [Key(e.StatementId)],
        _ => [],
    };

    private static string Key(string statementId) => "statement-view:" + statementId;
}
