using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nexudus.Salto.DependencyInjection;

namespace Nexudus.Salto.Tests.Worker;

public sealed class WorkerScheduleTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SaltoWorkerOptions Options = new();

    [Fact]
    public void BackOff_RepeatedFailures_DoublesFromTheRetryDelayUpToTheCap()
    {
        var delays = Enumerable.Range(1, 7).Select(n => WorkerSchedule.BackOff(Options, n));

        Assert.Equal(
            [30, 60, 120, 240, 480, 600, 600],
            delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public void AfterFailure_QuarantineThresholdReached_WaitsTheQuarantineInterval()
    {
        Assert.Equal(Now + TimeSpan.FromHours(1), WorkerSchedule.AfterFailure(Options, Now, consecutiveFailures: 5));
    }

    [Fact]
    public void AfterFailure_QuarantinedWithAnEdgeSoon_IgnoresTheEdge()
    {
        Assert.Equal(Now + TimeSpan.FromHours(1), WorkerSchedule.AfterFailure(Options, Now, 5, Now + TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void AfterFailure_EdgeBeforeTheBackOff_WakesAtTheEdge()
    {
        Assert.Equal(Now + TimeSpan.FromSeconds(11), WorkerSchedule.AfterFailure(Options, Now, 2, Now + TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void AfterSyncSuccess_EdgeAlreadyPassed_RunsAtOnce()
    {
        Assert.Equal(Now, WorkerSchedule.AfterSyncSuccess(Options, Now, Now - TimeSpan.FromMinutes(1)));
    }

    [Property(MaxTest = 500)]
    public Property AfterSyncSuccess_AnyEdge_WakesAtTheEdgePlusMarginOrTheIntervalWhicheverIsFirst(int edgeSeconds)
    {
        var edge = Now + TimeSpan.FromSeconds(edgeSeconds % 5000);
        var next = WorkerSchedule.AfterSyncSuccess(Options, Now, edge);

        var expected = new[] { Now + Options.SyncInterval, edge + Options.EdgeMargin }.Min();
        return (next == (expected < Now ? Now : expected))
            .Label($"edge {edge:o}, next {next:o}")
            .And(next >= Now)
            .And(next <= Now + Options.SyncInterval);
    }
}
