using Nexudus.Salto.Entitlements;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>
/// Local rules on the nights clocks change. 2026: London goes forward on 29 March at 01:00 UTC and
/// back on 25 October at 01:00 UTC; Los Angeles goes forward on 8 March at 10:00 UTC and back on
/// 1 November at 09:00 UTC.
/// </summary>
public sealed class EntitlementResolverDaylightSavingTests
{
    private static TestWorld World(Action<TestWorld> add, TimeSpan? londonCutoff = null, TimeSpan? laCutoff = null)
    {
        var world = new TestWorld();
        world.Customer(10);
        world.LondonLinks = world.LondonLinks with { PassDayCutoff = londonCutoff ?? TimeSpan.Zero };
        world.LosAngelesLinks = world.LosAngelesLinks with { PassDayCutoff = laCutoff ?? TimeSpan.Zero };
        add(world);
        return world;
    }

    private static TestWorld LondonPassUsedAt(DateTimeOffset used, TimeSpan? cutoff = null) =>
        World(w => w.Pass(1, 10, used: true, usedDate: used), londonCutoff: cutoff);

    private static TestWorld LosAngelesPassUsedAt(DateTimeOffset used, TimeSpan? cutoff = null) =>
        World(w => w.Pass(1, 10, LosAngeles, LosAngelesPass, used: true, usedDate: used), laCutoff: cutoff);

    [Fact]
    public void Resolve_PassUsedOnLondonsShortDay_EndsAtTheNextLocalMidnightAfter23Hours()
    {
        var access = LondonPassUsedAt(Utc(2026, 3, 29, 10)).Resolve(Utc(2026, 3, 29, 12));

        Assert.Equal(Utc(2026, 3, 29, 23), access.Membership(10, PassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_PassUsedJustAfterMidnightOnLondonsLongDay_CountsForThatDayUntilGmtMidnight()
    {
        // 23:30 UTC on the 24th is 00:30 BST on the 25th.
        var access = LondonPassUsedAt(Utc(2026, 10, 24, 23, 30)).Resolve(Utc(2026, 10, 25, 12));

        Assert.Equal(Utc(2026, 10, 26), access.Membership(10, PassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_LondonCutoffSkippedWhenClocksGoForward_PassDayEndsAtTheJump()
    {
        // 01:30 does not exist on 29 March in London: the pass day of the 28th ends at 01:00 UTC.
        var world = LondonPassUsedAt(Utc(2026, 3, 28, 20), TimeSpan.FromMinutes(90));

        Assert.Equal(Utc(2026, 3, 29, 1), world.Resolve(Utc(2026, 3, 29, 0, 30)).Membership(10, PassGroup).ValidUntil);
        Assert.False(world.Resolve(Utc(2026, 3, 29, 1)).Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_LondonCutoffRepeatedWhenClocksGoBack_PassDayEndsAtItsFirstOccurrence()
    {
        // 01:30 happens twice on 25 October in London: first at 00:30 UTC (BST).
        var world = LondonPassUsedAt(Utc(2026, 10, 24, 20), TimeSpan.FromMinutes(90));

        Assert.Equal(Utc(2026, 10, 25, 0, 30), world.Resolve(Utc(2026, 10, 25, 0)).Membership(10, PassGroup).ValidUntil);
        Assert.False(world.Resolve(Utc(2026, 10, 25, 1)).Grants(10, PassGroup));
    }

    [Fact]
    public void Resolve_LosAngelesCutoffSkippedWhenClocksGoForward_PassDayEndsAtTheJump()
    {
        // 02:30 does not exist on 8 March in Los Angeles; the clocks jump at 10:00 UTC.
        var world = LosAngelesPassUsedAt(Utc(2026, 3, 8, 4), TimeSpan.FromMinutes(150));

        Assert.Equal(Utc(2026, 3, 8, 10), world.Resolve(Utc(2026, 3, 8, 9, 59, 59)).Membership(10, LaPassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_LosAngelesCutoffRepeatedWhenClocksGoBack_PassDayEndsAtItsFirstOccurrence()
    {
        // 01:30 happens twice on 1 November in Los Angeles: first at 08:30 UTC (PDT).
        var world = LosAngelesPassUsedAt(Utc(2026, 11, 1, 3), TimeSpan.FromMinutes(90));

        Assert.Equal(Utc(2026, 11, 1, 8, 30), world.Resolve(Utc(2026, 11, 1, 8)).Membership(10, LaPassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_PassUsedOnLosAngelesLongDay_LastsTheWhole25Hours()
    {
        // 1 November starts at 07:00 UTC (PDT) and ends at 08:00 UTC on the 2nd (PST).
        var world = LosAngelesPassUsedAt(Utc(2026, 11, 1, 7, 30));

        Assert.Equal(Utc(2026, 11, 2, 8), world.Resolve(Utc(2026, 11, 2, 7, 30)).Membership(10, LaPassGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_PassUsedBeforeMidnightOnLosAngelesShortDay_IsNotTodaysAfterMidnight()
    {
        // 07:59 UTC on 8 March is 23:59 PST on the 7th: yesterday's pass day by 00:00 local.
        var world = LosAngelesPassUsedAt(Utc(2026, 3, 8, 7, 59));

        Assert.False(world.Resolve(Utc(2026, 3, 8, 8)).Grants(10, LaPassGroup));
    }

    [Fact]
    public void Resolve_BookingOnLosAngelesFallBackNight_KeepsItsAbsoluteWindow()
    {
        // 01:30-02:30 local (PDT then PST) is 08:30-10:30 UTC: two real hours, plus the buffers.
        var world = World(w => w.Booking(1, 10, Utc(2026, 11, 1, 8, 30), Utc(2026, 11, 1, 10, 30), resource: LosAngelesRoom));

        var grant = Assert.IsType<BookingGrant>(Assert.Single(world.Resolve(Utc(2026, 11, 1, 9)).GetLineage(10, LaRoomGroup)));
        Assert.Equal((Utc(2026, 11, 1, 8, 15), Utc(2026, 11, 1, 10, 45)), (grant.WindowStart, grant.WindowEnd));
    }

    [Fact]
    public void Resolve_ContractWhoseLastDayIsLondonsLongDay_EndsAtGmtMidnight()
    {
        var world = World(w => w.Contract(5, 10, Utc(2025, 1, 1), cancellationLocal: new DateTime(2026, 10, 25, 0, 0, 0, DateTimeKind.Unspecified)));

        Assert.Equal(Utc(2026, 10, 26), world.Resolve(Utc(2026, 10, 25, 12)).Membership(10, DeskGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_ContractWhoseLastDayIsTheDayBeforeLondonsShortDay_EndsAtGmtMidnight()
    {
        var world = World(w => w.Contract(5, 10, Utc(2025, 1, 1), cancellationLocal: new DateTime(2026, 3, 28, 0, 0, 0, DateTimeKind.Unspecified)));

        Assert.Equal(Utc(2026, 3, 29), world.Resolve(Utc(2026, 3, 28, 12)).Membership(10, DeskGroup).ValidUntil);
    }
}
