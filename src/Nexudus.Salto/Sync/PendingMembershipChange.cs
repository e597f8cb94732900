namespace Nexudus.Salto.Sync;

/// <summary>
/// A membership change sent to SALTO whose outcome is not yet recorded: the write-ahead entry that lets the
/// next run settle a change a crash or a timeout left unknown.
/// </summary>
/// <param name="GroupId">The access group.</param>
/// <param name="UserId">The member's platform user id.</param>
/// <param name="IsAddition">Whether the member is being added (else removed).</param>
/// <param name="CustomerId">The customer the member is known as.</param>
/// <param name="AddedAt">For a removal, when SALTO accepted the SDK's addition (to restore the ledger entry).</param>
internal sealed record PendingMembershipChange(string GroupId, string UserId, bool IsAddition, long? CustomerId, DateTimeOffset? AddedAt);
