using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Guests;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Keeps SALTO KS access-group memberships in step with Nexudus entitlements: one call of
/// <see cref="SynchronizeAsync(CancellationToken)"/> is one reconcile pass over every configured location, returning a
/// <see cref="SyncReport"/>.
/// </summary>
/// <remarks>
/// <para>A run:</para>
/// <list type="number">
/// <item>takes the state store's exclusive lease (another run holding it makes this one fail at once);</item>
/// <item>reads Nexudus at the least cost (<see cref="AccessSyncOptions.FullReadInterval"/> allows incremental reads)
/// and resolves who should be in which group now;</item>
/// <item>per SALTO site, reads the users and each managed group's members, settles what an interrupted run left
/// pending, matches customers to users and plans adds, removes and user creations;</item>
/// <item>lets the revocation guard decide whether removals are held;</item>
/// <item>applies the plans (unless <see cref="AccessSyncOptions.DryRun"/>): users, then one bulk PATCH per changed
/// group, then tags and, where opted in, pass schedules; everything SALTO accepts is recorded at once. Up to
/// <see cref="AccessSyncOptions.SaltoWriteConcurrency"/> user creations, groups or tag changes are in flight at once;
/// the state store still sees one write at a time.</item>
/// </list>
/// <para>
/// A run with nothing to change writes nothing, to SALTO KS, to Nexudus or to the state store. Failures of one
/// part are reported and do not stop the others; cancelling the token stops the run between steps and leaves a
/// state the next run completes.
/// </para>
/// <para>
/// Keep one instance (a singleton) and call it from one place at a time: it keeps the previous Nexudus read for
/// incremental reads.
/// </para>
/// </remarks>
public class AccessSynchronizer
{
    private const string LeaseHolder = "sync";

    private readonly ISyncStateStore _store = null!;
    private readonly AccessSyncOptions _options = null!;
    private readonly TimeProvider _time = null!;
    private readonly ILogger _logger = null!;
    private readonly SyncPipeline _pipeline = null!;
    private readonly ISyncStateStore? _inner;
    private readonly string _leaseHolder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    // The locations of the run in progress: those whose site this process leased, on a store shared by several.
    private IReadOnlyList<IntegrationLocation>? _runLocations;

    /// <summary>Creates a synchronizer for a mocking library; every call on it fails.</summary>
    protected AccessSynchronizer()
    {
    }

    /// <summary>Creates a synchronizer.</summary>
    /// <param name="nexudus">The Nexudus client (from <c>AddNexudusClient</c>, so its calls are counted).</param>
    /// <param name="saltoKs">The SALTO KS client (from <c>AddSaltoKsClient</c>, so its calls are counted).</param>
    /// <param name="stateStore">Where identities, the ownership ledger and retry state are kept.</param>
    /// <param name="options">The locations and settings.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="tagResolver">Resolves tag numbers; <see cref="SaltoTagResolver"/> over <paramref name="saltoKs"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <param name="resolver">The entitlement rules; the standard <see cref="EntitlementResolver"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="AccessSyncOptions.SaltoWriteConcurrency"/> is not between 1 and 32.</exception>
    public AccessSynchronizer(
        INexudusClient nexudus,
        ISaltoKsClient saltoKs,
        ISyncStateStore stateStore,
        AccessSyncOptions options,
        TimeProvider? timeProvider = null,
        ISaltoTagResolver? tagResolver = null,
        ILogger<AccessSynchronizer>? logger = null,
        EntitlementResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(nexudus);
        ArgumentNullException.ThrowIfNull(saltoKs);
        ArgumentNullException.ThrowIfNull(stateStore);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SaltoWriteConcurrency is < 1 or > AccessSyncOptions.MaxSaltoWriteConcurrency)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.SaltoWriteConcurrency, $"{nameof(AccessSyncOptions.SaltoWriteConcurrency)} must be between 1 and {AccessSyncOptions.MaxSaltoWriteConcurrency}.");
        }

        // A store that several processes share is written with the run's site leases attached (fencing).
        _inner = stateStore;
        _store = stateStore is ISiteLeaseStore ? new FencedSyncStateStore(stateStore) : stateStore;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _pipeline = new SyncPipeline(
            nexudus, saltoKs, _store, options, _time, _logger, resolver ?? new EntitlementResolver(), tagResolver ?? new SaltoTagResolver(saltoKs));
    }

    /// <summary>
    /// Gets where the PINs of guest users go (see <see cref="IGuestCredentialSink"/>); <c>AddSaltoIntegration</c> sets
    /// the registered one.
    /// </summary>
    /// <value><see langword="null"/>: PINs are not passed on, and only the fact that one was issued is logged.</value>
    public IGuestCredentialSink? GuestCredentialSink { get; init; }

    /// <summary>Runs one reconcile pass over every configured location.</summary>
    /// <param name="cancellationToken">Stops the run between steps; what SALTO accepted is recorded first.</param>
    /// <returns>
    /// The report. <see cref="SyncReport.Result"/> is <see cref="SyncResult.Failed"/> when another run holds the state
    /// or any part failed, <see cref="SyncResult.RemovalsHeld"/> when the guard held removals, else
    /// <see cref="SyncResult.Completed"/>.
    /// </returns>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public virtual Task<SyncReport> SynchronizeAsync(CancellationToken cancellationToken = default) =>
        SynchronizeAsync(new SyncRunOptions(), cancellationToken);

    /// <summary>Runs one reconcile pass over every configured location, with settings of this run only.</summary>
    /// <param name="runOptions">What this run does differently (a dry run, released removals); unset values follow the options.</param>
    /// <param name="cancellationToken">Stops the run between steps; what SALTO accepted is recorded first.</param>
    /// <returns>The report, as <see cref="SynchronizeAsync(CancellationToken)"/> gives it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="runOptions"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public virtual async Task<SyncReport> SynchronizeAsync(SyncRunOptions runOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runOptions);
        var run = SyncRunFlags.Of(runOptions, _options);
        // One span per run (with one per site's plan and apply inside), whoever runs it: the worker or a command.
        using var activity = SaltoMetrics.ActivitySource.StartActivity("sync");
        var startedAt = _time.GetUtcNow();
        var tally = ServiceCallCounter.Begin();
        try
        {
            if (_store is FencedSyncStateStore fenced)
            {
                return await SynchronizeLeasedSitesAsync(fenced, startedAt, tally, run, activity, cancellationToken).ConfigureAwait(false);
            }

            ISyncStateLease lease;
            try
            {
                lease = await _store.AcquireLeaseAsync(LeaseHolder, cancellationToken).ConfigureAwait(false);
            }
            catch (SyncStateLockedException ex)
            {
                SyncLog.StateLocked(_logger, ex);
                return new SyncReport
                {
                    Result = SyncResult.Failed,
                    DryRun = run.DryRun,
                    StartedAt = startedAt,
                    FinishedAt = _time.GetUtcNow(),
                    Errors = [new SyncError { Kind = SyncErrorKind.StateLocked, Message = ex.Message }],
                    Calls = Calls(tally),
                };
            }

            await using (lease.ConfigureAwait(false))
            {
                return Finish(await _pipeline.RunAsync(startedAt, tally, run, _runLocations ?? _options.Locations, GuestCredentialSink, cancellationToken).ConfigureAwait(false), activity);
            }
        }
        finally
        {
            ServiceCallCounter.End();
        }
    }

    /// <summary>
    /// A run on a store that several processes share: leases the configured sites it can, syncs those (every write
    /// fenced by the leases), and lists the sites another process holds as skipped.
    /// </summary>
    private async Task<SyncReport> SynchronizeLeasedSitesAsync(
        FencedSyncStateStore store, DateTimeOffset startedAt, ServiceCallTally tally, SyncRunFlags run, Activity? activity, CancellationToken cancellationToken)
    {
        var sites = _options.Locations.Select(l => l.Links.SaltoSiteId?.Trim()).OfType<string>().Where(s => s.Length > 0);
        var leases = await SiteLeases.AcquireAsync((ISiteLeaseStore)_inner!, sites, _leaseHolder, _time, _logger, cancellationToken).ConfigureAwait(false);
        await using (leases.ConfigureAwait(false))
        {
            if (leases.Held.Count == 0 && leases.Skipped.Count > 0)
            {
                // Every site is another process's this time: nothing to read or write.
                return Finish(new SyncReport
                {
                    Result = SyncResult.Completed,
                    DryRun = run.DryRun,
                    StartedAt = startedAt,
                    FinishedAt = _time.GetUtcNow(),
                    SkippedSites = leases.Skipped,
                    Calls = Calls(tally),
                }, activity);
            }

            store.Leases = leases;
            _runLocations = [.. _options.Locations.Where(l => leases.Holds(l.Links.SaltoSiteId?.Trim() ?? string.Empty))];
            try
            {
                var report = await _pipeline.RunAsync(startedAt, tally, run, _runLocations ?? _options.Locations, GuestCredentialSink, cancellationToken).ConfigureAwait(false);
                return Finish(report with { SkippedSites = leases.Skipped }, activity);
            }
            catch (SyncStateFencedException ex)
            {
                // Another process took a site over while this run was paused: the store refused the stale write, and the
                // new holder settles what this run left pending.
                SyncLog.SiteLeaseLost(_logger, ex.Lease?.SiteId ?? "?");
                return Finish(new SyncReport
                {
                    Result = SyncResult.Failed,
                    DryRun = run.DryRun,
                    StartedAt = startedAt,
                    FinishedAt = _time.GetUtcNow(),
                    SkippedSites = leases.Skipped,
                    Errors = [new SyncError { Kind = SyncErrorKind.StateLocked, SiteId = ex.Lease?.SiteId, Message = ex.Message }],
                    Calls = Calls(tally),
                }, activity);
            }
            finally
            {
                store.Leases = null;
                _runLocations = null;
            }
        }
    }

    private SyncReport Finish(SyncReport report, Activity? activity)
    {
        LogFinished(report);
        if (activity is not null)
        {
            activity.SetTag("result", report.Result.ToString());
            activity.SetTag("dry_run", report.DryRun);
            activity.SetTag("changes", report.Changes.Count);
            activity.SetTag("errors", report.Errors.Count);
            activity.SetTag("skipped_sites", report.SkippedSites.Count);
            if (report.Result == SyncResult.Failed)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        return report;
    }

    private void LogFinished(SyncReport report)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        int added = 0, removed = 0, held = 0;
        foreach (var change in report.Changes)
        {
            held += change.Outcome == SyncChangeOutcome.Held ? 1 : 0;
            added += change is { Kind: MembershipChangeKind.Add, Outcome: SyncChangeOutcome.Applied } ? 1 : 0;
            removed += change is { Kind: MembershipChangeKind.Remove, Outcome: SyncChangeOutcome.Applied } ? 1 : 0;
        }

        var created = report.UserCreations.Count(c => c.Outcome == SyncChangeOutcome.Applied);
        SyncLog.RunFinished(_logger, report.Result, added, removed, held, created, report.Errors.Count, report.Duration);
    }

    private static SyncCallCounts Calls(ServiceCallTally tally) => SyncPipeline.Calls(tally);
}
