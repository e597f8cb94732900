using System.Net;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>The seed builder's checks, <see cref="SaltoKsSandbox.CanOpen"/> and concurrency.</summary>
public sealed class SaltoKsSandboxSeedAndAccessTests
{
    // Tuesday 4 March 2025; Madrid is UTC+1 then.
    private static readonly TimeSchedule WorkingHours = new()
    {
        Id = "schedule-1", Monday = true, Tuesday = true, Wednesday = true, Thursday = true, Friday = true,
        StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(17, 0),
    };

    [Fact]
    public async Task SeedMember_WithTheSiteUserIdsText_ThrowsNamingTheMixUp()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            host.Sandbox.Seed(b => b.Member(SaltoKsTestHost.Members, new PlatformUserId(SaltoKsTestHost.BobSiteUser.Value))));

        Assert.Contains("platform id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_WithoutASiteWhenSeveralExist_Throws()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).Site("second"));

        Assert.Throws<InvalidOperationException>(() => host.Sandbox.Seed(b => b.AccessGroup("g", "G")));
    }

    [Fact]
    public async Task Seed_WithOneSite_AddsToItWithoutNamingIt()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        host.Sandbox.Seed(b => b.AccessGroup("late-group", "Late"));

        Assert.Contains(host.Sandbox.GetAccessGroups(SaltoKsTestHost.SiteId), g => g.Id == "late-group");
    }

    [Fact]
    public async Task CanOpen_MemberInsideWorkingHoursOnSiteClock_IsTrue()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).TimeSchedule(SaltoKsTestHost.Members, WorkingHours));

        // 08:30 UTC is 09:30 in Madrid.
        Assert.True(host.Sandbox.CanOpen(SaltoKsTestHost.SiteId, SaltoKsTestHost.AnnUser, SaltoKsTestHost.FrontDoor, new DateTimeOffset(2025, 3, 4, 8, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task CanOpen_BeforeTheDailyWindowOnSiteClock_IsFalse()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).TimeSchedule(SaltoKsTestHost.Members, WorkingHours));

        // 07:30 UTC is 08:30 in Madrid, before 09:00.
        Assert.False(host.Sandbox.CanOpen(SaltoKsTestHost.SiteId, SaltoKsTestHost.AnnUser, SaltoKsTestHost.FrontDoor, new DateTimeOffset(2025, 3, 4, 7, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task CanOpen_NotAMember_IsFalse()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).TimeSchedule(SaltoKsTestHost.Members, WorkingHours));

        Assert.False(host.Sandbox.CanOpen(SaltoKsTestHost.SiteId, SaltoKsTestHost.BobUser, SaltoKsTestHost.FrontDoor, new DateTimeOffset(2025, 3, 4, 8, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task CanOpen_GroupWithoutTimeSchedule_IsFalse()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        Assert.False(host.Sandbox.CanOpen(SaltoKsTestHost.SiteId, SaltoKsTestHost.AnnUser, SaltoKsTestHost.FrontDoor, new DateTimeOffset(2025, 3, 4, 8, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task CanOpen_SuspendedMember_IsFalse()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).TimeSchedule(SaltoKsTestHost.Members, WorkingHours));
        await host.PatchAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnSiteUser}/subscription", """{"state":"suspended"}""");

        Assert.False(host.Sandbox.CanOpen(SaltoKsTestHost.SiteId, SaltoKsTestHost.AnnUser, SaltoKsTestHost.FrontDoor, new DateTimeOffset(2025, 3, 4, 8, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(false, false)] // dates as UTC instants: 07:30Z is before the 08:00Z start
    [InlineData(true, true)] // dates on the site clock: 08:30 in Madrid is inside 08:00–11:00
    public async Task CanOpen_BookingWindowInDates_FollowsTheDateInterpretationSwitch(bool siteLocal, bool expected)
    {
        // One continuous window written as 08:00–11:00 (no offset, so read as 08:00Z–11:00Z).
        var booking = new TimeSchedule
        {
            Id = "booking", Monday = true, Tuesday = true, Wednesday = true, Thursday = true, Friday = true, Saturday = true, Sunday = true,
            StartTime = TimeOnly.MinValue, EndTime = new TimeOnly(23, 59, 59),
            StartDate = new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2025, 3, 4, 11, 0, 0, TimeSpan.Zero),
        };
        await using var host = await SaltoKsTestHost.StartAsync(o => o.ScheduleDatesAreSiteLocal = siteLocal, seed: b => SaltoKsTestHost.Standard(b).TimeSchedule(SaltoKsTestHost.Members, booking));

        // 07:30 UTC = 08:30 Madrid: before the window read as UTC, inside it read on the site clock.
        bool canOpen = host.Sandbox.CanOpen(SaltoKsTestHost.SiteId, SaltoKsTestHost.AnnUser, SaltoKsTestHost.FrontDoor, new DateTimeOffset(2025, 3, 4, 7, 30, 0, TimeSpan.Zero));

        Assert.Equal(expected, canOpen);
    }

    [Fact]
    public async Task ChangeMembers_ManyConcurrentPatches_EndWithEveryAddApplied()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b =>
        {
            SaltoKsTestHost.Standard(b);
            for (int i = 0; i < 40; i++)
            {
                b.User(new SiteUserId($"su-{i}"), new PlatformUserId($"pu-{i}"));
            }
        });
        string path = $"v1.1/sites/{SaltoKsTestHost.SiteId}/access_groups/{SaltoKsTestHost.Members}/users";

        SaltoKsTestHost.Reply[] replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            host.PatchAsync(path, $$"""{"add_ids":["pu-{{i}}"],"remove_ids":[]}""")));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(41, host.Sandbox.GetAccessGroupMembers(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members).Count);
    }
}
