using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The worker's two jobs as the SDK does them: a run of <see cref="AccessSynchronizer"/> and a pass of the
/// <see cref="CheckInBridge"/> (each traces itself), with the sync's changes counted on <see cref="SaltoMetrics"/>.
/// </summary>
internal sealed class IntegrationRuns : IIntegrationRuns
{
    private readonly AccessSynchronizer _sync;
    private readonly CheckInBridge _bridge;
    private readonly SaltoMetrics _metrics;

    public IntegrationRuns(AccessSynchronizer sync, CheckInBridge bridge, SaltoMetrics metrics, bool hasCheckIns)
    {
        _sync = sync;
        _bridge = bridge;
        _metrics = metrics;
        HasCheckIns = hasCheckIns;
    }

    public bool HasCheckIns { get; }

    public Task<SyncRunOutcome> SyncAsync(CancellationToken cancellationToken) => RunAsync(new SyncRunOptions(), cancellationToken);

    public Task<SyncRunOutcome> SyncCustomersAsync(IReadOnlyCollection<long> customers, IReadOnlyCollection<long> teamPayers, CancellationToken cancellationToken) =>
        RunAsync(new SyncRunOptions { Customers = customers, TeamPayers = teamPayers }, cancellationToken);

    public Task<SyncRunOutcome> SyncCustomersAsync(
        IReadOnlyCollection<long> customers, IReadOnlyCollection<long> teamPayers, bool bookingsOnly, CancellationToken cancellationToken) =>
        RunAsync(new SyncRunOptions { Customers = customers, TeamPayers = teamPayers, BookingsOnly = bookingsOnly }, cancellationToken);

    private async Task<SyncRunOutcome> RunAsync(SyncRunOptions runOptions, CancellationToken cancellationToken)
    {
        var report = await _sync.SynchronizeAsync(runOptions, cancellationToken).ConfigureAwait(false);
        foreach (var site in report.Changes.GroupBy(c => c.SiteId, StringComparer.OrdinalIgnoreCase))
        {
            var tag = new KeyValuePair<string, object?>("site", site.Key);
            Count(_metrics.Grants, site.Count(c => c.Kind == MembershipChangeKind.Add && c.Outcome == SyncChangeOutcome.Applied), tag);
            Count(_metrics.Revocations, site.Count(c => c.Kind == MembershipChangeKind.Remove && c.Outcome == SyncChangeOutcome.Applied), tag);
            Count(_metrics.RemovalsHeld, site.Count(c => c.Kind == MembershipChangeKind.Remove && c.Outcome == SyncChangeOutcome.Held), tag);
        }

        return Outcome(report);
    }

    /// <summary>
    /// How the worker should take a run: held removals are the guard doing its job (an operator decides); a run
    /// that could not read a service failed as a whole; a run that lost only some groups, users, tags or schedules
    /// worked, and the engine retries those parts with its own per-group back-off.
    /// </summary>
    internal static SyncRunOutcome Outcome(SyncReport report)
    {
        var leaseExpires = report.SkippedSites.Select(s => s.HeldUntil).Where(h => h is not null).Min();
        if (report.Errors.Any(e => e.Kind == SyncErrorKind.StateLocked))
        {
            return new SyncRunOutcome(false, report.NextEdge, Locked: true) { LeaseExpires = leaseExpires };
        }

        if (report.Result != SyncResult.Failed)
        {
            return new SyncRunOutcome(true, report.NextEdge) { LeaseExpires = leaseExpires };
        }

        // A group's members that could not be read leave that group alone; a site or Nexudus that could not be read stops the run.
        var reads = report.Errors.Where(e => e.Kind == SyncErrorKind.NexudusRead || (e.Kind == SyncErrorKind.SaltoRead && e.GroupId is null)).ToList();
        return reads.Count > 0
            ? new SyncRunOutcome(false, report.NextEdge, Summarize(reads)) { LeaseExpires = leaseExpires }
            : new SyncRunOutcome(true, report.NextEdge, Warning: Summarize(report.Errors)) { LeaseExpires = leaseExpires };
    }

    public async Task<JobRunOutcome> CheckInsAsync(CancellationToken cancellationToken)
    {
        var report = await _bridge.RunAsync(cancellationToken).ConfigureAwait(false);
        var failed = report.Sites.Where(s => !s.Completed).ToList();
        return failed.Count == 0
            ? new JobRunOutcome(true)
            : new JobRunOutcome(false, $"{failed.Count} site(s) stopped early; first: site {failed[0].SiteId}: {failed[0].Error}");
    }

    private static void Count(System.Diagnostics.Metrics.Counter<long> counter, int value, KeyValuePair<string, object?> tag)
    {
        if (value > 0)
        {
            counter.Add(value, tag);
        }
    }

    private static string Summarize(IReadOnlyList<SyncError> errors) =>
        errors.Count == 0
            ? "the sync reported a failure"
            : $"{errors.Count} error(s); first: {errors[0].Kind}: {errors[0].Message}";
}
