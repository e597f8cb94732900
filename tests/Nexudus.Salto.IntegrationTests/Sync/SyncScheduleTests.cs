using Nexudus.Salto.Sync;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>A linked pass's time slots become its group's SALTO time schedules, where the location opts in.</summary>
public sealed class SyncScheduleTests
{
    private static Testing.NexudusSeed SeedMorningPass(SyncHarness h) => h.Seed(b => b
        .PassTimeSlot("Day Pass", DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(13, 0))
        .PassTimeSlot("Day Pass", DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(13, 0))
        .PassTimeSlot("Day Pass", DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(12, 0)));

    [Fact]
    public async Task Synchronize_LocationOptedIn_WritesOneScheduleperDailyWindow()
    {
        await using var h = await StartAsync();
        var seed = SeedMorningPass(h);

        var report = await h.SyncAsync(Options([Location(seed, schedules: true)]));

        var schedules = h.Salto.GetTimeSchedules(SiteId, PassGroup).OrderBy(s => s.StartTime).ToList();
        Assert.Equal(2, schedules.Count);
        Assert.Equal((true, true, false, new TimeOnly(8, 0), new TimeOnly(13, 0)), (schedules[0].Monday, schedules[0].Tuesday, schedules[0].Saturday, schedules[0].StartTime, schedules[0].EndTime));
        Assert.Equal((false, true, new TimeOnly(9, 0)), (schedules[1].Monday, schedules[1].Saturday, schedules[1].StartTime));
        Assert.Equal(["Mon,Tue 08:00-13:00", "Sat 09:00-12:00"], report.Schedules.Select(s => s.Schedule));
        Assert.Equal(2, (await h.Store.LoadSiteAsync(SiteId)).Schedules.Count);
    }

    [Fact]
    public async Task Synchronize_SchedulesAlreadyWritten_WritesNothingMore()
    {
        await using var h = await StartAsync();
        var seed = SeedMorningPass(h);
        var options = Options([Location(seed, schedules: true)]);
        await h.SyncAsync(options);
        h.Salto.Requests.Clear();

        var report = await h.SyncAsync(options);

        Assert.Empty(report.Schedules);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
    }

    [Fact]
    public async Task Synchronize_PassSlotChanged_CreatesTheNewScheduleAndDeletesTheOld()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.PassTimeSlot("Day Pass", DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(13, 0)));
        var options = Options([Location(seed, schedules: true)]);
        await h.SyncAsync(options);
        var slot = h.Nexudus.GetAll<global::Nexudus.Salto.Nexudus.TimePassTimeSlot>().Single();
        h.Nexudus.Put(slot with { ToTime = slot.ToTime!.Value.AddHours(1) });

        var report = await h.SyncAsync(options);

        Assert.Equal([(ScheduleChangeKind.Create, "Mon 08:00-14:00"), (ScheduleChangeKind.Delete, "Mon 08:00-13:00")], report.Schedules.Select(s => (s.Kind, s.Schedule)));
        Assert.Equal(new TimeOnly(14, 0), Assert.Single(h.Salto.GetTimeSchedules(SiteId, PassGroup)).EndTime);
    }

    [Fact]
    public async Task Synchronize_PassWithoutSlots_GetsOneAlwaysSchedule()
    {
        await using var h = await StartAsync();
        var seed = h.Seed();

        await h.SyncAsync(Options([Location(seed, schedules: true)]));

        var always = Assert.Single(h.Salto.GetTimeSchedules(SiteId, PassGroup));
        Assert.True(always.Monday && always.Sunday && always.StartTime == TimeOnly.MinValue);
    }

    [Fact]
    public async Task Synchronize_LocationNotOptedIn_OnlyChecksEachLinkedGroupHasASchedule()
    {
        await using var h = await StartAsync();
        var seed = SeedMorningPass(h);

        var report = await h.SyncAsync(Options(seed));

        // One read per linked group to find groups without a schedule (never rolled out to the locks); nothing written.
        Assert.Equal(3, h.Salto.Requests.Count("GET", $"/v1.1/sites/{SiteId}/access_groups/*/time_schedules"));
        Assert.Equal(0, h.Salto.Requests.Count("POST", $"/v1.1/sites/{SiteId}/access_groups/*/time_schedules"));
        Assert.Equal(3, report.Warnings.Count(w => w.Kind == SyncWarningKind.GroupWithoutSchedule));
        Assert.Equal(0, h.Nexudus.Requests.Count("GET", "/api/billing/timepasstimeslots"));
    }

    [Fact]
    public async Task Synchronize_IsoDayNumbering_ReadsOneAsMonday()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.PassTimeSlot("Day Pass", DayOfWeek.Sunday, new TimeOnly(8, 0), new TimeOnly(13, 0), s => s with { DayOfWeek = 7 }));

        await h.SyncAsync(Options([Location(seed, schedules: true)], o => o with { TimeSlotDayNumbering = TimeSlotDayNumbering.MondayOne }));

        var schedule = Assert.Single(h.Salto.GetTimeSchedules(SiteId, PassGroup));
        Assert.True(schedule.Sunday && !schedule.Monday);
    }
}
