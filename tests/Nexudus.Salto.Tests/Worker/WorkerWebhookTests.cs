using System.Text;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Tests.Worker;

/// <summary>The worker applies the webhook inbox: coalesced targeted runs, events removed only once applied.</summary>
public sealed class WorkerWebhookTests
{
    private static readonly DateTimeOffset Start = WorkerHarness.Start;

    private static async Task ReceiveAsync(WorkerHarness harness, string action, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var receipt = await harness.Receiver!.ReceiveAsync(action, body, new NexudusWebhookVerifier(WorkerHarness.WebhookSecret).ComputeSignature(body));
        Assert.Equal(200, receipt.StatusCode);
    }

    private static async Task<int> PendingAsync(WorkerHarness harness) => (await harness.Inbox!.ReadWebhookEventsAsync(100)).Count;

    private static async Task EmptiedAsync(WorkerHarness harness)
    {
        while (await PendingAsync(harness) > 0)
        {
            await Task.Delay(5, harness.Safety);
        }
    }

    [Fact]
    public async Task Webhooks_BurstWhileWaiting_IsCoalescedIntoOneTargetedRunAndThenRemoved()
    {
        await using var harness = new WorkerHarness(o => o.SyncInterval = TimeSpan.FromHours(1), inbox: new InMemorySyncStateStore());
        await harness.StartAsync();
        await harness.Runs.NextCallAsync(harness.Safety);
        Assert.Equal(Start + TimeSpan.FromHours(1), await harness.NextWaitAsync());

        await ReceiveAsync(harness, "BookingCreate", """[{"Id":1,"CoworkerId":7}]""");
        await ReceiveAsync(harness, "CoworkerContractCancel", """[{"Id":2,"CoworkerId":8}]""");
        Assert.Equal(Start + TimeSpan.FromMilliseconds(500), await harness.NextWaitAsync());
        harness.Time.Advance(TimeSpan.FromMilliseconds(500));

        var run = await harness.Runs.NextTargetedAsync(harness.Safety);
        Assert.Equal([7L, 8L], run.Customers);
        Assert.Equal([8L], run.Payers);
        await EmptiedAsync(harness);
        Assert.Single(harness.Runs.Calls, c => c.Job == WorkerJob.Sync);
    }

    [Fact]
    public async Task Webhooks_EventThatFindsTheWorkerIdle_IsAppliedAtOnceAndOnlyBookingsAreNamed()
    {
        await using var harness = new WorkerHarness(o => o.SyncInterval = TimeSpan.FromHours(1), inbox: new InMemorySyncStateStore());
        await harness.StartAsync();
        await harness.Runs.NextCallAsync(harness.Safety);
        await harness.NextWaitAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        await ReceiveAsync(harness, "BookingCreate", """[{"Id":1,"CoworkerId":7}]""");

        // No run since the full sync ended 5 s ago: no coalescing wait.
        var run = await harness.Runs.NextTargetedAsync(harness.Safety);
        Assert.Equal(Start + TimeSpan.FromSeconds(5), run.At);
        Assert.Equal([7L], run.Customers);
        Assert.True(run.BookingsOnly);
        await EmptiedAsync(harness);

        // Arrived while nothing ran either, but with a contract event too: the whole records are read.
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await ReceiveAsync(harness, "CoworkerContractCancel", """[{"Id":2,"CoworkerId":8}]""");
        var next = await harness.Runs.NextTargetedAsync(harness.Safety);
        Assert.Equal(Start + TimeSpan.FromSeconds(10), next.At);
        Assert.False(next.BookingsOnly);
        await EmptiedAsync(harness);
    }

    [Fact]
    public async Task Webhooks_TargetedRunFails_EventsStayAndAreRetriedAfterTheRetryDelay()
    {
        await using var harness = new WorkerHarness(o => o.SyncInterval = TimeSpan.FromHours(1), inbox: new InMemorySyncStateStore(), webhooks: w => w.CoalesceWindow = TimeSpan.Zero);
        var outcomes = new Queue<SyncRunOutcome>([new SyncRunOutcome(false, null, "Nexudus read failed"), new SyncRunOutcome(true, null)]);
        harness.Runs.Targeted = (_, _) => Task.FromResult(outcomes.Dequeue());
        await harness.StartAsync();
        await harness.Runs.NextCallAsync(harness.Safety);
        await harness.NextWaitAsync();

        await ReceiveAsync(harness, "BookingCreate", """[{"Id":1,"CoworkerId":7}]""");
        var failed = await harness.Runs.NextTargetedAsync(harness.Safety);
        Assert.Equal(Start, failed.At);
        DateTimeOffset retry;
        while ((retry = await harness.NextWaitAsync()) == Start + TimeSpan.FromHours(1))
        {
        }

        Assert.Equal(Start + TimeSpan.FromSeconds(30), retry);
        Assert.Equal(1, await PendingAsync(harness));
        harness.Time.Advance(TimeSpan.FromSeconds(30));

        var retried = await harness.Runs.NextTargetedAsync(harness.Safety);
        Assert.Equal([7L], retried.Customers);
        await EmptiedAsync(harness);
    }

    [Fact]
    public async Task Webhooks_BurstOverTheTargetedLimit_RunsAFullSyncThatSettlesThem()
    {
        await using var harness = new WorkerHarness(
            o => o.SyncInterval = TimeSpan.FromHours(1), inbox: new InMemorySyncStateStore(), webhooks: w => (w.MaxTargetedCustomers, w.CoalesceWindow) = (1, TimeSpan.Zero));
        await harness.StartAsync();
        await harness.Runs.NextCallAsync(harness.Safety);
        await harness.NextWaitAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        await ReceiveAsync(harness, "TeamUpdated", """[{"Id":3,"PayingMemberId":7,"TeamMembers":[8,9]}]""");

        Assert.Equal((WorkerJob.Sync, Start + TimeSpan.FromSeconds(1)), await harness.Runs.NextCallAsync(harness.Safety));
        await EmptiedAsync(harness);
    }

    [Fact]
    public async Task Start_EventsRecordedBeforeTheFirstSync_AreSettledByIt()
    {
        var inbox = new InMemorySyncStateStore();
        await inbox.AddWebhookEventAsync(new WebhookEvent { Id = "old", Action = WebhookAction.BookingCreate, CustomerIds = [7], ReceivedAt = Start.AddMinutes(-1) });
        await using var harness = new WorkerHarness(o => o.SyncInterval = TimeSpan.FromHours(1), inbox: inbox);

        await harness.StartAsync();

        Assert.Equal((WorkerJob.Sync, Start), await harness.Runs.NextCallAsync(harness.Safety));
        await EmptiedAsync(harness);
        Assert.Equal(Start + TimeSpan.FromHours(1), await harness.NextWaitAsync());
    }
}
