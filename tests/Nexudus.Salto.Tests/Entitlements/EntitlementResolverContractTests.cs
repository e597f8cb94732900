using Nexudus.Salto.Entitlements;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>A contract grants its desks' groups while active, started, not paused and not past its last day.</summary>
public sealed class EntitlementResolverContractTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 1, 15, 12);

    private static TestWorld World(Action<TestWorld> add)
    {
        var world = new TestWorld();
        world.Customer(10);
        add(world);
        return world;
    }

    [Fact]
    public void Resolve_ActiveStartedContract_GrantsTheDeskGroupOpenEnded()
    {
        var access = World(w => w.Contract(5, 10, Utc(2025, 1, 1))).Resolve(Now);

        var membership = access.Membership(10, DeskGroup);
        Assert.Null(membership.ValidUntil);
        var grant = Assert.IsType<ContractGrant>(Assert.Single(membership.Grants));
        Assert.Equal((5L, LondonDesk, London), (grant.ContractId, grant.FloorPlanDeskId, grant.BusinessId));
    }

    [Fact]
    public void Resolve_ContractWithTwoDesks_GrantsEachDesksGroupWithItsOwnLineage()
    {
        var access = World(w => w.Contract(5, 10, Utc(2025, 1, 1), desks: [LondonDesk, LondonOffice])).Resolve(Now);

        Assert.Equal(LondonDesk, Assert.IsType<ContractGrant>(Assert.Single(access.GetLineage(10, DeskGroup))).FloorPlanDeskId);
        Assert.Equal(LondonOffice, Assert.IsType<ContractGrant>(Assert.Single(access.GetLineage(10, OfficeGroup))).FloorPlanDeskId);
    }

    [Fact]
    public void Resolve_ContractStartingNow_Grants()
    {
        Assert.True(World(w => w.Contract(5, 10, Now)).Resolve(Now).Grants(10, DeskGroup));
    }

    [Fact]
    public void Resolve_ContractStartingLater_GrantsNothingAndReportsTheStartAsTheEdge()
    {
        var access = World(w => w.Contract(5, 10, Now.AddDays(2))).Resolve(Now);

        Assert.False(access.Grants(10, DeskGroup));
        Assert.Equal(Now.AddDays(2), access.NextEdge);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Resolve_ContractNotActiveOrActiveMissing_GrantsNothing(bool? active)
    {
        Assert.False(World(w => w.Contract(5, 10, Utc(2025, 1, 1), active: active)).Resolve(Now).Grants(10, DeskGroup));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void Resolve_ContractPausedOrPauseMissing_GrantsNothing(bool? paused)
    {
        Assert.False(World(w => w.Contract(5, 10, Utc(2025, 1, 1), paused: paused)).Resolve(Now).Grants(10, DeskGroup));
    }

    [Fact]
    public void Resolve_ContractWithoutStartDate_GrantsNothing()
    {
        var world = World(w => w.Contract(5, 10, Utc(2025, 1, 1)));
        world.Contracts[0] = world.Contracts[0] with { StartDate = null };

        Assert.False(world.Resolve(Now).Grants(10, DeskGroup));
    }

    [Fact]
    public void Resolve_ContractWithoutDesks_GrantsNothing()
    {
        var world = World(w => w.Contract(5, 10, Utc(2025, 1, 1)));
        world.Contracts[0] = world.Contracts[0] with { Desks = null };

        Assert.Empty(world.Resolve(Now).Memberships);
    }

    [Fact]
    public void Resolve_ContractCancelledWithoutADate_GrantsNothing()
    {
        Assert.False(World(w => w.Contract(5, 10, Utc(2025, 1, 1), cancelled: true)).Resolve(Now).Grants(10, DeskGroup));
    }

    [Fact]
    public void Resolve_ContractOnAnUnlinkedDesk_GrantsNothing()
    {
        var world = World(w => w.Contract(5, 10, Utc(2025, 1, 1), desks: [1417999999]));

        Assert.Empty(world.Resolve(Now).Memberships);
    }

    [Fact]
    public void Resolve_ContractOnADeskOfAnotherLocation_GrantsThatLocationsGroup()
    {
        var access = World(w => w.Contract(5, 10, Utc(2025, 1, 1), desks: [LosAngelesDesk])).Resolve(Now);

        var membership = Assert.Single(access.Memberships);
        Assert.Equal((LosAngelesSite, LaDeskGroup), (membership.SiteId, membership.GroupId));
        Assert.Equal(LosAngeles, membership.Grants[0].BusinessId);
    }

    // Los Angeles is eight hours behind UTC in January. The last day of access is 15 January,
    // local time: access ends at local midnight, 16 January 08:00 UTC.
    private static TestWorld CancelledInLosAngeles(bool withLocalTwin) => World(w => w.Contract(
        5, 10, Utc(2025, 1, 1), desks: [LosAngelesDesk],
        cancellation: Utc(2026, 1, 15, 8),
        cancellationLocal: withLocalTwin ? new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Unspecified) : null));

    [Fact]
    public void Resolve_CancellationDateTodayEightHoursBehindUtc_GrantsUntilLocalMidnight()
    {
        var access = CancelledInLosAngeles(withLocalTwin: true).Resolve(Utc(2026, 1, 15, 20));

        Assert.Equal(Utc(2026, 1, 16, 8), access.Membership(10, LaDeskGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_CancellationDateTodayEightHoursBehindUtc_StillGrantsAfterUtcMidnight()
    {
        // 01:00 UTC on the 16th is 17:00 on the 15th in Los Angeles: still the last day.
        Assert.True(CancelledInLosAngeles(withLocalTwin: true).Resolve(Utc(2026, 1, 16, 1)).Grants(10, LaDeskGroup));
    }

    [Fact]
    public void Resolve_CancellationDateTodayEightHoursBehindUtc_GrantsOneSecondBeforeLocalMidnight()
    {
        Assert.True(CancelledInLosAngeles(withLocalTwin: true).Resolve(Utc(2026, 1, 16, 7, 59, 59)).Grants(10, LaDeskGroup));
    }

    [Fact]
    public void Resolve_CancellationDateTodayEightHoursBehindUtc_GrantsNothingFromLocalMidnight()
    {
        Assert.False(CancelledInLosAngeles(withLocalTwin: true).Resolve(Utc(2026, 1, 16, 8)).Grants(10, LaDeskGroup));
    }

    [Fact]
    public void Resolve_CancellationDateWithoutLocalTwin_TakesTheLocalDateOfTheUtcValue()
    {
        var access = CancelledInLosAngeles(withLocalTwin: false).Resolve(Utc(2026, 1, 15, 20));

        Assert.Equal(Utc(2026, 1, 16, 8), access.Membership(10, LaDeskGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_CancellationDateLocalDisagreeingWithUtc_TrustsTheLocalTwin()
    {
        // The wall-clock twin says the 20th; the plain value's local date would be the 15th.
        var world = World(w => w.Contract(
            5, 10, Utc(2025, 1, 1), desks: [LosAngelesDesk],
            cancellation: Utc(2026, 1, 15, 8), cancellationLocal: new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Unspecified)));

        Assert.Equal(Utc(2026, 1, 21, 8), world.Resolve(Utc(2026, 1, 15, 20)).Membership(10, LaDeskGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_CancellationDateLastDayIsTheDayClocksGoForward_EndsAtTheNextLocalMidnight()
    {
        // 8 March 2026 has 23 hours in Los Angeles; midnight after it is 07:00 UTC (PDT).
        var world = World(w => w.Contract(
            5, 10, Utc(2025, 1, 1), desks: [LosAngelesDesk], cancellationLocal: new DateTime(2026, 3, 8, 0, 0, 0, DateTimeKind.Unspecified)));

        Assert.Equal(Utc(2026, 3, 9, 7), world.Resolve(Utc(2026, 3, 8, 12)).Membership(10, LaDeskGroup).ValidUntil);
    }
}
