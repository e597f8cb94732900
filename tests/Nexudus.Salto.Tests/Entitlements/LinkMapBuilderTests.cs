using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>Links from configuration and from Nexudus' AccessControlGroupId fields, configuration winning.</summary>
public sealed class LinkMapBuilderTests
{
    private static LocationLinkMap LondonMap(LinkMap map) => Assert.Single(map.Locations, l => l.BusinessId == London);

    private static LocationLinks Bare(long business = London, string site = LondonSite) =>
        new() { NexudusBusinessId = business, SaltoSiteId = site };

    private static NexudusSnapshot Snapshot(TestWorld world) => world.Snapshot;

    [Fact]
    public void Build_ConfiguredLinks_AreKeptPerItemKind()
    {
        var world = new TestWorld();

        var london = LondonMap(world.Links);

        Assert.Equal([PassGroup], london.TimePassGroups[LondonPass]);
        Assert.Equal([DeskGroup], london.FloorPlanDeskGroups[LondonDesk]);
        Assert.Equal([RoomGroup], london.ResourceGroups[LondonRoom]);
        Assert.Equal(LondonSite, london.SiteId);
        Assert.Empty(world.Links.Issues);
    }

    [Fact]
    public void Build_PolicySettings_AreCarriedIntoThePolicy()
    {
        var links = Bare() with
        {
            BookingAccessBefore = TimeSpan.FromMinutes(5),
            BookingAccessAfter = TimeSpan.FromMinutes(10),
            IncludeTentativeBookings = true,
            PassDayCutoff = TimeSpan.FromHours(4),
            PassExpireDateIsLocal = true,
        };

        var policy = LondonMap(LinkMapBuilder.Build([links], new NexudusSnapshot())).Policy;

        Assert.Equal(
            new EntitlementPolicy
            {
                BookingAccessBefore = TimeSpan.FromMinutes(5),
                BookingAccessAfter = TimeSpan.FromMinutes(10),
                IncludeTentativeBookings = true,
                PassDayCutoff = TimeSpan.FromHours(4),
                PassExpireDateIsLocal = true,
            },
            policy);
    }

    [Fact]
    public void Build_NexudusFieldsOfTheLocationsItems_AddLinks()
    {
        var world = new TestWorld();
        world.TimePasses.Add(new TimePass { Id = 1414999009, BusinessId = London, AccessControlGroupId = "g-field-pass" });
        world.Desks.Add(new FloorPlanDesk { Id = 1417000009, FloorPlanBusinessId = London, AccessControlGroupId = "g-field-desk" });
        world.Resources.Add(new Resource { Id = 1414925009, BusinessId = London, AccessControlGroupId = "g-field-room" });

        var london = LondonMap(LinkMapBuilder.Build([Bare()], world.Snapshot));

        Assert.Equal(["g-field-pass"], london.TimePassGroups[1414999009]);
        Assert.Equal(["g-field-desk"], london.FloorPlanDeskGroups[1417000009]);
        Assert.Equal(["g-field-room"], london.ResourceGroups[1414925009]);
    }

    [Fact]
    public void Build_PassFieldsWithSeveralIds_SplitOnCommasSemicolonsAndWhiteSpace()
    {
        var world = new TestWorld();
        world.TimePasses[0] = world.TimePasses[0] with { AccessControlGroupId = " a, b ", AccessControlGroupIds = "c;d\te\n[\"f\"] A" };

        var london = LondonMap(LinkMapBuilder.Build([Bare()], world.Snapshot));

        Assert.Equal(["a", "b", "c", "d", "e", "f"], london.TimePassGroups[LondonPass]);
    }

    [Fact]
    public void Build_ConfigurationAndNexudusFieldNameTheSameItem_ConfigurationWins()
    {
        var world = new TestWorld();
        world.Desks[0] = world.Desks[0] with { AccessControlGroupId = "g-from-nexudus" };

        Assert.Equal([DeskGroup], LondonMap(world.Links).FloorPlanDeskGroups[LondonDesk]);
    }

    [Fact]
    public void Build_ConfiguredEmptyGroupList_UnlinksTheNexudusField()
    {
        var world = new TestWorld();
        world.Resources[0] = world.Resources[0] with { AccessControlGroupId = "g-from-nexudus" };
        var links = Bare() with { ResourceGroups = new Dictionary<long, IReadOnlyList<string>> { [LondonRoom] = [] } };

        Assert.Empty(LondonMap(LinkMapBuilder.Build([links], world.Snapshot)).ResourceGroups[LondonRoom]);
    }

    [Fact]
    public void Build_NexudusFieldsTurnedOff_AddNoLinks()
    {
        var world = new TestWorld();
        world.Resources[0] = world.Resources[0] with { AccessControlGroupId = "g-from-nexudus" };

        var london = LondonMap(LinkMapBuilder.Build([Bare() with { UseNexudusLinkFields = false }], world.Snapshot));

        Assert.Empty(london.ResourceGroups);
    }

    [Fact]
    public void Build_NexudusFieldOfAnotherLocationsItem_IsNotLinkedHere()
    {
        var world = new TestWorld();
        world.Resources[1] = world.Resources[1] with { AccessControlGroupId = "g-la-field" };

        var london = LondonMap(LinkMapBuilder.Build([Bare()], world.Snapshot));

        Assert.False(london.ResourceGroups.ContainsKey(LosAngelesRoom));
    }

    [Fact]
    public void Build_ConfiguredUnknownPass_IsReportedGrantsNothingAndKeepsItsGroupManaged()
    {
        var links = Bare() with { TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [1414999999] = ["g-unknown"] } };

        var map = LinkMapBuilder.Build([links], new TestWorld().Snapshot);

        var issue = Assert.Single(map.Issues);
        Assert.Equal((LinkIssueKind.UnknownItem, LinkedItemKind.TimePass, (long?)1414999999), (issue.Kind, issue.ItemKind!.Value, issue.ItemId));
        Assert.Empty(LondonMap(map).TimePassGroups);
        Assert.Equal(["g-unknown"], LondonMap(map).OtherManagedGroups);
    }

    [Fact]
    public void Build_ConfiguredDeskOfAnotherLocation_IsReportedAsInAnotherLocation()
    {
        var links = Bare() with { FloorPlanDeskGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesDesk] = ["g-x"] } };

        var map = LinkMapBuilder.Build([links], new TestWorld().Snapshot);

        Assert.Equal(LinkIssueKind.ItemInOtherLocation, Assert.Single(map.Issues).Kind);
        Assert.Empty(LondonMap(map).FloorPlanDeskGroups);
    }

    [Fact]
    public void Build_ConfiguredResourceOfAnotherLocation_IsReportedAsInAnotherLocation()
    {
        var links = Bare() with { ResourceGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesRoom] = ["g-x"] } };

        Assert.Equal(LinkIssueKind.ItemInOtherLocation, Assert.Single(LinkMapBuilder.Build([links], new TestWorld().Snapshot).Issues).Kind);
    }

    [Fact]
    public void Build_ConfiguredPassValidHereThroughItsBusinesses_IsLinked()
    {
        var world = new TestWorld();
        world.TimePasses[1] = world.TimePasses[1] with { Businesses = [LosAngeles, London] };
        var links = Bare() with { TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesPass] = ["g-network"] } };

        var map = LinkMapBuilder.Build([links], world.Snapshot);

        Assert.Empty(map.Issues);
        Assert.Equal(["g-network"], LondonMap(map).TimePassGroups[LosAngelesPass]);
    }

    [Fact]
    public void Build_BlankGroupId_IsReportedAndDropped()
    {
        var links = Bare() with { TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LondonPass] = [" ", PassGroup] } };

        var map = LinkMapBuilder.Build([links], new TestWorld().Snapshot);

        Assert.Equal(LinkIssueKind.BlankGroupId, Assert.Single(map.Issues).Kind);
        Assert.Equal([PassGroup], LondonMap(map).TimePassGroups[LondonPass]);
    }

    [Fact]
    public void Build_SameGroupTwiceInOtherCase_IsKeptOnceInItsFirstSpelling()
    {
        var links = Bare() with { TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LondonPass] = ["G-1", " g-1 "] } };

        Assert.Equal(["G-1"], LondonMap(LinkMapBuilder.Build([links], new TestWorld().Snapshot)).TimePassGroups[LondonPass]);
    }

    [Fact]
    public void Build_LocationConfiguredTwice_IsReportedAndTheFirstKept()
    {
        var map = LinkMapBuilder.Build([Bare(), Bare(site: "other-site")], new NexudusSnapshot());

        Assert.Equal(LinkIssueKind.DuplicateLocation, Assert.Single(map.Issues).Kind);
        Assert.Equal(LondonSite, Assert.Single(map.Locations).SiteId);
    }

    [Theory]
    [InlineData(0, LondonSite)]
    [InlineData(London, " ")]
    public void Build_LocationWithoutIdOrSite_IsReportedAndLeftOut(long business, string site)
    {
        var map = LinkMapBuilder.Build([Bare(business, site)], new NexudusSnapshot());

        Assert.Equal(LinkIssueKind.InvalidLocation, Assert.Single(map.Issues).Kind);
        Assert.Empty(map.Locations);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, 24 * 60)]
    [InlineData(0, 0, -1)]
    public void Build_PolicyOutOfRange_IsReportedAndTheLocationLeftOut(int beforeMinutes, int afterMinutes, int cutoffMinutes)
    {
        var links = Bare() with
        {
            BookingAccessBefore = TimeSpan.FromMinutes(beforeMinutes),
            BookingAccessAfter = TimeSpan.FromMinutes(afterMinutes),
            PassDayCutoff = TimeSpan.FromMinutes(cutoffMinutes),
        };

        var map = LinkMapBuilder.Build([links], new NexudusSnapshot());

        Assert.Equal(LinkIssueKind.InvalidPolicy, Assert.Single(map.Issues).Kind);
        Assert.Empty(map.Locations);
    }

    [Fact]
    public void Build_OwnershipOfALinkedGroup_IsKept()
    {
        var world = new TestWorld();
        world.LondonLinks = world.LondonLinks with { GroupOwnership = new Dictionary<string, GroupOwnership> { [DeskGroup] = GroupOwnership.Exclusive } };

        Assert.Equal(GroupOwnership.Exclusive, LondonMap(world.Links).GroupOwnership[DeskGroup]);
    }

    [Fact]
    public void Build_OwnershipOfAnUnlinkedGroup_IsReported()
    {
        var world = new TestWorld();
        world.LondonLinks = world.LondonLinks with { GroupOwnership = new Dictionary<string, GroupOwnership> { ["g-nothing"] = GroupOwnership.Exclusive } };

        var issue = Assert.Single(world.Links.Issues);
        Assert.Equal((LinkIssueKind.OwnershipWithoutLink, "g-nothing"), (issue.Kind, issue.GroupId));
        Assert.Empty(LondonMap(world.Links).GroupOwnership);
    }

    [Fact]
    public void Build_LocationsOfOneSiteDisagreeingOnOwnership_IsReported()
    {
        var world = new TestWorld();
        world.LondonLinks = world.LondonLinks with { GroupOwnership = new Dictionary<string, GroupOwnership> { [DeskGroup] = GroupOwnership.Exclusive } };
        world.LosAngelesLinks = world.LosAngelesLinks with
        {
            SaltoSiteId = LondonSite,
            FloorPlanDeskGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesDesk] = [DeskGroup] },
        };

        Assert.Equal(LinkIssueKind.OwnershipConflict, Assert.Single(world.Links.Issues).Kind);
    }

    [Fact]
    public void Build_NoLocations_GivesAnEmptyMap()
    {
        var map = LinkMapBuilder.Build([], Snapshot(new TestWorld()));

        Assert.Empty(map.Locations);
        Assert.Empty(map.Issues);
    }
}
