using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

/// <summary>
/// The executor's concurrent writes, against a scripted SALTO client and a store that fails on overlapping writes:
/// the bound on calls in flight, group commit, report order, failures amid successes, the journal under
/// concurrency, and the exact sequential order when the bound is 1.
/// </summary>
public sealed class PlanExecutorTests
{
    private const string Site = "site-1";
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    // A guard against a hang (a bound never reached), not a timing assertion.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static string Email(long customer) => $"c{customer}@example.com";

    private static PlatformUserId CreatedUser(long customer) => new($"pu-{Email(customer)}");

    private static PlannedUserCreation Creation(long customer) => new() { SiteId = Site, CustomerId = customer, Email = Email(customer), FirstName = "C", LastName = $"{customer}" };

    private static PlannedMembershipAddition Addition(string group, long customer, PlatformUserId? user = null) =>
        new() { SiteId = Site, GroupId = group, CustomerId = customer, UserId = user, Grants = [] };

    private static PlannedMembershipRemoval Removal(string group, string user, long customer) =>
        new() { SiteId = Site, GroupId = group, UserId = new PlatformUserId(user), CustomerId = customer, Basis = RemovalBasis.AddedBySdk, AddedAt = Now.AddDays(-1) };

    private static async Task<(SiteExecutionResult Result, SyncStateWriter Writer)> ExecuteAsync(
        ScriptedSaltoWrites client, WatchedStateStore store, AccessPlan plan, int concurrency, int chunkSize = 100, Func<SyncStateWriter, SyncStateWriter>? onWriter = null)
    {
        var options = new AccessSyncOptions { SaltoWriteConcurrency = concurrency, MembershipChunkSize = chunkSize };
        var journal = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));
        var writer = new SyncStateWriter(store, journal);
        onWriter?.Invoke(writer);
        var executor = new PlanExecutor(client, options, new FakeTimeProvider(Now), NullLogger.Instance);
        var result = await executor.ExecuteAsync(new SiteExecutionInput { Plan = plan, Journal = journal }, writer, dryRun: false, CancellationToken.None).WaitAsync(Hang);
        return (result, writer);
    }

    private static AccessPlan CreationsPlan(int count, params string[] groups) => new()
    {
        SiteId = Site,
        UserCreations = [.. Enumerable.Range(1, count).Select(i => Creation(i))],
        Additions = [.. groups.SelectMany(g => Enumerable.Range(1, count).Select(i => Addition(g, i)))],
    };

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task ExecuteAsync_ManyCreations_KeepsAtMostTheBoundInFlightAndReachesIt(int bound)
    {
        var client = new ScriptedSaltoWrites();
        client.HoldUntilInFlight(bound);

        var (result, _) = await ExecuteAsync(client, new WatchedStateStore(), CreationsPlan(30), bound);

        Assert.Equal(bound, client.MaxInFlight);
        Assert.Equal(30, result.Creations.Count(c => c.Outcome == SyncChangeOutcome.Applied));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public async Task ExecuteAsync_ManyGroups_KeepsAtMostTheBoundOfPatchesInFlightAndReachesIt(int bound)
    {
        var client = new ScriptedSaltoWrites();
        client.HoldUntilInFlight(bound);
        var groups = Enumerable.Range(1, 12).Select(g => $"g{g:00}").ToList();
        var plan = new AccessPlan { SiteId = Site, Additions = [.. groups.Select(g => Addition(g, 1, new PlatformUserId("pu-1")))] };

        var (result, _) = await ExecuteAsync(client, new WatchedStateStore(), plan, bound);

        Assert.Equal(bound, client.MaxInFlight);
        Assert.Equal(12, result.Changes.Count(c => c.Outcome == SyncChangeOutcome.Applied));
    }

    [Fact]
    public async Task ExecuteAsync_ManyConcurrentCreationsAndGroups_NeverEntersTheStoreTwiceAtOnce()
    {
        var client = new ScriptedSaltoWrites();
        var store = new WatchedStateStore();
        var groups = Enumerable.Range(1, 10).Select(g => $"g{g:00}").ToArray();

        var (result, _) = await ExecuteAsync(client, store, CreationsPlan(40, groups), concurrency: 8, chunkSize: 7);

        Assert.Equal(0, store.Overlaps);
        Assert.Empty(result.Errors);
        var state = await store.LoadSiteAsync(Site);
        Assert.Equal(40, state.Identities.Count);
        Assert.Equal(400, state.OwnedMemberships.Count);
        Assert.Empty(state.PendingMemberships);
    }

    [Fact]
    public async Task ExecuteAsync_CreationsFinishingWhileAWriteRuns_AreSavedTogetherAndEveryIdentityIsKept()
    {
        const int Count = 8;
        var client = new ScriptedSaltoWrites();
        var store = new WatchedStateStore();
        SyncStateWriter? writer = null;

        // The first write waits until every other creation has finished and queued its record.
        store.BeforeWrite = async n =>
        {
            while (n == 1 && writer!.QueuedCount < Count - 1)
            {
                await Task.Delay(1);
            }
        };

        var (result, _) = await ExecuteAsync(client, store, CreationsPlan(Count), Count, onWriter: w => writer = w);

        Assert.Equal(2, store.Writes);
        Assert.Equal(Count, (await store.LoadSiteAsync(Site)).Identities.Count);
        Assert.All(result.Creations, c => Assert.Equal(SyncChangeOutcome.Applied, c.Outcome));
    }

    [Fact]
    public async Task ExecuteAsync_CreationFailsAmidSuccesses_ReportsItAndSavesTheOthers()
    {
        var client = new ScriptedSaltoWrites { Fail = line => line == ScriptedSaltoWrites.CreateLine(Email(3)) ? new SaltoKsApiException("SALTO KS rejected the user.") : null };
        var store = new WatchedStateStore();

        var (result, _) = await ExecuteAsync(client, store, CreationsPlan(5, "g"), concurrency: 4);

        Assert.Equal(
            [SyncChangeOutcome.Applied, SyncChangeOutcome.Applied, SyncChangeOutcome.Failed, SyncChangeOutcome.Applied, SyncChangeOutcome.Applied],
            result.Creations.Select(c => c.Outcome));
        Assert.Equal(3, Assert.Single(result.Errors).CustomerId);
        Assert.Equal([1L, 2, 4, 5], (await store.LoadSiteAsync(Site)).Identities.Select(i => i.CustomerId));
    }

    [Fact]
    public async Task ExecuteAsync_CreationFailsAmidSuccesses_SkipsOnlyThatCustomersAdditions()
    {
        var client = new ScriptedSaltoWrites { Fail = line => line == ScriptedSaltoWrites.CreateLine(Email(3)) ? new SaltoKsApiException("SALTO KS rejected the user.") : null };

        var (result, _) = await ExecuteAsync(client, new WatchedStateStore(), CreationsPlan(5, "g"), concurrency: 4);

        Assert.Equal(3, Assert.Single(result.Changes, c => c.Outcome == SyncChangeOutcome.Skipped).CustomerId);
        Assert.Contains(ScriptedSaltoWrites.PatchLine("g", [CreatedUser(1), CreatedUser(2), CreatedUser(4), CreatedUser(5)], []), client.EventLog);
    }

    [Fact]
    public async Task ExecuteAsync_CreationsFinishingInReverseOrder_ReportsThemByCustomerId()
    {
        const int Count = 5;
        var client = new ScriptedSaltoWrites();
        client.HoldUntilInFlight(Count);
        var returned = Enumerable.Range(0, Count + 2).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        returned[Count + 1].SetResult();

        // Customer i's call returns only after customer i + 1's has: the last customer finishes first.
        int CustomerOf(string line) => Enumerable.Range(1, Count).Single(i => line == ScriptedSaltoWrites.CreateLine(Email(i)));
        client.Hold = line => returned[CustomerOf(line) + 1].Task;
        client.AfterReturn = line => returned[CustomerOf(line)].SetResult();

        var (result, _) = await ExecuteAsync(client, new WatchedStateStore(), CreationsPlan(Count), Count);

        Assert.Equal([.. Enumerable.Range(1, Count).Reverse().Select(i => ScriptedSaltoWrites.CreateLine(Email(i)))], client.Returned);
        Assert.Equal([1L, 2, 3, 4, 5], result.Creations.Select(c => c.CustomerId));
        Assert.Equal([1L, 2, 3, 4, 5], result.Created.Keys.Order());
    }

    [Fact]
    public async Task ExecuteAsync_TwoGroupsInFlightTogether_JournalHoldsBothGroupsEntries()
    {
        var client = new ScriptedSaltoWrites();
        client.HoldUntilInFlight(2);
        var store = new WatchedStateStore();
        var journalled = new ConcurrentBag<int>();
        var bothLooked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Hold = async _ =>
        {
            // Both PATCHes are in flight: each group's entry must already be durable. Neither returns before both
            // have looked, or the first to return would take its entry out of the journal under the other's eyes.
            var journal = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));
            journalled.Add(journal.Entries.Select(e => e.GroupId).Distinct().Count());
            if (journalled.Count == 2)
            {
                bothLooked.TrySetResult();
            }

            await bothLooked.Task;
        };
        var plan = new AccessPlan { SiteId = Site, Additions = [Addition("g-a", 1, new PlatformUserId("pu-1")), Addition("g-b", 2, new PlatformUserId("pu-2"))] };

        await ExecuteAsync(client, store, plan, concurrency: 2);

        Assert.Equal([2, 2], journalled);
    }

    [Fact]
    public async Task ExecuteAsync_TwoGroupsFailingTogether_BothJournalEntriesSurvive()
    {
        var client = new ScriptedSaltoWrites { Fail = _ => new HttpRequestException("The connection dropped.") };
        client.HoldUntilInFlight(2);
        var store = new WatchedStateStore();
        var plan = new AccessPlan { SiteId = Site, Additions = [Addition("g-a", 1, new PlatformUserId("pu-1")), Addition("g-b", 2, new PlatformUserId("pu-2"))] };

        await ExecuteAsync(client, store, plan, concurrency: 2);

        var journal = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));
        Assert.Equal(
            [new PendingMembershipChange("g-a", "pu-1", true, 1, null), new PendingMembershipChange("g-b", "pu-2", true, 2, null)],
            journal.Entries.OrderBy(e => e.GroupId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_TwoGroupsFailingTogether_EachRecordsItsBackOff()
    {
        var client = new ScriptedSaltoWrites { Fail = _ => new HttpRequestException("The connection dropped.") };
        client.HoldUntilInFlight(2);
        var store = new WatchedStateStore();
        var plan = new AccessPlan { SiteId = Site, Additions = [Addition("g-a", 1, new PlatformUserId("pu-1")), Addition("g-b", 2, new PlatformUserId("pu-2"))] };

        var (result, _) = await ExecuteAsync(client, store, plan, concurrency: 2);

        var statuses = (await store.LoadSiteAsync(Site)).GroupStatuses;
        Assert.Equal(["g-a", "g-b"], statuses.Select(s => s.GroupId));
        Assert.All(statuses, s => Assert.Equal((1, Now.AddMinutes(1)), (s.ConsecutiveFailures, s.NextAttemptAt!.Value)));
        Assert.Equal(["g-a", "g-b"], result.Errors.Select(e => e.GroupId));
    }

    [Fact]
    public async Task ExecuteAsync_ConcurrencyOne_MakesTheSequentialCallsAndWritesInPlanOrder()
    {
        var log = new ConcurrentQueue<string>();
        var client = new ScriptedSaltoWrites(log);
        var store = new WatchedStateStore(log);
        var plan = new AccessPlan
        {
            SiteId = Site,
            UserCreations = [Creation(1), Creation(2)],
            Additions = [Addition("g-a", 1), Addition("g-a", 2), Addition("g-a", 9, new PlatformUserId("pu-9")), Addition("g-b", 2)],
            Removals = [Removal("g-b", "pu-8", 8)],
        };

        await ExecuteAsync(client, store, plan, concurrency: 1, chunkSize: 2);

        string[] expected =
        [
            "create c1@example.com",
            "store identities[1]",
            "create c2@example.com",
            "store identities[2]",
            "store journal=2",
            "patch g-a +[pu-c1@example.com,pu-c2@example.com] -[]",
            "store ledger+[g-a/pu-c1@example.com,g-a/pu-c2@example.com] journal=0",
            "store journal=1",
            "patch g-a +[pu-9] -[]",
            "store ledger+[g-a/pu-9] journal=0",
            "store status[g-a:ok]",
            "store ledger-[g-b/pu-8] journal=2",
            "patch g-b +[pu-c2@example.com] -[pu-8]",
            "store ledger+[g-b/pu-c2@example.com] journal=0",
            "store status[g-b:ok]",
        ];
        Assert.Equal(expected, log);
    }
}
