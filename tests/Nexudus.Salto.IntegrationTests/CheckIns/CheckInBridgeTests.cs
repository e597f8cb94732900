using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.CheckIns;

/// <summary>The check-in bridge against both sandboxes over loopback HTTP.</summary>
public sealed class CheckInBridgeTests
{
    [Fact]
    public async Task RunAsync_OpeningsOnCheckInReader_CreateOneCheckInPerCustomerAndEntry()
    {
        await using var world = await CheckInWorld.StartAsync();
        var ada = world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 10);
        var bob = world.Open(CheckInWorld.Bob, CheckInWorld.FrontDoor, minutesAgo: 5);

        var report = await world.Bridge().RunAsync();

        Assert.Equal(2, report.Count(CheckInOutcome.CheckedIn));
        Assert.True(report.Completed);
        Assert.Equal(
            [(world.CustomerId("ada@example.com"), ada.UtcDateTime), (world.CustomerId("bob@example.com"), bob.UtcDateTime)],
            world.CheckIns.OrderBy(c => c.FromTime).Select(c => (c.CoworkerId!.Value, c.FromTime!.Value)));
        Assert.All(world.CheckIns, c => Assert.Equal(world.CentralId, c.BusinessId));
        Assert.All(world.CheckIns, c => Assert.Null(c.ToTime));
    }

    [Fact]
    public async Task RunAsync_Rerun_CreatesNoCheckIn()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 10);
        world.Open(CheckInWorld.Bob, CheckInWorld.FrontDoor, minutesAgo: 5);
        await world.Bridge().RunAsync();
        world.Time.Advance(TimeSpan.FromMinutes(1));

        var rerun = await world.Bridge().RunAsync();

        Assert.Empty(rerun.Sites.Single().Entries);
        Assert.Equal(2, rerun.Sites.Single().AlreadyProcessed);
        Assert.Equal(2, world.CheckInPosts);
        Assert.Equal(2, world.CheckIns.Count);
    }

    [Fact]
    public async Task RunAsync_OpeningOnCheckOutReader_ClosesTheOpenCheckIn()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 10);
        await world.Bridge().RunAsync();
        world.Time.Advance(TimeSpan.FromHours(8));
        var exit = world.Open(CheckInWorld.Ada, CheckInWorld.Exit, minutesAgo: 1);

        var report = await world.Bridge().RunAsync();

        var result = Assert.Single(report.Sites.Single().Entries);
        Assert.Equal(CheckInOutcome.CheckedOut, result.Outcome);
        var checkIn = Assert.Single(world.CheckIns);
        Assert.Equal(checkIn.Id, result.CheckInId);
        Assert.Equal(exit.UtcDateTime, checkIn.ToTime);
    }

    [Fact]
    public async Task RunAsync_CheckOutWithNothingOpen_IsCountedAndWritesNothing()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.Exit, minutesAgo: 1);

        var report = await world.Bridge().RunAsync();

        Assert.Equal(1, report.Count(CheckInOutcome.NoOpenCheckIn));
        Assert.Empty(world.CheckIns);
        Assert.Equal(0, world.Nexudus.Requests.GetCounters().Writes);
    }

    [Fact]
    public async Task RunAsync_CustomerAlreadyCheckedInAtLocation_CreatesNone()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Nexudus.Seed(b => b.AtLocation("Central").CheckIn("ada@example.com", CheckInWorld.Start.AddHours(-2)));
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 1);

        var report = await world.Bridge().RunAsync();

        var result = Assert.Single(report.Sites.Single().Entries);
        Assert.Equal(CheckInOutcome.AlreadyCheckedIn, result.Outcome);
        Assert.Equal(world.CheckIns.Single().Id, result.CheckInId);
        Assert.Equal(0, world.CheckInPosts);
    }

    [Fact]
    public async Task RunAsync_RejectedEntriesAndUnknownUsers_AreSkippedAndCounted()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 9, category: "lock_rejected", detail: "no_access");
        world.Open(CheckInWorld.Eve, CheckInWorld.FrontDoor, minutesAgo: 8);
        world.Open(user: null, CheckInWorld.FrontDoor, minutesAgo: 7);
        world.Open(CheckInWorld.Bob, CheckInWorld.FrontDoor, minutesAgo: 6);

        var report = await world.Bridge().RunAsync();

        Assert.Equal(1, report.Count(CheckInOutcome.Rejected));
        Assert.Equal(2, report.Count(CheckInOutcome.UnknownUser));
        Assert.Equal(1, report.Count(CheckInOutcome.CheckedIn));
        Assert.True(report.Completed);
        Assert.Equal(world.CustomerId("bob@example.com"), world.CheckIns.Single().CoworkerId);
    }

    [Fact]
    public async Task RunAsync_SkippedEntries_AreRecordedSoARerunDoesNotCountThemAgain()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 9, category: "lock_rejected", detail: "no_access");
        world.Open(CheckInWorld.Eve, CheckInWorld.FrontDoor, minutesAgo: 8);
        await world.Bridge().RunAsync();

        var rerun = await world.Bridge().RunAsync();

        Assert.Empty(rerun.Sites.Single().Entries);
        Assert.Equal(2, rerun.Sites.Single().AlreadyProcessed);
    }

    [Fact]
    public async Task RunAsync_RejectedEntry_ReportsSaltosReason()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, category: "lock_rejected", detail: "no_access");

        var report = await world.Bridge().RunAsync();

        Assert.Equal("lock_rejected/no_access", report.Sites.Single().Entries.Single().Reason);
    }

    [Fact]
    public async Task RunAsync_CustomerWithoutValidPass_IsRefusedCountedAndTheRunGoesOn()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Cy, CheckInWorld.FrontDoor, minutesAgo: 9);
        world.Open(CheckInWorld.Bob, CheckInWorld.FrontDoor, minutesAgo: 8);

        var report = await world.Bridge().RunAsync();

        var refused = report.Sites.Single().Entries[0];
        Assert.Equal(CheckInOutcome.Refused, refused.Outcome);
        Assert.Equal(world.CustomerId("cy@example.com"), refused.CustomerId);
        Assert.Contains("valid pass", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(1, report.Count(CheckInOutcome.CheckedIn));
        Assert.True(report.Completed);
        Assert.Equal(world.CustomerId("bob@example.com"), world.CheckIns.Single().CoworkerId);
    }

    [Fact]
    public async Task RunAsync_UserMissingFromIdentityMap_IsMatchedByEmail()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Dee, CheckInWorld.FrontDoor);

        var report = await world.Bridge().RunAsync();

        Assert.Equal(CheckInOutcome.CheckedIn, report.Sites.Single().Entries.Single().Outcome);
        Assert.Equal(world.CustomerId("dee@example.com"), world.CheckIns.Single().CoworkerId);
    }

    [Fact]
    public async Task RunAsync_EntryCarryingTheSiteUserId_StillMatchesTheLink()
    {
        // Which id an entry's user_id holds is unconfirmed: the site-user id must work as well.
        await using var world = await CheckInWorld.StartAsync();
        world.Open(new global::Nexudus.Salto.SaltoKs.PlatformUserId("su-bob"), CheckInWorld.FrontDoor);

        var report = await world.Bridge().RunAsync();

        Assert.Equal(CheckInOutcome.CheckedIn, report.Sites.Single().Entries.Single().Outcome);
        Assert.Equal(world.CustomerId("bob@example.com"), world.CheckIns.Single().CoworkerId);
    }

    [Fact]
    public async Task RunAsync_EntryFromLockThatWasOffline_IsHandledWhenItArrivesLate()
    {
        await using var world = await CheckInWorld.StartAsync();
        await world.Bridge().RunAsync(); // watermark: 09:00
        world.Time.Advance(TimeSpan.FromMinutes(30));
        await world.Bridge().RunAsync(); // watermark: 09:30

        // Bob opened at 09:10, but the lock was offline: SALTO lists the entry only from 09:50.
        var late = world.Open(CheckInWorld.Bob, CheckInWorld.FrontDoor, minutesAgo: 20, visibleAt: CheckInWorld.Start.AddMinutes(50));
        world.Time.Advance(TimeSpan.FromMinutes(30));
        var report = await world.Bridge().RunAsync();

        Assert.Equal(CheckInOutcome.CheckedIn, report.Sites.Single().Entries.Single().Outcome);
        Assert.Equal(late.UtcDateTime, world.CheckIns.Single().FromTime);
    }

    [Fact]
    public async Task RunAsync_FirstRun_ReadsCheckInLookBackBeforeNow()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 70);
        world.Open(CheckInWorld.Bob, CheckInWorld.FrontDoor, minutesAgo: 50);

        var report = await world.Bridge().RunAsync();

        var site = report.Sites.Single();
        Assert.Equal(CheckInWorld.Start.AddHours(-1), site.ReadFrom);
        Assert.Equal(world.CustomerId("bob@example.com"), world.CheckIns.Single().CoworkerId);
        Assert.Equal(CheckInWorld.Start, (await world.Store.LoadCheckInCursorAsync(CheckInWorld.SiteId)).Watermark);
    }

    [Fact]
    public async Task RunAsync_WithWatermark_RereadsTheLateEntryWindow()
    {
        await using var world = await CheckInWorld.StartAsync();
        await world.Bridge().RunAsync();
        world.Time.Advance(TimeSpan.FromMinutes(5));

        var report = await world.Bridge(o => o with { LateEntryWindow = TimeSpan.FromMinutes(45) }).RunAsync();

        Assert.Equal(CheckInWorld.Start.AddMinutes(-45), report.Sites.Single().ReadFrom);
        Assert.Equal(CheckInWorld.Start.AddMinutes(5), report.Sites.Single().WatermarkAfter);
    }

    [Fact]
    public async Task RunAsync_DoubleTapWithinDebounce_MakesOneCheckIn()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 2);
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 1.5);

        var report = await world.Bridge().RunAsync();

        Assert.Equal([CheckInOutcome.CheckedIn, CheckInOutcome.Debounced], report.Sites.Single().Entries.Select(e => e.Outcome));
        Assert.Single(world.CheckIns);
        Assert.Equal(1, world.Nexudus.Requests.Count("GET", "/api/spaces/checkins"));
    }

    [Fact]
    public async Task RunAsync_DoubleTapSplitAcrossRuns_IsStillDebounced()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.Exit, minutesAgo: 30); // nothing open: counted, remembered
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 1);
        await world.Bridge().RunAsync();

        // The second tap was delayed in SALTO and arrives after the first run.
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 0.5, visibleAt: CheckInWorld.Start.AddMinutes(1));
        world.Time.Advance(TimeSpan.FromMinutes(2));
        var report = await world.Bridge().RunAsync();

        Assert.Equal(CheckInOutcome.Debounced, report.Sites.Single().Entries.Single().Outcome);
        Assert.Equal(1, world.CheckInPosts);
    }

    [Fact]
    public async Task RunAsync_DebounceOff_SecondTapFindsTheOpenCheckIn()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 2);
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 1.5);

        var report = await world.Bridge(o => o with { Debounce = TimeSpan.Zero }).RunAsync();

        Assert.Equal([CheckInOutcome.CheckedIn, CheckInOutcome.AlreadyCheckedIn], report.Sites.Single().Entries.Select(e => e.Outcome));
        Assert.Single(world.CheckIns);
    }

    [Fact]
    public async Task RunAsync_EntriesOnOtherLocksAndUnknownCategories_AreNotCheckIns()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.SideDoor, minutesAgo: 3);
        world.Open(CheckInWorld.Bob, CheckInWorld.FrontDoor, minutesAgo: 2, category: "privacy_mode");

        var report = await world.Bridge().RunAsync();

        var site = report.Sites.Single();
        Assert.Equal(2, site.EntriesRead);
        Assert.Equal(CheckInOutcome.Ignored, site.Entries.Single().Outcome);
        Assert.Empty(world.CheckIns);
    }

    [Fact]
    public async Task RunAsync_ConfiguredOpeningCategory_CountsAsOpening()
    {
        // The opening category is unconfirmed: a tenant whose openings read "access_granted" configures it.
        await using var world = await CheckInWorld.StartAsync();
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, category: "access_granted");
        var classifier = DoorEntryClassifier.Default with { OpenedCategories = ["access_granted"] };

        var report = await world.Bridge(o => o with { EntryClassifier = classifier }).RunAsync();

        Assert.Equal(CheckInOutcome.CheckedIn, report.Sites.Single().Entries.Single().Outcome);
    }

    [Fact]
    public async Task RunAsync_CrashBetweenNexudusWriteAndStateUpdate_NextRunCreatesNoSecondCheckIn()
    {
        await using var world = await CheckInWorld.StartAsync();
        var entry = world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor);
        var crashing = new CrashOnceStore(world.Store);
        var first = await world.Bridge(store: crashing).RunAsync();
        Assert.False(first.Completed);
        Assert.Single(world.CheckIns);
        Assert.False(await world.Store.IsEntryProcessedAsync(CheckInWorld.SiteId, entry.Id));

        world.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await world.Bridge(store: crashing).RunAsync();

        var result = second.Sites.Single().Entries.Single();
        Assert.Equal(CheckInOutcome.Recovered, result.Outcome);
        Assert.Equal(world.CheckIns.Single().Id, result.CheckInId);
        Assert.Equal(1, world.CheckInPosts);
        Assert.True(await world.Store.IsEntryProcessedAsync(CheckInWorld.SiteId, entry.Id));
    }

    [Fact]
    public async Task RunAsync_CreateTimesOutAfterNexudusStoredIt_LooksInsteadOfCreatingAgain()
    {
        await using var world = await CheckInWorld.StartAsync(nexudusPipeline: b => b.AddHttpMessageHandler(() => new LoseCreateAnswerHandler(times: 1)));
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor);

        var report = await world.Bridge().RunAsync();

        var result = report.Sites.Single().Entries.Single();
        Assert.Equal(CheckInOutcome.Recovered, result.Outcome);
        Assert.Equal(world.CheckIns.Single().Id, result.CheckInId);
        Assert.Equal(1, world.CheckInPosts);
    }

    [Fact]
    public async Task RunAsync_NexudusStoresTheCreateButTheAnswerIsLost_RecoversWithoutASecondPost()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Nexudus.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", SandboxFault.DropResponse()).ForNextCalls(1));
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor);

        var report = await world.Bridge().RunAsync();

        Assert.Equal(CheckInOutcome.Recovered, report.Sites.Single().Entries.Single().Outcome);
        Assert.Single(world.CheckIns);
        Assert.Equal(1, world.CheckInPosts);
    }

    [Fact]
    public async Task RunAsync_CreateDroppedBeforeNexudusStoredIt_LooksThenCreatesOnce()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Nexudus.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", SandboxFault.DropConnection()).ForNextCalls(1));
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor);

        var report = await world.Bridge().RunAsync();

        Assert.Equal(CheckInOutcome.CheckedIn, report.Sites.Single().Entries.Single().Outcome);
        Assert.Single(world.CheckIns);
        var requests = world.Nexudus.Requests.GetRequests().Where(r => r.Path == "/api/spaces/checkins").Select(r => r.Method);
        Assert.Equal(["GET", "POST", "GET", "POST"], requests);
    }

    [Fact]
    public async Task RunAsync_CreateNeverAnswers_IsDeferredAndNotRetriedBlindly()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Nexudus.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", SandboxFault.DropConnection()));
        var entry = world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor);

        var report = await world.Bridge(o => o with { MaxCreateAttempts = 2 }).RunAsync();

        Assert.Equal(CheckInOutcome.Deferred, report.Sites.Single().Entries.Single().Outcome);
        Assert.False(report.Completed);
        var requests = world.Nexudus.Requests.GetRequests().Where(r => r.Path == "/api/spaces/checkins").Select(r => r.Method);
        Assert.Equal(["GET", "POST", "GET", "POST", "GET"], requests);
        Assert.False(await world.Store.IsEntryProcessedAsync(CheckInWorld.SiteId, entry.Id));
    }

    [Fact]
    public async Task RunAsync_NexudusThrottlesTheCreate_WaitsForRetryAfterAndCreatesOnce()
    {
        // The business clock stands still during a run, so an account-wide block (in sandbox time) would never end
        // while the client waits in real time: this test takes the older reading, where only the refused call is.
        await using var world = await CheckInWorld.StartAsync(nexudusSandbox: s => s.ThrottleBlocksAllCalls = false);
        world.Nexudus.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", NexudusFaults.Throttled(TimeSpan.FromSeconds(1))).ForNextCalls(1));
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor);

        var report = await world.Bridge().RunAsync();

        Assert.Equal(CheckInOutcome.CheckedIn, report.Sites.Single().Entries.Single().Outcome);
        var posts = world.Nexudus.Requests.GetRequests().Where(r => r.Method == "POST" && r.Path == "/api/spaces/checkins").ToList();
        Assert.Equal([true, false], posts.Select(p => p.Throttled));
        Assert.Single(world.CheckIns);
    }

    [Fact]
    public async Task RunAsync_ThrottledLongerThanTheClientWaits_DefersTheSiteAndTheNextRunCatchesUp()
    {
        // The client pauses the account for the announced five minutes on the same clock the test moves.
        await using var world = await CheckInWorld.StartAsync(clientsShareTheClock: true);
        world.Nexudus.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", NexudusFaults.Throttled(TimeSpan.FromMinutes(5))));
        var ada = world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor, minutesAgo: 3);
        world.Open(CheckInWorld.Bob, CheckInWorld.FrontDoor, minutesAgo: 2);

        var throttled = await world.Bridge().RunAsync();
        Assert.False(throttled.Completed);
        Assert.Equal(CheckInOutcome.Deferred, throttled.Sites.Single().Entries.Single().Outcome);
        var watermark = (await world.Store.LoadCheckInCursorAsync(CheckInWorld.SiteId)).Watermark;
        Assert.True(watermark is null || watermark <= ada.UtcDateTime);

        world.Nexudus.Faults.Clear();
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var next = await world.Bridge().RunAsync();

        Assert.True(next.Completed);
        Assert.Equal(2, next.Count(CheckInOutcome.CheckedIn));
        Assert.Equal(2, world.CheckIns.Count);
    }

    [Fact]
    public async Task RunAsync_LeaseHeldByAnotherRun_Throws()
    {
        await using var world = await CheckInWorld.StartAsync();
        await using var lease = await world.Store.AcquireLeaseAsync("sync");

        await Assert.ThrowsAsync<SyncStateLockedException>(() => world.Bridge().RunAsync());
    }

    [Fact]
    public async Task RunAsync_LeaseOff_RunsUnderTheCallersLease()
    {
        await using var world = await CheckInWorld.StartAsync();
        await using var lease = await world.Store.AcquireLeaseAsync("worker");
        world.Open(CheckInWorld.Ada, CheckInWorld.FrontDoor);

        var report = await world.Bridge(o => o with { AcquireLease = false }).RunAsync();

        Assert.Equal(1, report.Count(CheckInOutcome.CheckedIn));
    }

    /// <summary>A state store that fails the first batch recording a processed entry, as a crash right after the Nexudus write would.</summary>
    private sealed class CrashOnceStore(ISyncStateStore inner) : ISyncStateStore
    {
        private bool _crashed;

        public Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default) => inner.AcquireLeaseAsync(holder, cancellationToken);

        public Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default) => inner.LoadSiteAsync(siteId, cancellationToken);

        public Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default) => inner.LoadCheckInCursorAsync(siteId, cancellationToken);

        public Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default) => inner.IsEntryProcessedAsync(siteId, entryId, cancellationToken);

        public Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default) => inner.GetValueAsync(key, cancellationToken);

        public Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default)
        {
            if (!_crashed && changes.EntriesProcessed.Count > 0)
            {
                _crashed = true;
                throw new IOException("The process died before the state was written.");
            }

            return inner.ApplyAsync(changes, cancellationToken);
        }
    }

    /// <summary>Lets a check-in create reach Nexudus, then loses the answer, as a timeout after the server stored it does.</summary>
    private sealed class LoseCreateAnswerHandler(int times) : DelegatingHandler
    {
        private int _left = times;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/api/spaces/checkins", StringComparison.Ordinal) &&
                Interlocked.Decrement(ref _left) >= 0)
            {
                response.Dispose();
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The answer never came.");
            }

            return response;
        }
    }
}
