using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.CheckIns;

/// <summary>
/// The check-in bridge against both sandboxes on their evidence defaults: entries shaped as the live service writes
/// them, open check-ins that Nexudus takes only for today, and a transient 500 on the check-in create.
/// </summary>
public sealed class CheckInBridgeLiveEntryTests
{
    [Fact]
    public async Task RunAsync_CapturedNonPersonEntries_AreQuietOutcomesNeverCheckInsOrUnknownUsers()
    {
        await using var world = await CheckInWorld.StartAsync();
        var at = world.Time.GetUtcNow().AddMinutes(-10);
        world.Salto.Seed(b => b.UseSite(CheckInWorld.SiteId)
            .InsideHandleExit(CheckInWorld.Exit, at)
            .InsideHandleExit(CheckInWorld.FrontDoor, at.AddSeconds(2))
            .OfficeModeEntry(CheckInWorld.FrontDoor, at.AddMinutes(1), CheckInWorld.Ada, start: true, tagNumber: "02309289")
            .OfficeModeEntry(CheckInWorld.FrontDoor, at.AddMinutes(2), CheckInWorld.Ada, start: false, tagNumber: "02309289")
            .UnknownPinRejection(CheckInWorld.FrontDoor, at.AddMinutes(3))
            .TagEntry(CheckInWorld.FrontDoor, at.AddMinutes(4), "02307300", eventCategory: EntryEventCategory.LockRejected));

        var report = await world.Bridge().RunAsync();

        Assert.True(report.Completed);
        Assert.Equal(2, report.Count(CheckInOutcome.InsideExit));
        Assert.Equal(2, report.Count(CheckInOutcome.OfficeMode));
        Assert.Equal(2, report.Count(CheckInOutcome.Rejected));
        Assert.Equal(0, report.Count(CheckInOutcome.UnknownUser));
        Assert.Empty(world.CheckIns);
        Assert.Equal(0, world.Nexudus.Requests.GetCounters().Requests);
    }

    [Theory]
    [InlineData(true, CheckInOutcome.CheckedIn)]
    [InlineData(false, CheckInOutcome.UnknownUser)]
    public async Task RunAsync_TagOpeningThatNamesNobody_MatchesTheCardHolderOnlyWhenTurnedOn(bool matchTags, CheckInOutcome expected)
    {
        await using var world = await CheckInWorld.StartAsync();
        var ada = world.Nexudus.GetAll<Coworker>().Single(c => c.Email == "ada@example.com");
        world.Nexudus.Put(ada with { AccessCardId = "00001111, 02305075" });
        var at = world.Time.GetUtcNow().AddMinutes(-5);
        world.Salto.Seed(b => b.UseSite(CheckInWorld.SiteId).TagEntry(CheckInWorld.FrontDoor, at, "02305075"));

        var report = await world.Bridge(o => o with { MatchTagsByAccessCardId = matchTags }).RunAsync();

        var result = Assert.Single(report.Sites.Single().Entries);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(matchTags ? new[] { ada.Id } : Array.Empty<long>(), world.CheckIns.Select(c => c.CoworkerId!.Value));
    }

    [Fact]
    public async Task RunAsync_TagHeldByTwoCustomers_MatchesNobody()
    {
        await using var world = await CheckInWorld.StartAsync();
        foreach (var customer in world.Nexudus.GetAll<Coworker>().Where(c => c.Email is "ada@example.com" or "bob@example.com"))
        {
            world.Nexudus.Put(customer with { AccessCardId = "02305075" });
        }

        world.Salto.Seed(b => b.UseSite(CheckInWorld.SiteId).TagEntry(CheckInWorld.FrontDoor, world.Time.GetUtcNow().AddMinutes(-5), "02305075"));

        var report = await world.Bridge(o => o with { MatchTagsByAccessCardId = true }).RunAsync();

        Assert.Equal(1, report.Count(CheckInOutcome.UnknownUser));
        Assert.Empty(world.CheckIns);
    }

    [Fact]
    public async Task RunAsync_EntryFromYesterdayWithItsExit_CreatesOneClosedCheckInEndingAtTheExit()
    {
        await using var world = await CheckInWorld.StartAsync();

        // Monday 21:00 and 21:40 in London (UTC in March); the run is on Tuesday 09:00.
        var entry = world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 12 * 60);
        var exit = world.Open(CheckInWorld.Ada, CheckInWorld.Exit, minutesAgo: 12 * 60 - 40);

        var report = await world.Bridge(o => o with { CheckInLookBack = TimeSpan.FromDays(1) }).RunAsync();

        Assert.True(report.Completed);
        var checkIn = Assert.Single(world.CheckIns);
        Assert.Equal(entry.UtcDateTime, checkIn.FromTime);
        Assert.Equal(exit.UtcDateTime, checkIn.ToTime);
        var results = report.Sites.Single().Entries;
        Assert.Equal([CheckInOutcome.CheckedInAndOut, CheckInOutcome.CheckedOut], results.Select(r => r.Outcome));
        Assert.All(results, r => Assert.Equal(checkIn.Id, r.CheckInId));
        Assert.Equal(1, world.CheckInPosts);
        Assert.DoesNotContain(world.Nexudus.Requests.GetRequests(), r => r.Method == "PUT");
    }

    [Fact]
    public async Task RunAsync_EntryFromYesterdayWithoutExit_EndsAfterTheDefaultStay()
    {
        await using var world = await CheckInWorld.StartAsync();
        var entry = world.Open(CheckInWorld.Bob, CheckInWorld.FrontDoor, minutesAgo: 12 * 60);

        var report = await world.Bridge(o => o with { CheckInLookBack = TimeSpan.FromDays(1), PastDayDefaultStay = TimeSpan.FromMinutes(90) }).RunAsync();

        Assert.Equal(1, report.Count(CheckInOutcome.CheckedInAndOut));
        var checkIn = Assert.Single(world.CheckIns);
        Assert.Equal(entry.UtcDateTime.AddMinutes(90), checkIn.ToTime);
    }

    [Fact]
    public async Task RunAsync_LateEveningEntryFromYesterday_EndsBeforeThatDayEnds()
    {
        await using var world = await CheckInWorld.StartAsync();

        // Monday 23:30 in London; an exit after midnight belongs to another day and does not end it.
        var entry = world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 9 * 60 + 30);
        world.Open(CheckInWorld.Ada, CheckInWorld.Exit, minutesAgo: 8 * 60 + 30);

        await world.Bridge(o => o with { CheckInLookBack = TimeSpan.FromDays(1) }).RunAsync();

        var checkIn = Assert.Single(world.CheckIns);
        Assert.Equal(entry.UtcDateTime, checkIn.FromTime);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 23, 59, 59, TimeSpan.Zero), checkIn.ToTime);
    }

    [Fact]
    public async Task RunAsync_EntryFromYesterdaySetToSkip_IsCountedAndWritesNothing()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 12 * 60);

        var report = await world.Bridge(o => o with { CheckInLookBack = TimeSpan.FromDays(1), PastDayCheckIns = PastDayCheckInMode.Skip }).RunAsync();

        Assert.True(report.Completed);
        Assert.Equal(1, report.Count(CheckInOutcome.PastDaySkipped));
        Assert.Equal(0, report.Count(CheckInOutcome.Refused));
        Assert.Equal(0, world.Nexudus.Requests.GetCounters().Writes);
    }

    [Fact]
    public async Task CreateCheckInAsync_OpenAndDatedYesterday_IsRefusedByTheSandboxWithItsGenericMessage()
    {
        await using var world = await CheckInWorld.StartAsync();

        var error = await Assert.ThrowsAsync<NexudusValidationException>(() => world.NexudusClient.CreateCheckInAsync(new CheckIn
        {
            BusinessId = world.CentralId,
            CoworkerId = world.CustomerId("ada@example.com"),
            FromTime = CheckInWorld.Start.AddHours(-12),
        }));

        Assert.Equal(400, error.Status);
        Assert.Contains("Ooops! There was a problem while running this action", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.CheckIns);
    }

    [Fact]
    public async Task RunAsync_TransientServerErrorOnTheCreate_LooksThenCreatesExactlyOnce()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Nexudus.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", SandboxFault.Response(500, """{"Message":"An error has occurred."}""")).ForNextCalls(1));
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor);

        var report = await world.Bridge().RunAsync();

        Assert.Equal(CheckInOutcome.CheckedIn, report.Sites.Single().Entries.Single().Outcome);
        Assert.Equal(2, world.CheckInPosts);
        Assert.Single(world.CheckIns);
        var calls = world.Nexudus.Requests.GetRequests().Where(r => r.Path == "/api/spaces/checkins").Select(r => (r.Method, r.StatusCode)).ToList();
        Assert.Equal([("GET", 200), ("POST", 500), ("GET", 200), ("POST", 200)], calls);
    }
}
