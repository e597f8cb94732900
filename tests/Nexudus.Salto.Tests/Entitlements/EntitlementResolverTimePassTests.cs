using Nexudus.Salto.Entitlements;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>A held pass grants while not expired, with uses left, unused or used on the current pass day.</summary>
public sealed class EntitlementResolverTimePassTests
{
    // Wednesday 14 January 2026, 12:00 in London (GMT, so UTC too).
    private static readonly DateTimeOffset Now = Utc(2026, 1, 14, 12);

    private static TestWorld World(Action<TestWorld> add, TimeSpan? cutoff = null, bool expireDateIsLocal = false)
    {
        var world = new TestWorld();
        world.Customer(10);
        world.LondonLinks = world.LondonLinks with { PassDayCutoff = cutoff ?? TimeSpan.Zero };
        world.LosAngelesLinks = world.LosAngelesLinks with { PassExpireDateIsLocal = expireDateIsLocal };
        add(world);
        return world;
    }

    [Fact]
    public void Resolve_UnusedPassWithoutExpiry_GrantsOpenEnded()
    {
        var access = World(w => w.Pass(1, 10)).Resolve(Now);

        var membership = access.Membership(10, PassGroup);
        Assert.Null(membership.ValidUntil);
        var grant = Assert.IsType<TimePassGrant>(Assert.Single(membership.Grants));
        Assert.Equal((1L, LondonPass, London, (DateTimeOffset?)null), (grant.CoworkerTimePassId, grant.TimePassId, grant.BusinessId, grant.UsedDate));
    }

    [Fact]
    public void Resolve_PassExpiringNow_GrantsNothing()
    {
        var access = World(w => w.Pass(1, 10, expires: Now)).Resolve(Now);

        Assert.False(access.Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassExpiringOneTickAfterNow_GrantsUntilTheExpiry()
    {
        var access = World(w => w.Pass(1, 10, expires: Now.AddTicks(1))).Resolve(Now);

        Assert.Equal(Now.AddTicks(1), access.Membership(10, PassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_PassWithNoUsesLeft_GrantsNothing()
    {
        var access = World(w => w.Pass(1, 10, remainingUses: 0)).Resolve(Now);

        Assert.False(access.Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassWithOneUseLeft_Grants()
    {
        var access = World(w => w.Pass(1, 10, remainingUses: 1)).Resolve(Now);

        Assert.True(access.Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassUsedToday_GrantsUntilTheEndOfThePassDay()
    {
        var access = World(w => w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 14, 9))).Resolve(Now);

        var membership = access.Membership(10, PassGroup);
        Assert.Equal(Utc(2026, 1, 15), membership.ValidUntil);
        Assert.Equal(Utc(2026, 1, 14, 9), Assert.IsType<TimePassGrant>(Assert.Single(membership.Grants)).UsedDate);
    }

    [Fact]
    public void Resolve_PassUsedYesterday_GrantsNothing()
    {
        var access = World(w => w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 13, 23, 59, 59))).Resolve(Now);

        Assert.False(access.Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassUsedAtTheStartOfToday_Grants()
    {
        var access = World(w => w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 14))).Resolve(Now);

        Assert.True(access.Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassUsedTodayExpiringEarlier_GrantsUntilTheExpiry()
    {
        var access = World(w => w.Pass(1, 10, expires: Utc(2026, 1, 14, 18), used: true, usedDate: Utc(2026, 1, 14, 9))).Resolve(Now);

        Assert.Equal(Utc(2026, 1, 14, 18), access.Membership(10, PassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_PassUsedAt0200WithCutoff0400_StillGrantsAt0300AndUntil0400()
    {
        // Tuesday 02:00 belongs to Monday's pass day when pass days start at 04:00.
        var world = World(w => w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 13, 2)), TimeSpan.FromHours(4));

        var access = world.Resolve(Utc(2026, 1, 13, 3));

        Assert.Equal(Utc(2026, 1, 13, 4), access.Membership(10, PassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_PassUsedAt0200WithCutoff0400_GrantsNothingFrom0400()
    {
        var world = World(w => w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 13, 2)), TimeSpan.FromHours(4));

        Assert.False(world.Resolve(Utc(2026, 1, 13, 4)).Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassUsedMondayEveningWithCutoff0400_StillGrantsAt0300Tuesday()
    {
        var world = World(w => w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 12, 20)), TimeSpan.FromHours(4));

        Assert.True(world.Resolve(Utc(2026, 1, 13, 3, 59, 59)).Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassUsedAt0500WithCutoff0400_GrantsNothingAt0300TheNextDay()
    {
        var world = World(w => w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 12, 5)), TimeSpan.FromHours(4));

        Assert.False(world.Resolve(Utc(2026, 1, 13, 4)).Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassMarkedUsedWithoutUsedDate_GrantsNothing()
    {
        var access = World(w => w.Pass(1, 10, used: true, usedDate: null)).Resolve(Now);

        Assert.False(access.Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassWithUsedMissingAndNoUsedDate_GrantsNothing()
    {
        var access = World(w => w.Pass(1, 10, used: null, usedDate: null)).Resolve(Now);

        Assert.False(access.Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_PassWithUsedMissingButUsedToday_GrantsForThePassDayOnly()
    {
        var access = World(w => w.Pass(1, 10, used: null, usedDate: Utc(2026, 1, 14, 9))).Resolve(Now);

        Assert.Equal(Utc(2026, 1, 15), access.Membership(10, PassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_UnusedPassWithAnOldUsedDate_GrantsBecauseUsedIsFalse()
    {
        var access = World(w => w.Pass(1, 10, used: false, usedDate: Utc(2025, 12, 1))).Resolve(Now);

        Assert.Null(access.Membership(10, PassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_PassUsedOnALaterPassDay_GrantsNothingYetAndReportsThatDayAsTheEdge()
    {
        var access = World(w => w.Pass(1, 10, used: true, usedDate: Utc(2026, 1, 16, 10))).Resolve(Now);

        Assert.False(access.Grants(10, PassGroup));
        Assert.Equal(Utc(2026, 1, 16), access.NextEdge);
    }

    [Fact]
    public void Resolve_PassOfAnotherLocation_GrantsNothingHere()
    {
        // The London pass definition held at the Los Angeles location: not linked there.
        var access = World(w => w.Pass(1, 10, business: LosAngeles, timePassId: LondonPass)).Resolve(Now);

        Assert.Empty(access.Memberships);
    }

    [Fact]
    public void Resolve_PassAtItsLocation_GrantsThatLocationsGroupOnItsSite()
    {
        var access = World(w => w.Pass(1, 10, business: LosAngeles, timePassId: LosAngelesPass)).Resolve(Now);

        var membership = Assert.Single(access.Memberships);
        Assert.Equal((LosAngelesSite, LaPassGroup, 10L), (membership.SiteId, membership.GroupId, membership.CustomerId));
    }

    [Fact]
    public void Resolve_ExpireDateReadAsUtc_ExpiresAtTheUtcInstant()
    {
        // Nexudus sent 2026-02-28T00:00:00: read as UTC it is 16:00 on the 27th in Los Angeles.
        var world = World(w => w.Pass(1, 10, LosAngeles, LosAngelesPass, expires: Utc(2026, 2, 28)));

        Assert.False(world.Resolve(Utc(2026, 2, 28, 4)).Grants(10, LaPassGroup));
    }

    [Fact]
    public void Resolve_ExpireDateReadAsLocal_ExpiresAtTheLocalWallClock()
    {
        // Read as Los Angeles wall clock, 2026-02-28T00:00 is 08:00 UTC.
        var world = World(w => w.Pass(1, 10, LosAngeles, LosAngelesPass, expires: Utc(2026, 2, 28)), expireDateIsLocal: true);

        var access = world.Resolve(Utc(2026, 2, 28, 4));

        Assert.Equal(Utc(2026, 2, 28, 8), access.Membership(10, LaPassGroup).ValidUntil);
    }
}
