using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Worker;

public sealed class IntegrationRunsTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Edge = Now.AddMinutes(20);

    private static SyncReport Report(SyncResult result, params SyncError[] errors) => new()
    {
        Result = result,
        StartedAt = Now,
        FinishedAt = Now.AddSeconds(2),
        Errors = errors,
        NextEdge = Edge,
    };

    private static SyncError Error(SyncErrorKind kind, string? group = null) =>
        new() { Kind = kind, SiteId = "site-a", GroupId = group, Message = $"{kind} failed" };

    [Theory]
    [InlineData(SyncResult.Completed)]
    [InlineData(SyncResult.RemovalsHeld)]
    public void Outcome_CompletedOrRemovalsHeld_SucceedsWithTheNextEdge(SyncResult result)
    {
        Assert.Equal(new SyncRunOutcome(true, Edge), IntegrationRuns.Outcome(Report(result)));
    }

    [Fact]
    public void Outcome_SitesLeasedByOthers_CarriesTheEarliestLeaseExpiry()
    {
        var report = Report(SyncResult.Completed) with
        {
            SkippedSites =
            [
                new SkippedSite { SiteId = "a", Holder = "host-1", HeldUntil = Now.AddSeconds(40) },
                new SkippedSite { SiteId = "b", Holder = "host-2", HeldUntil = Now.AddSeconds(25) },
                new SkippedSite { SiteId = "c" },
            ],
        };

        Assert.Equal(Now.AddSeconds(25), IntegrationRuns.Outcome(report).LeaseExpires);
    }

    [Fact]
    public void Outcome_NexudusReadFailed_FailsTheRun()
    {
        var outcome = IntegrationRuns.Outcome(Report(SyncResult.Failed, Error(SyncErrorKind.NexudusRead), Error(SyncErrorKind.GroupChange, "g1")));

        Assert.False(outcome.Succeeded);
        Assert.Equal("1 error(s); first: NexudusRead: NexudusRead failed", outcome.Failure);
    }

    [Fact]
    public void Outcome_SiteUsersUnreadable_FailsTheRun()
    {
        Assert.False(IntegrationRuns.Outcome(Report(SyncResult.Failed, Error(SyncErrorKind.SaltoRead))).Succeeded);
    }

    [Fact]
    public void Outcome_OnlyGroupsFailed_SucceedsWithAWarning()
    {
        var outcome = IntegrationRuns.Outcome(Report(SyncResult.Failed, Error(SyncErrorKind.GroupChange, "g1"), Error(SyncErrorKind.SaltoRead, "g2")));

        Assert.True(outcome.Succeeded);
        Assert.Equal(Edge, outcome.NextEdge);
        Assert.Equal("2 error(s); first: GroupChange: GroupChange failed", outcome.Warning);
    }

    [Fact]
    public void Outcome_StateLocked_IsReportedAsLocked()
    {
        Assert.True(IntegrationRuns.Outcome(Report(SyncResult.Failed, Error(SyncErrorKind.StateLocked))).Locked);
    }
}
