using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// Contracts on offices and desks. A customer's contract grants them the groups linked to each of
/// its floor-plan desks (at the desk's own location) from its start date until the end of its
/// cancellation date.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A contract counts only when it is active (<c>Active == true</c>), has a start date, and is
/// not paused (<c>InPausedPeriod == false</c>); a missing value counts as "no".</item>
/// <item>The cancellation date is the last day of access, inclusive, in the location's local time:
/// its calendar date is <c>CancellationDateLocal</c> when present, else <c>CancellationDate</c> seen
/// on the location's clock, and access ends at the next local midnight.</item>
/// <item>A contract marked cancelled with no cancellation date grants nothing.</item>
/// <item>A contract that starts later grants nothing yet; it is kept only to know when access next changes.</item>
/// </list>
/// </remarks>
internal static class ContractRule
{
    /// <summary>The groups <paramref name="contract"/> grants its holder, and when.</summary>
    public static IEnumerable<Entitlement> Grants(CoworkerContract contract, LinkedLocations locations)
    {
        if (contract.CoworkerId is not { } holder)
        {
            return [];
        }

        return DesksInForce(contract, locations).SelectMany(desk =>
        {
            var grant = new ContractGrant
            {
                BusinessId = desk.Location.BusinessId,
                ContractId = contract.Id,
                FloorPlanDeskId = desk.DeskId,
                ValidUntil = desk.Window.End,
            };
            return desk.Location.GroupsOfDesk(desk.DeskId).Select(group => new Entitlement(group.SiteId, group.GroupId, holder, desk.Window, grant));
        });
    }

    /// <summary>
    /// The linked desks of a contract that counts, each with its location and the window the
    /// contract grants there; nothing when the contract does not count.
    /// </summary>
    public static IEnumerable<(long DeskId, LinkedLocation Location, AccessWindow Window)> DesksInForce(CoworkerContract contract, LinkedLocations locations)
    {
        var cancelledWithoutDate = contract.Cancelled == true && contract.CancellationDate is null && contract.CancellationDateLocal is null;
        if (contract.Active != true || contract.InPausedPeriod != false || contract.StartDate is not { } start ||
            cancelledWithoutDate || contract.Desks is null)
        {
            return [];
        }

        return contract.Desks
            .Select(deskId => (DeskId: deskId, Location: locations.WhereDeskGrants(deskId)))
            .Where(desk => desk.Location is not null)
            .Select(desk => (desk.DeskId, desk.Location!, new AccessWindow(start, EndOfLastDay(contract, desk.Location!))));
    }

    // The end of the cancellation date's local day, or none when the contract has no cancellation date.
    private static DateTimeOffset? EndOfLastDay(CoworkerContract contract, LinkedLocation location)
    {
        if (contract.CancellationDateLocal is { } local)
        {
            return location.Calendar.EndOfDay(DateOnly.FromDateTime(local));
        }

        return contract.CancellationDate is { } utc ? location.Calendar.EndOfDay(location.Calendar.LocalDate(utc)) : null;
    }
}
