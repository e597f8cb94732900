using Nexudus.Salto.Entitlements;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>The members of a team whose paying member holds a contract get its groups.</summary>
public sealed class EntitlementResolverTeamTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 1, 15, 12);

    // Customer 1 pays for team 77 (members 2 and 3) and holds contract 5 on the London desk, cancelled for 31 January.
    private static TestWorld World(bool? payerActive = true, bool? memberArchived = false)
    {
        var world = new TestWorld();
        world.Customer(1, active: payerActive);
        world.Customer(2);
        world.Customer(3, archived: memberArchived);
        world.Team(77, payer: 1, 2, 3);
        world.Contract(5, 1, Utc(2025, 1, 1), cancellationLocal: new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Unspecified));
        return world;
    }

    [Fact]
    public void Resolve_TeamOfAPayingMemberWithAContract_MembersGetTheSameGroupAndValidity()
    {
        var access = World().Resolve(Now);

        var payer = access.Membership(1, DeskGroup);
        var member = access.Membership(2, DeskGroup);
        Assert.Equal(Utc(2026, 2, 1), payer.ValidUntil);
        Assert.Equal(payer.ValidUntil, member.ValidUntil);
    }

    [Fact]
    public void Resolve_TeamMember_HasLineageNamingTeamPayerContractAndDesk()
    {
        var access = World().Resolve(Now);

        var grant = Assert.IsType<TeamGrant>(Assert.Single(access.GetLineage(2, DeskGroup)));
        Assert.Equal((77L, 1L, 5L, LondonDesk), (grant.TeamId, grant.PayingMemberId, grant.ContractId, grant.FloorPlanDeskId));
    }

    [Fact]
    public void Resolve_PayingMember_KeepsAContractGrantNotATeamGrant()
    {
        var access = World().Resolve(Now);

        Assert.IsType<ContractGrant>(Assert.Single(access.GetLineage(1, DeskGroup)));
    }

    [Fact]
    public void Resolve_TeamMemberArchived_GetsNothing()
    {
        var access = World(memberArchived: true).Resolve(Now);

        Assert.False(access.Grants(3, DeskGroup));
        Assert.True(access.Grants(2, DeskGroup));
    }

    [Fact]
    public void Resolve_PayingMemberSuspended_TeamGetsNothing()
    {
        var access = World(payerActive: false).Resolve(Now);

        Assert.Empty(access.Memberships);
    }

    [Fact]
    public void Resolve_PayingMemberWithoutAContract_TeamGetsNothing()
    {
        var world = World();
        world.Contracts.Clear();

        Assert.Empty(world.Resolve(Now).Memberships);
    }

    [Fact]
    public void Resolve_ContractHolderWhoIsOnlyAMember_DoesNotPropagateToTheTeam()
    {
        var world = World();
        world.Contracts[0] = world.Contracts[0] with { CoworkerId = 2 };

        var access = world.Resolve(Now);

        Assert.Equal([2L], access.GetMembers(DeskGroup).Select(m => m.CustomerId));
    }

    [Fact]
    public void Resolve_TeamWithoutMemberList_GrantsOnlyThePayer()
    {
        var world = World();
        world.Teams[0] = world.Teams[0] with { TeamMembers = null };

        Assert.Equal([1L], world.Resolve(Now).GetMembers(DeskGroup).Select(m => m.CustomerId));
    }

    [Fact]
    public void Resolve_MemberOfTwoTeamsOfTheSamePayer_HasOneMembershipWithBothGrants()
    {
        var world = World();
        world.Team(78, payer: 1, 2);

        var grants = world.Resolve(Now).GetLineage(2, DeskGroup);

        Assert.Equal([77L, 78L], grants.Cast<TeamGrant>().Select(g => g.TeamId));
    }

    [Fact]
    public void Resolve_ContractEndedForThePayer_EndsForTheTeam()
    {
        var access = World().Resolve(Utc(2026, 2, 1));

        Assert.Empty(access.Memberships);
    }
}
