using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

/// <summary>Tag changes with several in flight: the bound, the order of one customer's changes, records and report order.</summary>
public sealed class TagAssignerTests
{
    private const string Site = "site-1";
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static string Number(long customer, int n = 0) => $"{10000000 + (customer * 10) + n}";

    private static Dictionary<long, MatchedIdentity> Users(int count) => Enumerable.Range(1, count).ToDictionary(
        i => (long)i, i => new MatchedIdentity(i, new SiteUserId($"su-{i}"), new PlatformUserId($"pu-{i}"), IdentityMatchKind.IdentityMap));

    private static async Task<(List<TagChange> Changes, List<SyncError> Errors)> ApplyAsync(
        ScriptedSaltoWrites client, WatchedStateStore store, TagWork work, int customers, int concurrency)
    {
        var resolved = work.ToAssign.ToDictionary(a => a.Number, a => $"tag-{a.Number}");
        var assigner = new TagAssigner(client, new SaltoTagResolver(client), new FakeTimeProvider(Now), NullLogger.Instance, concurrency);
        return await assigner.ApplyAsync(Site, work, resolved, Users(customers), dryRun: false, new SyncStateWriter(store), CancellationToken.None).WaitAsync(Hang);
    }

    private static TagWork Assignments(int customers, int perCustomer = 1)
    {
        var work = new TagWork();
        for (var c = 1; c <= customers; c++)
        {
            for (var n = 0; n < perCustomer; n++)
            {
                work.ToAssign.Add((c, Number(c, n)));
            }
        }

        return work;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public async Task ApplyAsync_ManyCustomers_KeepsAtMostTheBoundInFlightAndReachesIt(int bound)
    {
        var client = new ScriptedSaltoWrites();
        client.HoldUntilInFlight(bound);
        var store = new WatchedStateStore();

        var (changes, _) = await ApplyAsync(client, store, Assignments(20), 20, bound);

        Assert.Equal(bound, client.MaxInFlight);
        Assert.Equal(0, store.Overlaps);
        Assert.Equal(20, changes.Count(c => c.Outcome == SyncChangeOutcome.Applied));
        Assert.Equal(20, (await store.LoadSiteAsync(Site)).TagAssignments.Count);
    }

    [Fact]
    public async Task ApplyAsync_OneCustomersSeveralTags_AreChangedOneAfterAnother()
    {
        var client = new ScriptedSaltoWrites();
        client.HoldUntilInFlight(2);
        var work = Assignments(1, perCustomer: 4);
        work.ToAssign.Add((2, Number(2)));

        await ApplyAsync(client, new WatchedStateStore(), work, 2, concurrency: 4);

        // Customer 1's calls return in the order they were made, each before the next starts.
        var customerOne = client.EventLog.Where(l => l.Contains("su-1 ", StringComparison.Ordinal)).ToList();
        Assert.Equal([.. Enumerable.Range(0, 4).Select(n => $"assign su-1 tag-{Number(1, n)}")], customerOne);
        Assert.Equal(2, client.MaxInFlight);
    }

    [Fact]
    public async Task ApplyAsync_MovedCard_UnassignsBeforeAnyAssignment()
    {
        var client = new ScriptedSaltoWrites();
        var work = new TagWork();
        work.ToUnassign.Add(new TagAssignment { SiteId = Site, CustomerId = 1, TagNumber = Number(9), TagId = $"tag-{Number(9)}", AssignedAt = Now });
        work.ToAssign.Add((2, Number(9)));

        await ApplyAsync(client, new WatchedStateStore(), work, 2, concurrency: 4);

        Assert.Equal([$"unassign su-1 tag-{Number(9)}", $"assign su-2 tag-{Number(9)}"], client.EventLog);
    }

    [Fact]
    public async Task ApplyAsync_ChangesFinishingOutOfOrder_AreReportedInWorkOrder()
    {
        const int Count = 4;
        var client = new ScriptedSaltoWrites();
        client.HoldUntilInFlight(Count);
        var returned = Enumerable.Range(0, Count + 2).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        returned[Count + 1].SetResult();
        int CustomerOf(string line) => int.Parse(line.Split(' ')[1]["su-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        client.Hold = line => returned[CustomerOf(line) + 1].Task;
        client.AfterReturn = line => returned[CustomerOf(line)].SetResult();

        var (changes, _) = await ApplyAsync(client, new WatchedStateStore(), Assignments(Count), Count, Count);

        Assert.Equal("assign su-4 tag-" + Number(4), client.Returned.First());
        Assert.Equal([1L, 2, 3, 4], changes.Select(c => c.CustomerId));
    }

    [Fact]
    public async Task ApplyAsync_OneAssignmentFails_RecordsTheOthersAndReportsIt()
    {
        var client = new ScriptedSaltoWrites { Fail = line => line.StartsWith("assign su-2 ", StringComparison.Ordinal) ? new SaltoKsApiException("SALTO KS rejected the tag.") : null };
        var store = new WatchedStateStore();

        var (changes, errors) = await ApplyAsync(client, store, Assignments(3), 3, concurrency: 3);

        Assert.Equal([SyncChangeOutcome.Applied, SyncChangeOutcome.Failed, SyncChangeOutcome.Applied], changes.Select(c => c.Outcome));
        Assert.Equal(2, Assert.Single(errors).CustomerId);
        Assert.Equal([1L, 3], (await store.LoadSiteAsync(Site)).TagAssignments.Select(t => t.CustomerId).Order());
    }
}
