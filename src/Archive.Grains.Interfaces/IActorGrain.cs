using Archive.Domain.Actors;
using Archive.Domain.Statements;

namespace Archive.Grains.Interfaces;

/// <summary>The single writer of the stream <c>actor:{id}</c>: the actor and every statement it made.</summary>
public interface IActorGrain : IGrainWithStringKey
{
    Task<WriteResult> Register(RegisterActor command, WriteContext context);
    Task<WriteResult> AssignRole(AssignRole command, WriteContext context);
    Task<WriteResult> AddAlias(AddAlias command, WriteContext context);
    Task<WriteResult> RecordStatement(RecordStatement command, WriteContext context);

    /// <summary>
    /// Records many statements of this actor in one append: each is decided on its own (in order, so a repeat
    /// within the list is a no-op) and answered on its own, in the order given; refused ones append nothing.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> RecordStatements(IReadOnlyList<RecordStatement> commands, WriteContext context);
    Task<WriteResult> VerifyStatement(VerifyStatement command, WriteContext context);
    Task<WriteResult> AmendStatement(AmendStatement command, WriteContext context);
    Task<WriteResult> DisputeStatement(DisputeStatement command, WriteContext context);
    Task<WriteResult> RetractStatement(RetractStatement command, WriteContext context);

    /// <param name="targetActorId">The speaker of the target statement, whose grain confirms it exists.</param>
    Task<WriteResult> LinkStatement(LinkStatement command, string targetActorId, WriteContext context);

    Task<bool> Exists();
    Task<bool> HasStatement(string statementId);
}
