using Archive.Domain.Actors;
using Archive.Domain.Common;

namespace Archive.Domain.Statements;

internal static class StatementGuard
{
    /// <summary>Refuses commands on unknown statements, and lifecycle changes to retracted ones.</summary>
    public static Decision? Find(ActorState state, string statementId, string? verbRefusedWhenRetracted, out StatementState statement)
    {
        statement = state.Statement(statementId)!;
        if (statement is null) return Decision.NotFound("id", $"statement '{statementId}' is not recorded");
        if (verbRefusedWhenRetracted is not null && statement.IsRetracted)
            return Decision.Conflict("id", $"statement '{statementId}' is retracted; a retracted statement cannot be {Past(verbRefusedWhenRetracted)} until it is reinstated");
        return null;
    }

    private static string Past(string verb) => verb switch
    {
        "verify" => "verified",
        "amend" => "amended",
        "dispute" => "disputed",
        _ => verb + "ed",
    };
}
