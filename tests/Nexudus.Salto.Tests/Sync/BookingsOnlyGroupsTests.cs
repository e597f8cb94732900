using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

/// <summary>Which groups a targeted run about bookings may decide from the customers' records and bookings alone.</summary>
public sealed class BookingsOnlyGroupsTests
{
    private const string Site = "5a1e0000-0000-4000-8000-0000000000c1";
    private const string Room = "5a1e0000-0000-4000-8000-0000000000a2";
    private const string Day = "5a1e0000-0000-4000-8000-0000000000a1";

    private static LinkMap Map(
        Dictionary<long, IReadOnlyList<string>>? resources = null,
        Dictionary<long, IReadOnlyList<string>>? passes = null,
        Dictionary<long, IReadOnlyList<string>>? desks = null,
        IReadOnlyList<string>? other = null) => new()
        {
            Locations =
            [
                new LocationLinkMap
                {
                    BusinessId = 1,
                    SiteId = Site,
                    ResourceGroups = resources ?? [],
                    TimePassGroups = passes ?? [],
                    FloorPlanDeskGroups = desks ?? [],
                    OtherManagedGroups = other ?? [],
                },
            ],
        };

    [Fact]
    public void GroupsOnlyBookingsGrant_ResourceGroupsApartFromPassGroups_AreTheResourceGroups()
    {
        var groups = ReadStage.GroupsOnlyBookingsGrant(Map(resources: new() { [10] = [Room] }, passes: new() { [20] = [Day] }));

        Assert.NotNull(groups);
        Assert.Equal([(Site, Room)], groups);
        Assert.Contains((Site.ToUpperInvariant(), Room.ToUpperInvariant()), groups);
    }

    [Fact]
    public void GroupsOnlyBookingsGrant_AGroupAPassGrantsToo_IsNull() =>
        Assert.Null(ReadStage.GroupsOnlyBookingsGrant(Map(resources: new() { [10] = [Room] }, passes: new() { [20] = [Day, Room.ToUpperInvariant()] })));

    [Fact]
    public void GroupsOnlyBookingsGrant_AnyDeskLinked_IsNull() =>
        Assert.Null(ReadStage.GroupsOnlyBookingsGrant(Map(resources: new() { [10] = [Room] }, desks: new() { [30] = [Day] })));

    [Fact]
    public void GroupsOnlyBookingsGrant_AGroupOfAnUnknownItem_IsNull() =>
        Assert.Null(ReadStage.GroupsOnlyBookingsGrant(Map(resources: new() { [10] = [Room] }, other: [Room])));

    [Fact]
    public void GroupsOnlyBookingsGrant_NoResourceLinked_IsNull() =>
        Assert.Null(ReadStage.GroupsOnlyBookingsGrant(Map(passes: new() { [20] = [Day] })));
}
