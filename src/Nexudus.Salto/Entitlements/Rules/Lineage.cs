namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// The order reasons are listed in a membership's lineage: passes, then contracts, then team
/// seats, then bookings; within a kind by the ids that name the rule instance.
/// </summary>
internal static class Lineage
{
    /// <summary><paramref name="grants"/> in lineage order.</summary>
    public static AccessGrant[] InOrder(IEnumerable<AccessGrant> grants) =>
    [
        .. grants.OfType<TimePassGrant>().OrderBy(g => g.CoworkerTimePassId).ThenBy(g => g.TimePassId),
        .. grants.OfType<ContractGrant>().OrderBy(g => g.ContractId).ThenBy(g => g.FloorPlanDeskId),
        .. grants.OfType<TeamGrant>().OrderBy(g => g.TeamId).ThenBy(g => g.ContractId).ThenBy(g => g.FloorPlanDeskId),
        .. grants.OfType<BookingGrant>().OrderBy(g => g.BookingId).ThenBy(g => g.LinkedBy),
    ];
}
