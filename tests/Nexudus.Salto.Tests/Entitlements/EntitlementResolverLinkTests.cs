using Nexudus.Salto.Entitlements;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>How the resolver uses the link map: managed groups, ownership, unresolvable locations, issues.</summary>
public sealed class EntitlementResolverLinkTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 1, 15, 12);

    [Fact]
    public void Resolve_LinkedGroupsWithNoMembers_AreStillManaged()
    {
        var access = new TestWorld().Resolve(Now);

        Assert.Empty(access.Memberships);
        Assert.Equal(
            [(LosAngelesSite, LaDeskGroup), (LosAngelesSite, LaPassGroup), (LosAngelesSite, LaRoomGroup), (LondonSite, DeskGroup), (LondonSite, OfficeGroup), (LondonSite, PassGroup), (LondonSite, RoomGroup)],
            access.ManagedGroups.Select(g => (g.SiteId, g.GroupId)));
    }

    [Fact]
    public void Resolve_GroupWithoutOwnership_IsShared()
    {
        Assert.All(new TestWorld().Resolve(Now).ManagedGroups, g => Assert.Equal(GroupOwnership.Shared, g.Ownership));
    }

    [Fact]
    public void Resolve_ExclusiveGroup_IsManagedAsExclusive()
    {
        var world = new TestWorld();
        world.LondonLinks = world.LondonLinks with { GroupOwnership = new Dictionary<string, GroupOwnership> { [DeskGroup] = GroupOwnership.Exclusive } };

        Assert.Equal(GroupOwnership.Exclusive, Assert.Single(world.Resolve(Now).ManagedGroups, g => g.GroupId == DeskGroup).Ownership);
    }

    [Fact]
    public void Resolve_LocationsOfOneSiteDisagreeingOnOwnership_ManageTheGroupAsShared()
    {
        var world = new TestWorld();
        world.LondonLinks = world.LondonLinks with { GroupOwnership = new Dictionary<string, GroupOwnership> { [DeskGroup] = GroupOwnership.Exclusive } };
        world.LosAngelesLinks = world.LosAngelesLinks with
        {
            SaltoSiteId = LondonSite,
            FloorPlanDeskGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesDesk] = [DeskGroup.ToUpperInvariant()] },
        };

        var group = Assert.Single(world.Resolve(Now).ManagedGroups, g => g.GroupId == DeskGroup);

        Assert.Equal(GroupOwnership.Shared, group.Ownership);
    }

    [Fact]
    public void Resolve_GroupLinkedAtTwoLocationsOfOneSite_IsOneMembershipWithBothGrants()
    {
        var world = new TestWorld();
        world.Customer(10);
        world.LosAngelesLinks = world.LosAngelesLinks with
        {
            SaltoSiteId = LondonSite.ToUpperInvariant(),
            FloorPlanDeskGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesDesk] = [DeskGroup.ToUpperInvariant()] },
        };
        world.Contract(1, 10, Utc(2025, 1, 1), desks: [LondonDesk, LosAngelesDesk]);

        var membership = Assert.Single(world.Resolve(Now).Memberships);

        Assert.Equal((LondonSite, DeskGroup), (membership.SiteId, membership.GroupId));
        Assert.Equal([London, LosAngeles], membership.Grants.Select(g => g.BusinessId).Order());
    }

    [Fact]
    public void Resolve_LocationWithoutATimeZone_IsReportedAndItsGroupsLeftUnmanaged()
    {
        var world = new TestWorld();
        world.Customer(10);
        world.Pass(1, 10, LosAngeles, LosAngelesPass);
        world.TimeZones.Remove(LosAngeles);

        var access = world.Resolve(Now);

        Assert.Equal(LinkIssueKind.TimeZoneMissing, Assert.Single(access.Issues).Kind);
        Assert.DoesNotContain(access.ManagedGroups, g => g.SiteId == LosAngelesSite);
        Assert.Empty(access.Memberships);
    }

    [Fact]
    public void Resolve_GroupSharedWithALocationWithoutATimeZone_IsLeftUnmanagedEverywhere()
    {
        var world = new TestWorld();
        world.Customer(10);
        world.Pass(1, 10);
        world.LosAngelesLinks = world.LosAngelesLinks with
        {
            SaltoSiteId = LondonSite,
            TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesPass] = [PassGroup] },
        };
        world.TimeZones.Remove(LosAngeles);

        var access = world.Resolve(Now);

        Assert.DoesNotContain(access.ManagedGroups, g => g.GroupId == PassGroup);
        Assert.Empty(access.Memberships);
    }

    [Fact]
    public void Resolve_LinkIssuesOfTheMap_ArePassedOn()
    {
        var world = new TestWorld();
        world.LondonLinks = world.LondonLinks with
        {
            ResourceGroups = new Dictionary<long, IReadOnlyList<string>> { [1414925999] = ["g-gone"] },
        };

        var access = world.Resolve(Now);

        Assert.Equal(LinkIssueKind.UnknownItem, Assert.Single(access.Issues).Kind);
        Assert.Contains(access.ManagedGroups, g => g.GroupId == "g-gone");
    }

    [Fact]
    public void Resolve_HandWrittenMapWithAnInvalidPolicy_IsReportedAndLeftUnmanaged()
    {
        var world = new TestWorld();
        var links = new LinkMap
        {
            Locations =
            [
                new LocationLinkMap
                {
                    BusinessId = London,
                    SiteId = LondonSite,
                    TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LondonPass] = [PassGroup] },
                    Policy = new EntitlementPolicy { PassDayCutoff = TimeSpan.FromHours(25) },
                },
            ],
        };

        var access = new EntitlementResolver().Resolve(world.Snapshot, links, Now);

        Assert.Equal(LinkIssueKind.InvalidPolicy, Assert.Single(access.Issues).Kind);
        Assert.Empty(access.ManagedGroups);
    }

    [Fact]
    public void Resolve_HandWrittenMapNamingADeskOfAnotherLocation_GrantsNothingForIt()
    {
        // The desk's location is its FloorPlanBusinessId, whatever the map says.
        var world = new TestWorld();
        world.Customer(10);
        world.Contract(1, 10, Utc(2025, 1, 1), desks: [LosAngelesDesk]);
        var links = new LinkMap
        {
            Locations =
            [
                new LocationLinkMap
                {
                    BusinessId = London,
                    SiteId = LondonSite,
                    FloorPlanDeskGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesDesk] = [DeskGroup] },
                },
            ],
        };

        Assert.Empty(new EntitlementResolver().Resolve(world.Snapshot, links, Now).Memberships);
    }

    [Fact]
    public void Resolve_NullArguments_Throw()
    {
        var resolver = new EntitlementResolver();

        Assert.Throws<ArgumentNullException>(() => resolver.Resolve(null!, new LinkMap(), Now));
        Assert.Throws<ArgumentNullException>(() => resolver.Resolve(new NexudusSnapshot(), null!, Now));
    }
}
