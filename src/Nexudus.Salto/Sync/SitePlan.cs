using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>The plan of one site, with the bookkeeping the executor needs besides it.</summary>
/// <param name="Plan">The changes to make in SALTO KS.</param>
/// <param name="StaleLedgerEntries">
/// Ledger entries whose member is no longer in the group (removed by hand): the ledger forgets them, so it
/// never claims a membership SALTO does not have.
/// </param>
internal sealed record SitePlan(AccessPlan Plan, IReadOnlyList<MembershipKey> StaleLedgerEntries)
{
    /// <summary>
    /// Gets the memberships of customers still entitled to their group whose SALTO user is not the one matched this
    /// run (or none is): they are kept, never removed, until Nexudus says the customer is no longer entitled.
    /// </summary>
    public IReadOnlyList<MembershipKey> KeptForEntitledCustomers { get; init; } = [];
}
