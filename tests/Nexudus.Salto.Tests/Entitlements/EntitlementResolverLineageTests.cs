using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Tests.Models.SaltoKs;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>Every membership carries its lineage and valid-until; the result answers "why" and "who".</summary>
[Collection(LocalTimeZoneCollection.Name)]
public sealed class EntitlementResolverLineageTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 1, 15, 12);

    // Customer 10 holds a pass expiring tonight and a booking of the room; 11 books the room too.
    private static TestWorld World()
    {
        var world = new TestWorld();
        world.Customer(10);
        world.Customer(11);
        world.LondonLinks = world.LondonLinks with
        {
            TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LondonPass] = [PassGroup, RoomGroup] },
        };
        world.Pass(1, 10, expires: Utc(2026, 1, 15, 18));
        world.Booking(2, 10, Utc(2026, 1, 15, 11), Utc(2026, 1, 15, 20));
        world.Booking(3, 11, Utc(2026, 1, 15, 11), Utc(2026, 1, 15, 13));
        return world;
    }

    [Fact]
    public void Resolve_MembershipWithTwoGrants_IsValidUntilTheLatestEnd()
    {
        var membership = World().Resolve(Now).Membership(10, RoomGroup);

        Assert.Equal(2, membership.Grants.Count);
        Assert.Equal(Utc(2026, 1, 15, 20, 15), membership.ValidUntil);
    }

    [Fact]
    public void Resolve_MembershipWithAnOpenEndedGrant_HasNoValidUntil()
    {
        var world = World();
        world.Pass(4, 10);

        Assert.Null(world.Resolve(Now).Membership(10, RoomGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_LineageOfSeveralKinds_IsOrderedPassesFirstThenBookings()
    {
        var grants = World().Resolve(Now).Membership(10, RoomGroup).Grants;

        Assert.IsType<TimePassGrant>(grants[0]);
        Assert.IsType<BookingGrant>(grants[1]);
    }

    [Fact]
    public void Resolve_PassLinkedToTwoGroups_SharesOneGrantBetweenThem()
    {
        var access = World().Resolve(Now);

        Assert.Same(access.Membership(10, PassGroup).Grants[0], access.Membership(10, RoomGroup).Grants[0]);
    }

    [Fact]
    public void Resolve_EveryMembership_HasAtLeastOneGrant()
    {
        Assert.All(World().Resolve(Now).Memberships, m => Assert.NotEmpty(m.Grants));
    }

    [Fact]
    public void Memberships_AreOrderedBySiteGroupAndCustomer()
    {
        var keys = World().Resolve(Now).Memberships.Select(m => (m.SiteId, m.GroupId, m.CustomerId)).ToList();

        Assert.Equal(keys.OrderBy(k => k.SiteId, StringComparer.Ordinal).ThenBy(k => k.GroupId, StringComparer.Ordinal).ThenBy(k => k.CustomerId), keys);
    }

    [Fact]
    public void GetMembers_Group_ListsWhoIsInIt()
    {
        Assert.Equal([10L, 11L], World().Resolve(Now).GetMembers(RoomGroup).Select(m => m.CustomerId));
    }

    [Fact]
    public void GetMembers_GroupIdInOtherCase_FindsTheSameMembers()
    {
        Assert.Equal(2, World().Resolve(Now).GetMembers(RoomGroup.ToUpperInvariant()).Count);
    }

    [Fact]
    public void GetLineage_CustomerNotInGroup_IsEmpty()
    {
        Assert.Empty(World().Resolve(Now).GetLineage(11, PassGroup));
    }

    [Fact]
    public void GetMemberships_Customer_ListsEveryGroup()
    {
        Assert.Equal([PassGroup, RoomGroup], World().Resolve(Now).GetMemberships(10).Select(m => m.GroupId));
    }

    [Fact]
    public void FindMembership_SiteGroupAndCustomer_FindsItOnlyOnThatSite()
    {
        var access = World().Resolve(Now);

        Assert.NotNull(access.FindMembership(LondonSite, RoomGroup, 11));
        Assert.Null(access.FindMembership(LosAngelesSite, RoomGroup, 11));
    }

    [Fact]
    public void Queries_AfterWithReplacesMemberships_SeeTheNewMemberships()
    {
        var access = World().Resolve(Now);
        Assert.Equal(2, access.GetMembers(RoomGroup).Count);

        var fewer = access with { Memberships = [access.Membership(11, RoomGroup)] };

        Assert.Equal([11L], fewer.GetMembers(RoomGroup).Select(m => m.CustomerId));
    }

    [Fact]
    public void Resolve_SameInputsTwice_GivesEqualResults()
    {
        var world = World();

        Assert.Equal(world.Resolve(Now), world.Resolve(Now));
    }

    [Fact]
    public void Resolve_InputsInAnotherOrder_GivesAnEqualResult()
    {
        var world = World();
        var reversed = World();
        reversed.Passes.Reverse();
        reversed.Bookings.Reverse();
        reversed.Coworkers.Reverse();

        Assert.Equal(world.Resolve(Now), reversed.Resolve(Now));
    }

    [Fact]
    public void Resolve_OnAMachineInAnotherTimeZone_GivesTheSameResult()
    {
        var world = new TestWorld();
        world.Customer(10);
        world.Pass(1, 10, LosAngeles, LosAngelesPass, used: true, usedDate: Utc(2026, 1, 15, 9));
        world.Contract(2, 10, Utc(2025, 1, 1), desks: [LosAngelesDesk], cancellation: Utc(2026, 1, 15, 8));
        var expected = world.Resolve(Now);

        using (new LocalTimeZoneOverride("Asia/Kolkata"))
        {
            Assert.Equal(expected, world.Resolve(Now));
        }
    }

    [Fact]
    public void Resolve_NowWithAnOffset_IsTheSameInstant()
    {
        var world = World();

        var access = world.Resolve(Now.ToOffset(TimeSpan.FromHours(-8)));

        Assert.Equal(world.Resolve(Now).Memberships, access.Memberships);
        Assert.Equal(TimeSpan.Zero, access.EvaluatedAt.Offset);
    }
}
