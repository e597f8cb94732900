using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// Teams. When a contract's holder is the paying member of a team, every eligible member of that
/// team gets the same groups as the holder, for the same window.
/// </summary>
/// <remarks>
/// The paying member must be eligible too: a suspended company suspends its team. The paying
/// member's own access comes from the contract itself, not from the team.
/// </remarks>
internal static class TeamRule
{
    /// <summary>
    /// The groups <paramref name="member"/> gets through <paramref name="team"/>: one grant for each
    /// linked desk of each contract the team's paying member holds.
    /// </summary>
    public static IEnumerable<Entitlement> Grants(long member, Team team, IEnumerable<CoworkerContract> payerContracts, Eligibility eligibility, LinkedLocations locations)
    {
        if (team.PayingMemberId is not { } payer || payer == member || !eligibility.IsEligible(payer) || !eligibility.IsEligible(member) ||
            team.TeamMembers?.Contains(member) != true)
        {
            return [];
        }

        return payerContracts
            .Where(contract => contract.CoworkerId == payer)
            .SelectMany(contract => ContractRule.DesksInForce(contract, locations).SelectMany(desk =>
            {
                var grant = new TeamGrant
                {
                    BusinessId = desk.Location.BusinessId,
                    TeamId = team.Id,
                    PayingMemberId = payer,
                    ContractId = contract.Id,
                    FloorPlanDeskId = desk.DeskId,
                    ValidUntil = desk.Window.End,
                };
                return desk.Location.GroupsOfDesk(desk.DeskId).Select(group => new Entitlement(group.SiteId, group.GroupId, member, desk.Window, grant));
            }));
    }
}
