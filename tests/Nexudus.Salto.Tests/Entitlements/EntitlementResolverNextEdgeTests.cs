using Nexudus.Salto.Entitlements;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>The next edge is the first instant after now at which the set of memberships changes.</summary>
public sealed class EntitlementResolverNextEdgeTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 1, 15, 12);

    private static TestWorld World(Action<TestWorld> add)
    {
        var world = new TestWorld();
        world.Customer(10);
        world.Customer(11);
        add(world);
        return world;
    }

    [Fact]
    public void NextEdge_NothingTimeBound_IsNull()
    {
        Assert.Null(World(w => w.Pass(1, 10)).Resolve(Now).NextEdge);
    }

    [Fact]
    public void NextEdge_BookingLater_IsWhenItsWindowOpens()
    {
        var access = World(w => w.Booking(1, 10, Utc(2026, 1, 15, 14), Utc(2026, 1, 15, 15))).Resolve(Now);

        Assert.Equal(Utc(2026, 1, 15, 13, 45), access.NextEdge);
    }

    [Fact]
    public void NextEdge_BookingNow_IsWhenItsWindowCloses()
    {
        var access = World(w => w.Booking(1, 10, Utc(2026, 1, 15, 11), Utc(2026, 1, 15, 13))).Resolve(Now);

        Assert.Equal(Utc(2026, 1, 15, 13, 15), access.NextEdge);
    }

    [Fact]
    public void NextEdge_BackToBackBookings_IsTheEndOfTheLastOne()
    {
        // The second window opens while the first is still open: the membership never lapses.
        var access = World(w =>
        {
            w.Booking(1, 10, Utc(2026, 1, 15, 11), Utc(2026, 1, 15, 13));
            w.Booking(2, 10, Utc(2026, 1, 15, 13), Utc(2026, 1, 15, 14));
        }).Resolve(Now);

        Assert.Equal(Utc(2026, 1, 15, 14, 15), access.NextEdge);
        Assert.Equal(Utc(2026, 1, 15, 13, 15), access.Membership(10, RoomGroup).ValidUntil);
    }

    [Fact]
    public void NextEdge_WindowsTouchingExactly_IsTheEndOfTheSecond()
    {
        var world = World(w =>
        {
            w.Booking(1, 10, Utc(2026, 1, 15, 11), Utc(2026, 1, 15, 13));
            w.Booking(2, 10, Utc(2026, 1, 15, 13, 30), Utc(2026, 1, 15, 14));
        });

        Assert.Equal(Utc(2026, 1, 15, 14, 15), world.Resolve(Now).NextEdge);
    }

    [Fact]
    public void NextEdge_BookingOfSomeoneWhoAlreadyHasTheGroupForLonger_IsNotAnEdge()
    {
        var access = World(w =>
        {
            w.Pass(1, 10, expires: Utc(2026, 1, 20));
            w.LondonLinks = w.LondonLinks with
            {
                TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LondonPass] = [RoomGroup] },
            };
            w.Booking(2, 10, Utc(2026, 1, 15, 14), Utc(2026, 1, 15, 15));
        }).Resolve(Now);

        Assert.Equal(Utc(2026, 1, 20), access.NextEdge);
    }

    [Fact]
    public void NextEdge_PassUsedToday_IsTheEndOfThePassDay()
    {
        var access = World(w => w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 15, 9))).Resolve(Now);

        Assert.Equal(Utc(2026, 1, 16), access.NextEdge);
    }

    [Fact]
    public void NextEdge_SeveralCandidates_IsTheEarliest()
    {
        var access = World(w =>
        {
            w.Pass(1, 10, expires: Utc(2026, 1, 15, 18));
            w.Contract(2, 11, Utc(2026, 1, 15, 16));
            w.Booking(3, 11, Utc(2026, 1, 15, 17), Utc(2026, 1, 15, 19));
        }).Resolve(Now);

        Assert.Equal(Utc(2026, 1, 15, 16), access.NextEdge);
    }

    [Fact]
    public void NextEdge_ChangesForAnIneligibleCustomer_AreIgnored()
    {
        var world = World(w => w.Booking(1, 10, Utc(2026, 1, 15, 14), Utc(2026, 1, 15, 15)));
        world.Coworkers[0] = world.Coworkers[0] with { Active = false };

        Assert.Null(world.Resolve(Now).NextEdge);
    }

    [Fact]
    public void NextEdge_ChangesInAGroupLeftUnmanaged_AreIgnored()
    {
        // Los Angeles names London's pass group but has no time zone, so the group is left unmanaged:
        // the pass expiring at 14:00 changes no membership, and nothing else is time-bound.
        var world = World(w =>
        {
            w.Pass(1, 10, expires: Utc(2026, 1, 15, 14));
            w.LosAngelesLinks = w.LosAngelesLinks with
            {
                SaltoSiteId = LondonSite,
                TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesPass] = [PassGroup] },
            };
            w.TimeZones.Remove(LosAngeles);
        });

        var access = world.Resolve(Now);

        Assert.DoesNotContain(access.ManagedGroups, g => g.GroupId == PassGroup);
        Assert.Null(access.NextEdge);
    }

    [Fact]
    public void NextEdge_ResolvedJustBeforeIt_GivesTheSameMembershipsAndAtIt_DifferentOnes()
    {
        var world = World(w =>
        {
            w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 15, 9));
            w.Booking(2, 11, Utc(2026, 1, 15, 22), Utc(2026, 1, 16, 1));
        });
        var access = world.Resolve(Now);
        var edge = access.NextEdge!.Value;

        Assert.Equal(access.Keys(), world.Resolve(edge.AddTicks(-1)).Keys());
        Assert.NotEqual(access.Keys(), world.Resolve(edge).Keys());
    }
}
