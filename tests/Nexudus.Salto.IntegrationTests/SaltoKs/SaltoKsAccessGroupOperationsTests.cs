using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;
using ODataFilter = Nexudus.Salto.SaltoKs.ODataFilter;
using static Nexudus.Salto.IntegrationTests.SaltoKs.SaltoKsClientOnSandbox;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>Access groups with their members, locks and time schedules, against the sandbox.</summary>
public sealed class SaltoKsAccessGroupOperationsTests
{
    private const string MembersGroup = "9a1e0000-0000-4000-8000-00000000a001";
    private const string OfficesGroup = "9a1e0000-0000-4000-8000-00000000a002";
    private const string FrontDoor = "3f1c0000-0000-4000-8000-00000000f001";
    private const string Room101 = "3f1c0000-0000-4000-8000-00000000f101";
    private const string Room102 = "3f1c0000-0000-4000-8000-00000000f102";
    private const string MembersRoute = "/v1.1/sites/{site_id}/access_groups/{access_group_id}/users";

    private static SiteUserId SiteUser(int n) => new($"5a000000-0000-4000-8000-{n:D12}");

    private static PlatformUserId Platform(int n) => new($"9b000000-0000-4000-8000-{n:D12}");

    /// <summary>Two groups, three locks and <paramref name="users"/> users (1…n) with distinct site-user and platform ids.</summary>
    private static void SeedGroups(SaltoKsSandbox sandbox, int users = 3) => sandbox.Seed(b =>
    {
        b.AccessGroup(MembersGroup, "Members").AccessGroup(OfficesGroup, "Offices #101")
            .Lock(FrontDoor, "Front door").Lock(Room101, "Room #101").Lock(Room102, "Room #102");
        for (int n = 1; n <= users; n++)
        {
            b.User(SiteUser(n), Platform(n), email: $"user{n}@example.com");
        }
    });

    [Fact]
    public async Task GetAccessGroupsAsync_NoFilter_ListsEveryGroup()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);

        List<AccessGroup> groups = await run.Client.GetAccessGroupsAsync(SiteId).ToListAsync();

        Assert.Equal([MembersGroup, OfficesGroup], groups.Select(g => g.Id));
    }

    [Fact]
    public async Task GetAccessGroupsAsync_CustomerReferenceEq_ListsThatGroupOnly()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);

        List<AccessGroup> groups = await run.Client
            .GetAccessGroupsAsync(SiteId, new SaltoKsListQuery { Filter = ODataFilter.Equal("customer_reference", "Offices #101") })
            .ToListAsync();

        Assert.Equal(OfficesGroup, Assert.Single(groups).Id);
    }

    [Fact]
    public async Task GetAccessGroupAsync_SeededGroup_ReadsIt()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);

        AccessGroup group = await run.Client.GetAccessGroupAsync(SiteId, OfficesGroup);

        Assert.Equal((OfficesGroup, "Offices #101"), (group.Id, group.CustomerReference));
    }

    [Fact]
    public async Task GetAccessGroupAsync_UnknownGroup_ThrowsNotFound()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();

        await Assert.ThrowsAsync<SaltoKsNotFoundException>(() => run.Client.GetAccessGroupAsync(SiteId, MembersGroup));
    }

    [Fact]
    public async Task CreateAccessGroupAsync_NewName_CreatesItOnceAndReturnsItsId()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();

        AccessGroup created = await run.Client.CreateAccessGroupAsync(SiteId, new AccessGroupCreateRequest { CustomerReference = "Booking 1418686279" });

        AccessGroup stored = Assert.Single(run.Sandbox.GetAccessGroups(SiteId));
        Assert.Equal((stored.Id, "Booking 1418686279"), (created.Id, created.CustomerReference));
        Assert.Single(run.Served("POST", "/v1.1/sites/{site_id}/access_groups"));
    }

    [Fact]
    public async Task DeleteAccessGroupAsync_ExistingGroup_DeletesIt()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);

        Assert.True(await run.Client.DeleteAccessGroupAsync(SiteId, MembersGroup));

        Assert.Equal([OfficesGroup], run.Sandbox.GetAccessGroups(SiteId).Select(g => g.Id));
    }

    [Fact]
    public async Task DeleteAccessGroupAsync_AlreadyGone_ReturnsFalse()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();

        Assert.False(await run.Client.DeleteAccessGroupAsync(SiteId, MembersGroup));
    }

    [Theory]
    [InlineData(SaltoKsMemberShape.Flat)]
    [InlineData(SaltoKsMemberShape.NestedUser)]
    public async Task GetAccessGroupMembersAsync_EitherItemShape_GivesPlatformUserIds(SaltoKsMemberShape shape)
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.MemberShape = shape);
        SeedGroups(run.Sandbox);
        run.Sandbox.Seed(b => b.Member(MembersGroup, Platform(2)).Member(MembersGroup, Platform(3)));

        List<AccessGroupMember> members = await run.Client.GetAccessGroupMembersAsync(SiteId, MembersGroup).ToListAsync();

        Assert.Equal([Platform(2), Platform(3)], members.Select(m => m.PlatformUserId));
    }

    [Fact]
    public async Task AddAccessGroupMemberAsync_PlatformUserId_AddsTheMember()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);

        await run.Client.AddAccessGroupMemberAsync(SiteId, MembersGroup, Platform(1));

        Assert.Equal([Platform(1)], run.Sandbox.GetAccessGroupMembers(SiteId, MembersGroup));
        Assert.Single(run.Served("POST", MembersRoute));
    }

    [Fact]
    public async Task AddAccessGroupMemberAsync_SiteUserIdPassedAsPlatformId_ThrowsNotFound2202AndAddsNobody()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);

        // The types make this mix-up impossible by accident; forced on purpose, SALTO's answer must surface.
        SaltoKsNotFoundException error = await Assert.ThrowsAsync<SaltoKsNotFoundException>(
            () => run.Client.AddAccessGroupMemberAsync(SiteId, MembersGroup, new PlatformUserId(SiteUser(1).Value)));

        Assert.Equal((404, "2202"), (error.Status, error.ErrorCode));
        Assert.Empty(run.Sandbox.GetAccessGroupMembers(SiteId, MembersGroup));
    }

    [Fact]
    public async Task RemoveAccessGroupMemberAsync_Member_RemovesOnlyThem()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);
        run.Sandbox.Seed(b => b.Member(MembersGroup, Platform(1)).Member(MembersGroup, Platform(2)));

        Assert.True(await run.Client.RemoveAccessGroupMemberAsync(SiteId, MembersGroup, Platform(1)));

        Assert.Equal([Platform(2)], run.Sandbox.GetAccessGroupMembers(SiteId, MembersGroup));
    }

    [Fact]
    public async Task RemoveAccessGroupMemberAsync_NotAMember_ReturnsFalse()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);
        run.Sandbox.Seed(b => b.Member(MembersGroup, Platform(2)));

        Assert.False(await run.Client.RemoveAccessGroupMemberAsync(SiteId, MembersGroup, Platform(1)));
        Assert.Equal([Platform(2)], run.Sandbox.GetAccessGroupMembers(SiteId, MembersGroup));
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_AddsAndRemoves_AppliesBothInOnePatch()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);
        run.Sandbox.Seed(b => b.Member(MembersGroup, Platform(1)));

        AccessGroupMembersChangeResult result = await run.Client.ChangeAccessGroupMembersAsync(
            SiteId, MembersGroup, new AccessGroupUsersChange { AddIds = [Platform(2), Platform(3)], RemoveIds = [Platform(1)] });

        Assert.True(result.Succeeded);
        Assert.Equal([Platform(2), Platform(3)], run.Sandbox.GetAccessGroupMembers(SiteId, MembersGroup));
        Assert.Single(run.Served("PATCH", MembersRoute));
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_MoreIdsThanAChunk_SendsSeveralPatchesThatTogetherApplyAll()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.MaxBulkIds = 4, client: o => o.MembershipChunkSize = 2);
        SeedGroups(run.Sandbox, users: 9);
        run.Sandbox.Seed(b => b.Member(MembersGroup, Platform(8)).Member(MembersGroup, Platform(9)));
        PlatformUserId[] adds = [.. Enumerable.Range(1, 7).Select(Platform)];

        AccessGroupMembersChangeResult result = await run.Client.ChangeAccessGroupMembersAsync(
            SiteId, MembersGroup, new AccessGroupUsersChange { AddIds = adds, RemoveIds = [Platform(8), Platform(9)] });

        Assert.True(result.Succeeded);
        Assert.Equal(adds, run.Sandbox.GetAccessGroupMembers(SiteId, MembersGroup));
        Assert.Equal([2, 2, 2, 1], result.Chunks.Select(c => c.AddIds.Count));
        Assert.All(run.Served("PATCH", MembersRoute), r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(4, run.Served("PATCH", MembersRoute).Count);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_OneChunkRejected_ReportsItAndAppliesTheOthers()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(client: o => o.MembershipChunkSize = 1);
        SeedGroups(run.Sandbox);

        AccessGroupMembersChangeResult result = await run.Client.ChangeAccessGroupMembersAsync(
            SiteId, MembersGroup, new AccessGroupUsersChange { AddIds = [Platform(1), new PlatformUserId(SiteUser(2).Value), Platform(3)] });

        Assert.Equal([Platform(1), Platform(3)], result.AddedIds);
        Assert.IsType<SaltoKsNotFoundException>(Assert.Single(result.Chunks, c => !c.Succeeded).Error);
        Assert.Equal([Platform(1), Platform(3)], run.Sandbox.GetAccessGroupMembers(SiteId, MembersGroup));
    }

    [Fact]
    public async Task GetAccessGroupLocksAsync_GroupWithLocks_ListsThem()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);
        run.Sandbox.Seed(b => b.GroupLock(OfficesGroup, Room101).GroupLock(OfficesGroup, FrontDoor));

        List<SaltoLock> locks = await run.Client.GetAccessGroupLocksAsync(SiteId, OfficesGroup).ToListAsync();

        Assert.Equal([Room101, FrontDoor], locks.Select(l => l.Id));
        Assert.Equal("Room #101", locks[0].CustomerReference);
    }

    [Fact]
    public async Task ChangeAccessGroupLocksAsync_AddsAndRemoves_AppliesBothInOnePatch()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);
        run.Sandbox.Seed(b => b.GroupLock(OfficesGroup, Room101));

        await run.Client.ChangeAccessGroupLocksAsync(
            SiteId, OfficesGroup, new AccessGroupLocksChange { AddIds = [Room102, FrontDoor], RemoveIds = [Room101] });

        Assert.Equal([Room102, FrontDoor], run.Sandbox.GetAccessGroupLocks(SiteId, OfficesGroup));
        Assert.Single(run.Served("PATCH", "/v1.1/sites/{site_id}/access_groups/{access_group_id}/locks"));
    }

    [Fact]
    public async Task GetTimeSchedulesAsync_SeededSchedule_ReadsItsDaysTimesAndDates()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);
        var seeded = new TimeSchedule
        {
            Id = "7e000000-0000-4000-8000-000000000001",
            Monday = true,
            Friday = true,
            StartTime = new TimeOnly(8, 0),
            EndTime = new TimeOnly(13, 0),
            StartDate = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero),
        };
        run.Sandbox.Seed(b => b.TimeSchedule(MembersGroup, seeded));

        TimeSchedule schedule = Assert.Single(await run.Client.GetTimeSchedulesAsync(SiteId, MembersGroup).ToListAsync());

        Assert.Equal(seeded, schedule);
    }

    [Theory]
    [InlineData(false, SaltoKsScheduleDateMode.Utc)]
    [InlineData(true, SaltoKsScheduleDateMode.SiteLocal)]
    public async Task CreateTimeScheduleAsync_ClientMatchingTheTenantsDateReading_OpensTheDoorExactlyForTheBooking(bool tenantReadsSiteLocal, SaltoKsScheduleDateMode mode)
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.ScheduleDatesAreSiteLocal = tenantReadsSiteLocal, client: o => o.ScheduleDates = mode);
        SeedGroups(run.Sandbox);
        run.Sandbox.Seed(b => b.GroupLock(OfficesGroup, Room101).Member(OfficesGroup, Platform(1)));
        DateTimeOffset from = Start.AddHours(1), to = Start.AddHours(2.5);

        await run.Client.CreateTimeScheduleAsync(SiteId, OfficesGroup, BookingWindow(from, to));

        Assert.Equal(
            [false, true, true, false],
            new[] { from.AddMinutes(-1), from, to, to.AddMinutes(1) }.Select(at => run.Sandbox.CanOpen(SiteId, Platform(1), Room101, at)));
    }

    [Theory]
    [InlineData(false, SaltoKsScheduleDateMode.Utc)]
    [InlineData(true, SaltoKsScheduleDateMode.SiteLocal)]
    public async Task GetTimeSchedulesAsync_ClientMatchingTheTenantsDateReading_GivesBackTheInstantsWritten(bool tenantReadsSiteLocal, SaltoKsScheduleDateMode mode)
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.ScheduleDatesAreSiteLocal = tenantReadsSiteLocal, client: o => o.ScheduleDates = mode);
        SeedGroups(run.Sandbox);
        DateTimeOffset from = new(2025, 7, 1, 8, 0, 0, TimeSpan.Zero), to = from.AddHours(1.5);
        TimeSchedule created = await run.Client.CreateTimeScheduleAsync(SiteId, OfficesGroup, BookingWindow(from, to));

        TimeSchedule listed = Assert.Single(await run.Client.GetTimeSchedulesAsync(SiteId, OfficesGroup).ToListAsync());

        Assert.Equal((from, to), (created.StartDate, created.EndDate));
        Assert.Equal((from, to), (listed.StartDate, listed.EndDate));
    }

    [Fact]
    public async Task CreateTimeScheduleAsync_UtcDatesOnATenantThatReadsSiteLocal_ShiftsTheWindowByTheSitesOffset()
    {
        // Why the reading is a setting: in Madrid (UTC+1) the door would open an hour before the booking and lock the
        // booker out for its last hour.
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.ScheduleDatesAreSiteLocal = true);
        SeedGroups(run.Sandbox);
        run.Sandbox.Seed(b => b.GroupLock(OfficesGroup, Room101).Member(OfficesGroup, Platform(1)));
        DateTimeOffset from = Start.AddHours(1), to = Start.AddHours(2.5);

        await run.Client.CreateTimeScheduleAsync(SiteId, OfficesGroup, BookingWindow(from, to));

        Assert.Equal(
            [true, false],
            new[] { from.AddMinutes(-30), to.AddMinutes(-30) }.Select(at => run.Sandbox.CanOpen(SiteId, Platform(1), Room101, at)));
    }

    [Fact]
    public async Task CreateTimeScheduleAsync_NoWeekday_ThrowsInvalidParameter1101()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(
            () => run.Client.CreateTimeScheduleAsync(SiteId, OfficesGroup, new TimeScheduleRequest { StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(9, 0) }));

        Assert.Equal("1101", error.ErrorCode);
        Assert.Empty(run.Sandbox.GetTimeSchedules(SiteId, OfficesGroup));
    }

    [Fact]
    public async Task UpdateTimeScheduleAsync_MovedBooking_ReplacesTheWindow()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);
        TimeSchedule created = await run.Client.CreateTimeScheduleAsync(SiteId, OfficesGroup, BookingWindow(Start.AddHours(1), Start.AddHours(2)));

        await run.Client.UpdateTimeScheduleAsync(SiteId, OfficesGroup, created.Id, BookingWindow(Start.AddHours(3), Start.AddHours(4)));

        TimeSchedule stored = Assert.Single(run.Sandbox.GetTimeSchedules(SiteId, OfficesGroup));
        Assert.Equal((created.Id, Start.AddHours(3), Start.AddHours(4)), (stored.Id, stored.StartDate, stored.EndDate));
        Assert.Single(run.Served("PATCH", "/v1.1/sites/{site_id}/access_groups/{access_group_id}/time_schedules/{time_schedule_id}"));
    }

    [Fact]
    public async Task DeleteTimeScheduleAsync_ExistingSchedule_DeletesItThenReportsItGone()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedGroups(run.Sandbox);
        TimeSchedule created = await run.Client.CreateTimeScheduleAsync(SiteId, OfficesGroup, BookingWindow(Start.AddHours(1), Start.AddHours(2)));

        Assert.True(await run.Client.DeleteTimeScheduleAsync(SiteId, OfficesGroup, created.Id));
        Assert.False(await run.Client.DeleteTimeScheduleAsync(SiteId, OfficesGroup, created.Id));

        Assert.Empty(run.Sandbox.GetTimeSchedules(SiteId, OfficesGroup));
    }

    /// <summary>One continuous window, as the notes advise: exact instants in the dates, the whole day in the times.</summary>
    private static TimeScheduleRequest BookingWindow(DateTimeOffset from, DateTimeOffset to) => new()
    {
        Monday = true,
        Tuesday = true,
        Wednesday = true,
        Thursday = true,
        Friday = true,
        Saturday = true,
        Sunday = true,
        StartTime = new TimeOnly(0, 0, 0),
        EndTime = new TimeOnly(23, 59, 59),
        StartDate = from,
        EndDate = to,
    };
}
