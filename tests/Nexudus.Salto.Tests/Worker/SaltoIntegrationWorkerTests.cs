using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Tests.Worker;

public sealed class SaltoIntegrationWorkerTests
{
    private static readonly DateTimeOffset Start = WorkerHarness.Start;

    [Fact]
    public async Task Start_Always_SyncsAtOnce()
    {
        await using var harness = new WorkerHarness();

        await harness.StartAsync();

        Assert.Equal((WorkerJob.Sync, Start), await harness.Runs.NextCallAsync(harness.Safety));
    }

    [Fact]
    public async Task AfterSync_EdgeBeforeTheInterval_WakesAtTheEdgePlusMargin()
    {
        await using var harness = new WorkerHarness();
        harness.Runs.Sync = _ => Task.FromResult(new SyncRunOutcome(true, Start + TimeSpan.FromMinutes(2)));
        await harness.StartAsync();

        var wake = await harness.WakeAsync();

        Assert.Equal(Start + TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1), wake);
        await harness.Runs.NextCallAsync(harness.Safety);
        Assert.Equal((WorkerJob.Sync, wake), await harness.Runs.NextCallAsync(harness.Safety));
    }

    [Fact]
    public async Task AfterSync_SiteLeasedByAnotherProcess_WakesWhenItsLeaseWouldLapse()
    {
        // A dead holder stops renewing: its sites are taken over within the lease's time to live, not at the next interval.
        await using var harness = new WorkerHarness(o => o.SyncInterval = TimeSpan.FromMinutes(15));
        harness.Runs.Sync = _ => Task.FromResult(new SyncRunOutcome(true, Start + TimeSpan.FromHours(1)) { LeaseExpires = Start + TimeSpan.FromSeconds(30) });
        await harness.StartAsync();

        Assert.Equal(Start + TimeSpan.FromSeconds(30) + TimeSpan.FromSeconds(1), await harness.NextWaitAsync());
    }

    [Fact]
    public async Task AfterSync_NoEdge_WakesAtTheInterval()
    {
        await using var harness = new WorkerHarness(o => o.SyncInterval = TimeSpan.FromMinutes(15));
        await harness.StartAsync();

        Assert.Equal(Start + TimeSpan.FromMinutes(15), await harness.NextWaitAsync());
    }

    [Fact]
    public async Task AfterSync_EdgeAfterTheInterval_WakesAtTheInterval()
    {
        await using var harness = new WorkerHarness(o => o.SyncInterval = TimeSpan.FromMinutes(15));
        harness.Runs.Sync = _ => Task.FromResult(new SyncRunOutcome(true, Start + TimeSpan.FromHours(3)));
        await harness.StartAsync();

        Assert.Equal(Start + TimeSpan.FromMinutes(15), await harness.NextWaitAsync());
    }

    [Fact]
    public async Task Edges_OneAfterAnother_EachWakesTheWorker()
    {
        await using var harness = new WorkerHarness(o => o.EdgeMargin = TimeSpan.Zero);
        var edges = new Queue<DateTimeOffset>([Start.AddMinutes(1), Start.AddMinutes(3), Start.AddMinutes(4)]);
        harness.Runs.Sync = _ => Task.FromResult(new SyncRunOutcome(true, edges.Count > 0 ? edges.Dequeue() : null));
        await harness.StartAsync();

        var wakes = new List<DateTimeOffset>();
        for (int i = 0; i < 4; i++)
        {
            wakes.Add(await harness.WakeAsync());
        }

        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(3), Start.AddMinutes(4), Start.AddMinutes(19)], wakes);
    }

    [Fact]
    public async Task EdgeDelay_SyncAppliesThePassedEdge_RecordsEdgeToFinish()
    {
        await using var harness = new WorkerHarness();
        using var delays = new MetricCollector<double>(harness.Metrics.EdgeDelay);
        var edge = Start + TimeSpan.FromMinutes(2);
        harness.Runs.Sync = _ =>
        {
            // The second run takes 2 s on the fake clock, like a real sync against the services.
            if (harness.Time.GetUtcNow() > Start)
            {
                harness.Time.Advance(TimeSpan.FromSeconds(2));
            }

            return Task.FromResult(new SyncRunOutcome(true, harness.Time.GetUtcNow() < edge ? edge : null));
        };
        await harness.StartAsync();

        await harness.WakeAsync();
        await harness.NextWaitAsync();

        Assert.Equal(3, Assert.Single(delays.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task SyncDuration_EachRun_IsRecordedWithItsOutcome()
    {
        await using var harness = new WorkerHarness();
        using var durations = new MetricCollector<double>(harness.Metrics.SyncDuration);
        harness.Runs.Sync = _ =>
        {
            harness.Time.Advance(TimeSpan.FromSeconds(4));
            return Task.FromResult(new SyncRunOutcome(true, null));
        };
        await harness.StartAsync();
        await harness.NextWaitAsync();

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(4, measurement.Value);
        Assert.Equal("completed", measurement.Tags["outcome"]);
    }

    [Fact]
    public async Task Failures_InARow_BackOffExponentiallyThenQuarantine()
    {
        await using var harness = new WorkerHarness(o =>
        {
            o.RetryDelay = TimeSpan.FromSeconds(30);
            o.MaxRetryDelay = TimeSpan.FromMinutes(10);
            o.QuarantineAfterFailures = 4;
            o.QuarantineRetryInterval = TimeSpan.FromHours(1);
        });
        harness.Runs.Sync = _ => throw new HttpRequestException("connection refused");
        await harness.StartAsync();

        var gaps = new List<TimeSpan>();
        var last = Start;
        for (int i = 0; i < 5; i++)
        {
            var wake = await harness.WakeAsync();
            gaps.Add(wake - last);
            last = wake;
        }

        Assert.Equal([30, 60, 120, 3600, 3600], gaps.Select(g => g.TotalSeconds));
        Assert.True(harness.Status[WorkerJob.Sync].Quarantined);
    }

    [Fact]
    public async Task Quarantine_RepeatedFailures_LogsOneErrorLine()
    {
        await using var harness = new WorkerHarness(o => o.QuarantineAfterFailures = 2);
        harness.Runs.Sync = _ => throw new HttpRequestException("connection refused");
        await harness.StartAsync();

        for (int i = 0; i < 4; i++)
        {
            await harness.WakeAsync();
        }

        await harness.NextWaitAsync();
        var errors = harness.Logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(9005, error.Id.Id);
        Assert.Contains("quarantined after 2 failed runs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quarantine_NextRunSucceeds_IsLiftedAndScheduleReturnsToNormal()
    {
        await using var harness = new WorkerHarness(o =>
        {
            o.QuarantineAfterFailures = 1;
            o.SyncInterval = TimeSpan.FromMinutes(15);
        });
        int runs = 0;
        harness.Runs.Sync = _ => ++runs == 1 ? throw new TimeoutException() : Task.FromResult(new SyncRunOutcome(true, null));
        await harness.StartAsync();
        Assert.Equal(Start + TimeSpan.FromHours(1), await harness.WakeAsync());

        var next = await harness.NextWaitAsync();

        Assert.Equal(Start + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(15), next);
        Assert.False(harness.Status[WorkerJob.Sync].Quarantined);
        Assert.Equal(0, harness.Status[WorkerJob.Sync].ConsecutiveFailures);
        Assert.Contains(harness.Logger.Collector.GetSnapshot(), r => r.Id.Id == 9006);
    }

    [Fact]
    public async Task FailedOutcome_WithAnEdgeBeforeTheBackOff_StillWakesAtTheEdge()
    {
        await using var harness = new WorkerHarness(o => o.RetryDelay = TimeSpan.FromMinutes(5));
        harness.Runs.Sync = _ => Task.FromResult(new SyncRunOutcome(false, Start + TimeSpan.FromSeconds(20), "group g1 failed"));
        await harness.StartAsync();

        Assert.Equal(Start + TimeSpan.FromSeconds(21), await harness.NextWaitAsync());
        Assert.Equal(1, harness.Status[WorkerJob.Sync].ConsecutiveFailures);
        Assert.Equal("group g1 failed", harness.Status[WorkerJob.Sync].LastFailure);
    }

    [Fact]
    public async Task FailedOutcome_RepeatingAnEdgeThatHasPassed_BacksOffInsteadOfSpinning()
    {
        await using var harness = new WorkerHarness(o => o.RetryDelay = TimeSpan.FromMinutes(1));
        harness.Runs.Sync = _ => Task.FromResult(new SyncRunOutcome(false, Start + TimeSpan.FromSeconds(20), "group g1 failed"));
        await harness.StartAsync();
        Assert.Equal(Start + TimeSpan.FromSeconds(21), await harness.WakeAsync());

        Assert.Equal(Start + TimeSpan.FromSeconds(21) + TimeSpan.FromMinutes(2), await harness.NextWaitAsync());
    }

    [Fact]
    public async Task SuccessfulOutcome_WithAStaleEdge_WaitsTheInterval()
    {
        await using var harness = new WorkerHarness(o => o.SyncInterval = TimeSpan.FromMinutes(15));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        harness.Runs.Sync = _ => Task.FromResult(new SyncRunOutcome(true, Start));
        await harness.StartAsync();

        Assert.Equal(Start + TimeSpan.FromMinutes(16), await harness.NextWaitAsync());
    }

    [Fact]
    public async Task StateLocked_ByAnotherRun_IsSkippedLoggedOnceAndNotAFailure()
    {
        await using var harness = new WorkerHarness(o => o.RetryDelay = TimeSpan.FromSeconds(30));
        harness.Runs.Sync = _ => throw new SyncStateLockedException("sync", "/var/lib/state.db", innerException: null);
        await harness.StartAsync();

        Assert.Equal(Start + TimeSpan.FromSeconds(30), await harness.WakeAsync());
        Assert.Equal(Start + TimeSpan.FromSeconds(60), await harness.WakeAsync());
        await harness.NextWaitAsync();

        Assert.Single(harness.Logger.Collector.GetSnapshot(), r => r.Id.Id == 9007);
        Assert.Equal(0, harness.Status[WorkerJob.Sync].ConsecutiveFailures);
        Assert.DoesNotContain(harness.Logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task StateLocked_ReportedByTheSyncOutcome_IsSkippedLikeTheException()
    {
        await using var harness = new WorkerHarness(o => o.RetryDelay = TimeSpan.FromSeconds(30));
        harness.Runs.Sync = _ => Task.FromResult(new SyncRunOutcome(false, null, "locked", Locked: true));
        await harness.StartAsync();

        Assert.Equal(Start + TimeSpan.FromSeconds(30), await harness.NextWaitAsync());
        Assert.Equal(0, harness.Status[WorkerJob.Sync].ConsecutiveFailures);
        Assert.Single(harness.Logger.Collector.GetSnapshot(), r => r.Id.Id == 9007);
    }

    [Fact]
    public async Task PartialFailure_GroupsTheEngineRetries_KeepsTheScheduleAndTheEdges()
    {
        await using var harness = new WorkerHarness(o =>
        {
            o.QuarantineAfterFailures = 1;
            o.SyncInterval = TimeSpan.FromMinutes(15);
        });
        harness.Runs.Sync = _ => Task.FromResult(new SyncRunOutcome(true, Start + TimeSpan.FromMinutes(2), Warning: "1 error(s); first: GroupChange: 500"));
        await harness.StartAsync();

        Assert.Equal(Start + TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1), await harness.NextWaitAsync());
        var status = harness.Status[WorkerJob.Sync];
        Assert.False(status.Quarantined);
        Assert.Equal(0, status.ConsecutiveFailures);
        Assert.Equal("1 error(s); first: GroupChange: 500", status.LastWarning);
        Assert.Single(harness.Logger.Collector.GetSnapshot(), r => r.Id.Id == 9009);
    }

    [Fact]
    public async Task CheckIns_OnTheirOwnInterval_RunWithoutASync()
    {
        await using var harness = new WorkerHarness(
            o =>
            {
                o.SyncInterval = TimeSpan.FromMinutes(15);
                o.CheckInInterval = TimeSpan.FromMinutes(1);
            },
            checkIns: true);
        await harness.StartAsync();
        Assert.Equal((WorkerJob.Sync, Start), await harness.Runs.NextCallAsync(harness.Safety));
        Assert.Equal((WorkerJob.CheckIns, Start), await harness.Runs.NextCallAsync(harness.Safety));

        var wake = await harness.WakeAsync();

        Assert.Equal(Start + TimeSpan.FromMinutes(1), wake);
        Assert.Equal((WorkerJob.CheckIns, wake), await harness.Runs.NextCallAsync(harness.Safety));
    }

    [Fact]
    public async Task CheckIns_Disabled_NeverRun()
    {
        await using var harness = new WorkerHarness(o => o.EnableCheckIns = false, checkIns: true);
        await harness.StartAsync();

        await harness.WakeAsync();
        await harness.NextWaitAsync();

        Assert.All(harness.Runs.Calls, c => Assert.Equal(WorkerJob.Sync, c.Job));
    }

    [Fact]
    public async Task CheckIns_Failing_BackOffWithoutDelayingTheSync()
    {
        await using var harness = new WorkerHarness(
            o =>
            {
                o.SyncInterval = TimeSpan.FromMinutes(2);
                o.CheckInInterval = TimeSpan.FromMinutes(1);
                o.RetryDelay = TimeSpan.FromMinutes(5);
            },
            checkIns: true);
        harness.Runs.CheckIns = _ => throw new HttpRequestException("nexudus down");
        await harness.StartAsync();

        var wake = await harness.WakeAsync();

        Assert.Equal(Start + TimeSpan.FromMinutes(2), wake);
        Assert.Equal(1, harness.Status[WorkerJob.CheckIns].ConsecutiveFailures);
        Assert.Equal(0, harness.Status[WorkerJob.Sync].ConsecutiveFailures);
    }

    [Fact]
    public async Task Stop_MidSync_CancelsTheRunAndEndsCleanly()
    {
        await using var harness = new WorkerHarness();
        var cancelled = new TaskCompletionSource();
        harness.Runs.Sync = async token =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, harness.Time, token);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }

            return new SyncRunOutcome(true, null);
        };
        await harness.StartAsync();
        await harness.Runs.NextCallAsync(harness.Safety);

        await harness.Worker.StopAsync(harness.Safety);

        Assert.True(cancelled.Task.IsCompletedSuccessfully);
        Assert.True(harness.Worker.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(0, harness.Status[WorkerJob.Sync].ConsecutiveFailures);
        Assert.Contains(harness.Logger.Collector.GetSnapshot(), r => r.Id.Id == 9008);
    }

    [Fact]
    public async Task Stop_WhileWaiting_EndsWithoutAnotherRun()
    {
        await using var harness = new WorkerHarness();
        await harness.StartAsync();
        await harness.NextWaitAsync();

        await harness.Worker.StopAsync(harness.Safety);

        Assert.Single(harness.Runs.Calls);
        Assert.True(harness.Worker.ExecuteTask!.IsCompletedSuccessfully);
    }
}
