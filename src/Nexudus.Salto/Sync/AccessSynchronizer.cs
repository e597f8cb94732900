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

    private readonly INexudusClient _nexudus = null!;
    private readonly ISaltoKsClient _salto = null!;
    private readonly ISyncStateStore _store = null!;
    private readonly AccessSyncOptions _options = null!;
    private readonly TimeProvider _time = null!;
    private readonly ILogger _logger = null!;
    private readonly EntitlementResolver _resolver = null!;
    private readonly NexudusSnapshotReader _reader = null!;
    private readonly PlanExecutor _executor = null!;
    private readonly TagAssigner _tags = null!;
    private readonly PassScheduleWriter _schedules = null!;
    private readonly GroupScheduleCheck _groupSchedules = null!;
    private readonly ISyncStateStore? _inner;
    private readonly string _leaseHolder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    // The locations of the run in progress: those whose site this process leased, on a store shared by several.
    private IReadOnlyList<SyncLocation>? _runLocations;

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

        _nexudus = nexudus;
        _salto = saltoKs;
        // A store that several processes share is written with the run's site leases attached (fencing).
        _inner = stateStore;
        _store = stateStore is ISiteLeaseStore ? new FencedSyncStateStore(stateStore) : stateStore;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _resolver = resolver ?? new EntitlementResolver();
        _reader = new NexudusSnapshotReader(nexudus, _logger, options.NexudusReadConcurrency);
        _executor = new PlanExecutor(saltoKs, options, _time, _logger);
        _tags = new TagAssigner(saltoKs, tagResolver ?? new SaltoTagResolver(saltoKs), _time, _logger, options.SaltoWriteConcurrency);
        _schedules = new PassScheduleWriter(saltoKs, _store, options, _logger);
        _groupSchedules = new GroupScheduleCheck(saltoKs, _logger);
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
        var run = new RunFlags(
            runOptions.DryRun ?? _options.DryRun,
            runOptions.AllowMassRevocation ?? _options.AllowMassRevocation,
            runOptions.RebuildOwnership,
            runOptions.Customers is null ? null : [.. runOptions.Customers.Distinct().Order()],
            [.. (runOptions.TeamPayers ?? []).Distinct().Order()],
            runOptions.BookingsOnly && runOptions.Customers is not null);
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
                return Finish(await RunAsync(startedAt, tally, run, cancellationToken).ConfigureAwait(false), activity);
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
        FencedSyncStateStore store, DateTimeOffset startedAt, ServiceCallTally tally, RunFlags run, Activity? activity, CancellationToken cancellationToken)
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
                var report = await RunAsync(startedAt, tally, run, cancellationToken).ConfigureAwait(false);
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

    private async Task<SyncReport> RunAsync(DateTimeOffset now, ServiceCallTally tally, RunFlags run, CancellationToken cancellationToken)
    {
        var locations = Locations;
        SyncLog.RunStarted(_logger, run.DryRun, locations.Count);
        var errors = new List<SyncError>();

        // SALTO's side does not depend on Nexudus for the configured groups: read it meanwhile (unless reads are sequential).
        using var saltoGate = new SemaphoreSlim(Math.Max(1, _options.SaltoReadConcurrency));
        var siteReads = new Dictionary<string, SaltoSiteReads>(StringComparer.OrdinalIgnoreCase);
        SaltoSiteReads ReadsOf(string siteId)
        {
            if (!siteReads.TryGetValue(siteId, out var reads))
            {
                siteReads.Add(siteId, reads = new SaltoSiteReads(_salto, siteId, saltoGate, cancellationToken));
            }

            return reads;
        }

        if (_options.SaltoReadConcurrency > 1)
        {
            foreach (var (siteId, groups) in ConfiguredGroups(locations))
            {
                var reads = ReadsOf(siteId);
                _ = reads.Users;
                foreach (var group in groups)
                {
                    _ = reads.Members(group);
                }
            }
        }

        try
        {
            return await RunCoreAsync(now, tally, run, ReadsOf, errors, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Reads started for groups that turned out not to be managed (or for a run that failed early) are observed here.
            foreach (var reads in siteReads.Values)
            {
                await reads.SettleAsync().ConfigureAwait(false);
            }
        }
    }

    private static Dictionary<string, HashSet<string>> ConfiguredGroups(IReadOnlyList<SyncLocation> locations)
    {
        var bySite = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var links in locations.Select(l => l.Links))
        {
            var site = links.SaltoSiteId?.Trim();
            if (string.IsNullOrEmpty(site))
            {
                continue;
            }

            if (!bySite.TryGetValue(site, out var groups))
            {
                bySite.Add(site, groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            }

            foreach (var list in links.TimePassGroups.Values.Concat(links.FloorPlanDeskGroups.Values).Concat(links.ResourceGroups.Values))
            {
                groups.UnionWith((list ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()));
            }
        }

        return bySite;
    }

    private async Task<SyncReport> RunCoreAsync(
        DateTimeOffset now, ServiceCallTally tally, RunFlags run, Func<string, SaltoSiteReads> readsOf, List<SyncError> errors, CancellationToken cancellationToken)
    {
        var dryRun = run.DryRun;
        var locations = Locations;

        // Users for customers the lists already entitle are created while the contracts and teams are still read.
        Task<EarlyUserCreations>? creatingEarly = null;
        SnapshotReadResult read;
        HashSet<long>? scope = null;
        HashSet<(string Site, string Group)>? bookingGroups = null;
        try
        {
            var request = new SnapshotReadRequest(
                    [.. locations.Select(l => l.Links.NexudusBusinessId).Distinct()],
                    now,
                    locations.Count == 0 ? TimeSpan.Zero : locations.Max(l => l.Links.BookingAccessBefore),
                    locations.Count == 0 ? TimeSpan.Zero : locations.Max(l => l.Links.BookingAccessAfter),
                    _options.BookingLookAhead,
                    locations.Any(l => l.WritePassSchedules),
                    _options.FullReadInterval,
                    // Users are not created ahead of the invoices: a customer suspended for an overdue invoice gets none.
                    _options.CreateUsersWhileReading && !dryRun && run.Customers is null && !PaymentAwareAccess.IsOn(locations)
                        ? lists => creatingEarly = CreateUsersWhileReadingAsync(lists, now, readsOf, cancellationToken)
                        : null);
            if (run.Customers is not null && _reader.CanReadTargeted)
            {
                // A targeted run: only the named customers' records; everyone else is left as the last run left them.
                scope = [];
                bookingGroups = run.BookingsOnly && run.TeamPayers.Count == 0
                    ? GroupsOnlyBookingsGrant(LinkMapBuilder.Build(locations.Select(l => l.Links), _reader.Definitions))
                    : null;
                read = bookingGroups is null
                    ? await _reader.ReadCustomersAsync(request, run.Customers, run.TeamPayers, scope, cancellationToken).ConfigureAwait(false)
                    : await _reader.ReadCustomerBookingsAsync(request, run.Customers, scope, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                read = await _reader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch when (creatingEarly is not null)
        {
            // What was created is recorded already; the run is ending, so its outcome is only observed here.
            await creatingEarly.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                .ConfigureAwait(false);
            throw;
        }

        var early = creatingEarly is null ? new EarlyUserCreations() : await creatingEarly.ConfigureAwait(false);
        errors.AddRange(early.Errors);
        var snapshot = read.Snapshot;
        SyncLog.SnapshotRead(_logger, read.Kind, snapshot.Coworkers.Count, snapshot.CoworkerTimePasses.Count, snapshot.CoworkerContracts.Count,
            snapshot.Bookings.Count, tally.NexudusReads + tally.NexudusWrites);
        errors.AddRange(read.Failures.Select(f => new SyncError { Kind = SyncErrorKind.NexudusRead, Message = $"Reading {f.Part} from Nexudus failed: {f.Error.Message}" }));

        var links = LinkMapBuilder.Build(locations.Select(l => l.Links), snapshot);
        var unsuspended = _resolver.Resolve(snapshot, links, now);
        var customers = new Dictionary<long, Coworker>();
        foreach (var customer in snapshot.Coworkers)
        {
            customers.TryAdd(customer.Id, customer);
        }

        // Payment-aware access: overdue customers lose the grants of the location (a failed invoice read changes no one).
        var warnings = new List<SyncWarning>();
        var payments = await PaymentAwareAccess.CheckAsync(_nexudus, _store, locations, _options.Locations, now, _logger, cancellationToken).ConfigureAwait(false);
        var invoiceReadFailed = false;
        foreach (var (businessId, error) in payments.Failures)
        {
            if (error is NexudusApiException { Status: 403 or 404 or 405 } refused)
            {
                warnings.Add(new SyncWarning
                {
                    Kind = SyncWarningKind.InvoicesUnavailable,
                    Message = $"Nexudus answered {refused.Status} to the invoices of location {businessId}, so payment-aware access changed no one there this run " +
                              "(the integration user needs the CoworkerInvoice-List role).",
                });
            }
            else
            {
                invoiceReadFailed = true;
                errors.Add(new SyncError
                {
                    Kind = SyncErrorKind.NexudusRead,
                    Message = $"Reading the invoices of location {businessId} from Nexudus failed; nobody there is suspended or restored for payment this run: {error.Message}",
                });
            }
        }

        var desired = PaymentAwareAccess.Apply(unsuspended, payments.InForce);

        // Read and plan every site first: the guard judges the run as a whole.
        var sites = new List<SiteRun>();
        var saltoReadFailed = false;
        foreach (var siteId in links.Locations.Select(l => l.SiteId).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            var site = await PlanSiteAsync(
                readsOf(siteId), desired, snapshot, customers, now, early, scope, bookingGroups, errors,
                run.RebuildOwnership && read.Failures.Count == 0 && scope is null, run.AllowMassRevocation, cancellationToken).ConfigureAwait(false);
            if (site is null)
            {
                saltoReadFailed = true;
                continue;
            }

            saltoReadFailed |= site.Members.Count < desired.ManagedGroups.Count(g => Same(g.SiteId, siteId));
            sites.Add(site with { Plan = site.Plan with { Plan = PaymentAwareAccess.Explain(site.Plan.Plan, unsuspended, payments.InForce) } });
        }

        var suspicious = new List<string>();
        var ownedTotal = sites.Sum(s => s.State.OwnedMemberships.Count);
        if (scope is null && snapshot.Coworkers.Count == 0 && ownedTotal > 0 && read.Failures.Count == 0)
        {
            suspicious.Add($"Nexudus returned no eligible customers while the state store holds {ownedTotal} memberships the SDK added.");
        }

        foreach (var site in sites)
        {
            suspicious.AddRange(site.DoubtedEmptyGroups.Values);
        }

        var decision = RevocationGuard.Evaluate(
            [.. sites.Select(s => s.Plan.Plan)], _options.Safety, run.AllowMassRevocation,
            new GuardSignals(read.Failures.Count > 0 || invoiceReadFailed, saltoReadFailed, suspicious));
        if (decision.RemovalsHeld)
        {
            SyncLog.RemovalsHeld(_logger, decision.PlannedRemovals, string.Join(", ", decision.Reasons));
        }
        else if (decision.Overridden)
        {
            SyncLog.RemovalsReleased(_logger, decision.PlannedRemovals, string.Join(", ", decision.Reasons));
        }

        // A targeted run assigns the tags of its customers only.
        var tagCustomers = scope is null ? customers : customers.Where(c => scope.Contains(c.Key)).ToDictionary();
        var changes = new List<MembershipChange>();
        var creations = new List<UserCreation>(early.Creations);
        var tags = new List<TagChange>();
        var tagDifferences = new List<TagDifference>();
        if (!dryRun && payments.ValueToSave is { } suspensions)
        {
            // Recorded before the removals: a later run whose invoice read fails keeps exactly these suspended.
            await _store.ApplyAsync(new SyncStateChanges { Values = [suspensions] }, cancellationToken).ConfigureAwait(false);
        }

        var schedules = new List<ScheduleChange>();
        foreach (var site in sites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ApplySiteAsync(site, decision, tagCustomers, early, run, changes, creations, tags, errors, warnings, cancellationToken).ConfigureAwait(false);
            tagDifferences.AddRange(TagComparison.Compare(site, tagCustomers, tags));
            if (read.Failures.Count == 0 && scope is null)
            {
                foreach (var location in locations.Where(l => l.WritePassSchedules && Same(l.Links.SaltoSiteId.Trim(), site.SiteId)))
                {
                    if (links.Locations.FirstOrDefault(m => m.BusinessId == location.Links.NexudusBusinessId) is { } map)
                    {
                        schedules.AddRange(await _schedules.WriteAsync(map, links, read.TimeSlots, site.State.Schedules, dryRun, errors, cancellationToken).ConfigureAwait(false));
                    }
                }
            }

            if (scope is not null)
            {
                continue; // a targeted run is about its customers' memberships; whole runs check the groups
            }

            // After the pass schedules: a linked group still without any never reaches the locks.
            var siteLocations = locations.Where(l => Same(l.Links.SaltoSiteId.Trim(), site.SiteId)).ToList();
            await _groupSchedules.CheckAsync(
                site.SiteId,
                desired.ManagedGroups
                    .Where(g => Same(g.SiteId, site.SiteId) && site.Members.ContainsKey(g.GroupId))
                    .Where(g => !schedules.Any(c => Same(c.SiteId, site.SiteId) && Same(c.GroupId, g.GroupId) && c.Kind == ScheduleChangeKind.Create &&
                                                    c.Outcome is SyncChangeOutcome.Applied or SyncChangeOutcome.Planned)) // written (or planned) this run
                    .Select(g => g.GroupId),
                group => siteLocations.Any(l => l.CreateMissingGroupSchedules && LinksGroup(l.Links, group)),
                dryRun,
                warnings,
                schedules,
                errors,
                cancellationToken).ConfigureAwait(false);
        }

        // Guests and visitors: SALTO guest users of their own, created and deleted for reasons in Nexudus only.
        var guests = new GuestRun();
        if (scope is null)
        {
            guests = await new GuestAccess(_nexudus, _salto, _store, GuestCredentialSink ?? new LoggingGuestCredentialSink(_logger), _time, _options.BookingLookAhead, _logger)
                .RunAsync(
                    new GuestRunInput
                    {
                        Locations = locations, Desired = desired, Snapshot = snapshot, Customers = customers, Now = now,
                        NexudusReadClean = read.Failures.Count == 0 && !invoiceReadFailed, DryRun = dryRun,
                    },
                    cancellationToken).ConfigureAwait(false);
            errors.AddRange(guests.Errors);
        }

        // Erasure: customers gone from Nexudus (or archived longer than EraseArchivedAfter), judged on a whole, clean read only.
        IReadOnlyList<CustomerErasure> erasures = [];
        if (scope is null && read.Kind == SnapshotReadKind.Full && read.Failures.Count == 0 && !saltoReadFailed)
        {
            erasures = await EraseGoneCustomersAsync(sites, customers, now, run, errors, warnings, cancellationToken).ConfigureAwait(false);
        }

        var result = errors.Count > 0 ? SyncResult.Failed : decision.RemovalsHeld ? SyncResult.RemovalsHeld : SyncResult.Completed;
        return new SyncReport
        {
            Result = result,
            DryRun = dryRun,
            StartedAt = now,
            FinishedAt = _time.GetUtcNow(),
            SnapshotRead = read.Kind,
            Revocation = decision,
            Changes = [.. changes
                .OrderBy(c => c.SiteId, StringComparer.Ordinal).ThenBy(c => c.GroupId, StringComparer.Ordinal)
                .ThenBy(c => c.Kind).ThenBy(c => c.CustomerId ?? long.MaxValue).ThenBy(c => c.UserId?.Value, StringComparer.OrdinalIgnoreCase)],
            UserCreations = creations,
            Tags = tags,
            Schedules = schedules,
            TagDifferences = tagDifferences,
            Warnings = warnings,
            IdentityIssues = [.. sites.SelectMany(s => s.Plan.Plan.IdentityIssues)],
            ClaimedMemberships = [.. sites.SelectMany(s => s.Rebuilt)],
            LinkIssues = desired.Issues,
            Errors = errors,
            Calls = Calls(tally),
            PaymentSuspensions = [.. payments.InForce, .. payments.Lifted],
            Erasures = erasures,
            Guests = guests.Changes,
            NextEdge = Earliest(Earliest(desired.NextEdge, payments.NextStart), guests.NextEdge),
        };
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a <= b ? a : b;

    private async Task<SiteRun?> PlanSiteAsync(
        SaltoSiteReads reads, DesiredAccess desired, NexudusSnapshot snapshot, Dictionary<long, Coworker> customers, DateTimeOffset now,
        EarlyUserCreations early, HashSet<long>? scope, HashSet<(string Site, string Group)>? bookingGroups, List<SyncError> errors, bool rebuildOwnership,
        bool believeEmptyGroups, CancellationToken cancellationToken)
    {
        var siteId = reads.SiteId;
        using var activity = SaltoMetrics.ActivitySource.StartActivity("sync.plan");
        activity?.SetTag("site", siteId);
        var state = await _store.LoadSiteAsync(siteId, cancellationToken).ConfigureAwait(false);
        var journal = PendingMembershipJournal.From(state);

        List<SiteUser> users;
        try
        {
            users = [.. await reads.Users.ConfigureAwait(false), .. early.UsersOf(siteId)];
        }
        catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
        {
            SyncLog.SaltoReadFailed(_logger, "users", siteId, ex);
            errors.Add(new SyncError { Kind = SyncErrorKind.SaltoRead, SiteId = siteId, Message = $"Reading the users of site {siteId} failed; the site is left alone this run: {PlanExecutor.Describe(ex)}" });
            return null;
        }

        if (SaltoSiteReads.JudgeUserList(siteId, users, state.Identities) is { } shortList)
        {
            SyncLog.SaltoUserListShort(_logger, siteId, shortList);
            errors.Add(new SyncError { Kind = SyncErrorKind.SaltoRead, SiteId = siteId, Message = shortList });
            return null;
        }

        var groups = desired.ManagedGroups.Where(g => Same(g.SiteId, siteId)).ToList();
        var members = new Dictionary<string, IReadOnlyList<PlatformUserId>>(StringComparer.OrdinalIgnoreCase);
        var pending = groups.Select(g => (g.GroupId, Read: reads.Members(g.GroupId))).ToList();
        foreach (var (groupId, read) in pending)
        {
            try
            {
                members[groupId] = await read.ConfigureAwait(false);
            }
            catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
            {
                SyncLog.SaltoReadFailed(_logger, $"members of group {groupId}", siteId, ex);
                errors.Add(new SyncError
                {
                    Kind = SyncErrorKind.SaltoRead, SiteId = siteId, GroupId = groupId,
                    Message = $"Reading the members of group {groupId} failed; the group is left alone this run: {PlanExecutor.Describe(ex)}",
                });
            }
        }

        // An empty member list that contradicts what the SDK knows of the group is a failed read of that group.
        var emptyReads = await EmptyGroupReads.LoadAsync(_store, siteId, cancellationToken).ConfigureAwait(false);
        var emptiness = emptyReads.Judge(members, state.OwnedMemberships, journal.Entries, believeEmptyGroups);
        foreach (var (groupId, reason) in emptiness.Doubted)
        {
            members.Remove(groupId);
            SyncLog.SaltoGroupReadDoubted(_logger, groupId, siteId, reason);
            errors.Add(new SyncError { Kind = SyncErrorKind.SaltoRead, SiteId = siteId, GroupId = groupId, Message = reason });
        }

        // What an interrupted run left pending is settled against what SALTO has now.
        var (claims, settled) = journal.Settle(
            emptiness.Unsettled.Count == 0 ? members : members.Where(m => !emptiness.Unsettled.Contains(m.Key)).ToDictionary(StringComparer.OrdinalIgnoreCase),
            now);
        if (settled.Count > 0)
        {
            SyncLog.PendingSettled(_logger, siteId, settled.Count);
        }

        var ledger = state.OwnedMemberships
            .Concat(claims)
            .DistinctBy(o => new MembershipKey(siteId, o.GroupId.ToUpperInvariant(), o.UserId))
            .ToList();

        var entitled = desired.Memberships.Where(m => Same(m.SiteId, siteId)).Select(m => m.CustomerId).ToHashSet();
        var toMatch = entitled.Concat(state.TagAssignments.Select(t => t.CustomerId).Where(customers.ContainsKey)).ToHashSet();
        if (scope is not null)
        {
            toMatch = [.. toMatch.Where(scope.Contains).Concat(scope)];
        }

        var identities = IdentityMatcher.Match(siteId, snapshot.Coworkers, toMatch, users, state.Identities, now);
        IReadOnlyList<OwnedMembership> rebuilt = [];
        if (rebuildOwnership && members.Count == groups.Count)
        {
            // Claims only what the reads show and Nexudus entitles: the member is the matched user of a customer
            // entitled to the group now. Everything else stays unowned, as if added by hand.
            var owned = ledger.Select(o => (o.GroupId.ToUpperInvariant(), o.UserId)).ToHashSet();
            rebuilt = [.. desired.Memberships
                .Where(m => Same(m.SiteId, siteId) && members.TryGetValue(m.GroupId, out var actual) &&
                            identities.Matched.TryGetValue(m.CustomerId, out var identity) && actual.Contains(identity.PlatformUserId) &&
                            !owned.Contains((m.GroupId.ToUpperInvariant(), identity.PlatformUserId)))
                .Select(m => new OwnedMembership
                {
                    SiteId = siteId, GroupId = m.GroupId, UserId = identities.Matched[m.CustomerId].PlatformUserId, CustomerId = m.CustomerId, AddedAt = now,
                })
                .DistinctBy(o => (o.GroupId.ToUpperInvariant(), o.UserId))];
            ledger = [.. ledger, .. rebuilt];
        }

        var plan = AccessPlanner.Plan(new SitePlanningInput
        {
            SiteId = siteId,
            Groups = groups,
            Members = members,
            Desired = desired,
            Identities = identities,
            Ledger = ledger,
            Customers = customers,
        });
        if (plan.Plan.UserCreations.Any(c => early.Failed(siteId, c.CustomerId)))
        {
            // Tried once this run already, while Nexudus was being read: the error is reported; the next run tries again.
            plan = plan with { Plan = plan.Plan with { UserCreations = [.. plan.Plan.UserCreations.Where(c => !early.Failed(siteId, c.CustomerId))] } };
        }

        if (scope is not null)
        {
            plan = ScopePlan(plan, scope, identities, state.Identities, ledger);
        }

        if (bookingGroups is not null)
        {
            // Read without passes, contracts or teams: the run decides only the groups bookings alone grant.
            bool Decided(string groupId) => bookingGroups.Contains((siteId, groupId));
            plan = plan with
            {
                Plan = plan.Plan with
                {
                    Additions = [.. plan.Plan.Additions.Where(a => Decided(a.GroupId))],
                    Removals = [.. plan.Plan.Removals.Where(r => Decided(r.GroupId))],
                },
                StaleLedgerEntries = [.. plan.StaleLedgerEntries.Where(k => Decided(k.GroupId))],
                KeptForEntitledCustomers = [.. plan.KeptForEntitledCustomers.Where(k => Decided(k.GroupId))],
            };
        }

        SyncLog.SitePlanned(_logger, siteId, plan.Plan.UserCreations.Count, plan.Plan.Additions.Count, plan.Plan.Removals.Count, plan.Plan.IdentityIssues.Count);
        return new SiteRun(siteId, state with { OwnedMemberships = ledger }, journal, members, [.. claims, .. rebuilt], settled, toMatch, identities, plan, users)
        {
            Rebuilt = rebuilt,
            DoubtedEmptyGroups = emptiness.Doubted,
            EmptyGroupMemory = emptiness.Value,
        };
    }

    /// <summary>
    /// The (site, group) pairs that only bookings of resources grant, when a targeted run about bookings can be decided
    /// by the customers' records and bookings alone: no location links a desk (desks are granted by contracts and
    /// bookings alike) and no group a resource grants is also granted by a pass or an unknown item. Otherwise
    /// <see langword="null"/>: the run reads the customers' whole records.
    /// </summary>
    internal static HashSet<(string Site, string Group)>? GroupsOnlyBookingsGrant(LinkMap links)
    {
        var booked = new HashSet<(string Site, string Group)>(SiteGroupComparer.Instance);
        var other = new HashSet<(string Site, string Group)>(SiteGroupComparer.Instance);
        foreach (var location in links.Locations)
        {
            if (location.FloorPlanDeskGroups.Values.Any(g => g.Count > 0))
            {
                return null;
            }

            booked.UnionWith(location.ResourceGroups.Values.SelectMany(g => g).Select(g => (location.SiteId, g)));
            other.UnionWith(location.TimePassGroups.Values.SelectMany(g => g).Concat(location.OtherManagedGroups).Select(g => (location.SiteId, g)));
        }

        return booked.Count > 0 && !booked.Overlaps(other) ? booked : null;
    }

    /// <summary>
    /// Narrows a site's plan to the customers of a targeted run: their additions and user creations, and removals only
    /// of SALTO users known to be theirs (by this run's match, the identity map or the ledger) and no one else's. A
    /// member the run cannot tie to one of its customers is left alone; the whole runs judge them.
    /// </summary>
    private static SitePlan ScopePlan(
        SitePlan plan, HashSet<long> scope, IdentityMatchResult identities, IReadOnlyList<IdentityLink> links, IReadOnlyList<OwnedMembership> ledger)
    {
        var theirs = new HashSet<PlatformUserId>();
        var others = new HashSet<PlatformUserId>();
        void Note(long? customerId, PlatformUserId user) => (customerId is { } id && scope.Contains(id) ? theirs : others).Add(user);
        foreach (var (customerId, identity) in identities.Matched)
        {
            Note(customerId, identity.PlatformUserId);
        }

        foreach (var link in links)
        {
            Note(link.CustomerId, link.PlatformUserId);
        }

        foreach (var owned in ledger)
        {
            Note(owned.CustomerId, owned.UserId);
        }

        theirs.ExceptWith(others);
        var access = plan.Plan;
        return plan with
        {
            Plan = access with
            {
                UserCreations = [.. access.UserCreations.Where(c => scope.Contains(c.CustomerId))],
                Additions = [.. access.Additions.Where(a => scope.Contains(a.CustomerId))],
                Removals = [.. access.Removals.Where(r => theirs.Contains(r.UserId))],
                IdentityIssues = [.. access.IdentityIssues.Where(i => scope.Contains(i.CustomerId))],
            },
            StaleLedgerEntries = [.. plan.StaleLedgerEntries.Where(k => theirs.Contains(k.UserId))],
        };
    }

    /// <summary>
    /// Creates, per site, the missing SALTO users of the customers that <paramref name="lists"/> (everything but the
    /// contracts and teams) already entitles, while the rest of Nexudus is still being read. The rules only grant, so
    /// everyone entitled by part of the records is entitled by all of them. Reads and tag resolution it cannot do are
    /// left for the rest of the run, which reports them; creations it makes are recorded as the executor always does.
    /// </summary>
    private async Task<EarlyUserCreations> CreateUsersWhileReadingAsync(
        NexudusSnapshot lists, DateTimeOffset now, Func<string, SaltoSiteReads> readsOf, CancellationToken cancellationToken)
    {
        // Off the reader's path at once: it goes on reading while this works.
        await Task.Yield();
        var result = new EarlyUserCreations();
        var links = LinkMapBuilder.Build(Locations.Select(l => l.Links), lists);
        var desired = _resolver.Resolve(lists, links, now);
        var customers = new Dictionary<long, Coworker>();
        foreach (var customer in lists.Coworkers)
        {
            customers.TryAdd(customer.Id, customer);
        }

        foreach (var siteId in links.Locations.Select(l => l.SiteId).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            var entitled = desired.Memberships.Where(m => Same(m.SiteId, siteId)).Select(m => m.CustomerId).ToHashSet();
            if (entitled.Count == 0)
            {
                continue;
            }

            var reads = readsOf(siteId);
            List<SiteUser> users;
            try
            {
                users = await reads.Users.ConfigureAwait(false);
            }
            catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
            {
                continue; // the rest of the run meets the same failure and reports it
            }

            var state = await _store.LoadSiteAsync(siteId, cancellationToken).ConfigureAwait(false);
            if (SaltoSiteReads.JudgeUserList(siteId, users, state.Identities) is not null)
            {
                continue; // a failed read of the site: the rest of the run reports it and leaves the site alone
            }

            var groups = desired.ManagedGroups.Where(g => Same(g.SiteId, siteId)).ToList();
            var members = new Dictionary<string, IReadOnlyList<PlatformUserId>>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in groups)
            {
                try
                {
                    members[group.GroupId] = await reads.Members(group.GroupId).ConfigureAwait(false);
                }
                catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
                {
                    // Left out: no one is created for a group whose members are unknown (the planner skips it).
                }
            }

            var identities = IdentityMatcher.Match(siteId, lists.Coworkers, entitled, users, state.Identities, now);
            var plan = AccessPlanner.Plan(new SitePlanningInput
            {
                SiteId = siteId,
                Groups = groups,
                Members = members,
                Desired = desired,
                Identities = identities,
                Ledger = state.OwnedMemberships,
                Customers = customers,
            }).Plan;
            if (plan.UserCreations.Count == 0)
            {
                continue;
            }

            // Every customer's numbers at once (the resolver reads the site's tags either way): one look-up serves the
            // creations now and the rest of the run, including customers only contracts and teams turn out to entitle.
            var tagWork = TagAssigner.Plan(customers.Keys, customers, state.TagAssignments);
            IReadOnlyDictionary<string, string> resolved = new Dictionary<string, string>();
            try
            {
                // No tag call at all unless someone this site entitles (or whose tag the SDK assigned) has a card number.
                var numbers = TagAssigner.Plan(entitled.Concat(state.TagAssignments.Select(t => t.CustomerId)), customers, state.TagAssignments).IsEmpty
                    ? []
                    : tagWork.ToAssign.Select(t => t.Number).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                resolved = await _tags.ResolveAsync(siteId, numbers, cancellationToken).ConfigureAwait(false);
                result.NoteTags(siteId, numbers, resolved);
            }
            catch (SaltoKsApiException ex) when (IsMissingTagEndpoint(ex))
            {
                // Remembered for the run: the rest of it neither asks again nor writes tags on this site.
                result.SitesWithoutTagEndpoints[siteId] = ex.Status;
            }
            catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
            {
                // Created without tags: the rest of the run assigns them (and reports the failure if it persists).
            }

            var creationTags = CreationTags(plan.UserCreations, tagWork, resolved);
            var journal = await PendingMembershipJournal.LoadAsync(_store, siteId, cancellationToken).ConfigureAwait(false);
            var executed = await _executor.ExecuteAsync(
                new SiteExecutionInput
                {
                    Plan = plan with { Additions = [], Removals = [] },
                    HoldRemovals = true,
                    Statuses = state.GroupStatuses,
                    Journal = journal,
                    CreationTags = creationTags,
                },
                new SyncStateWriter(_store, journal),
                dryRun: false,
                cancellationToken).ConfigureAwait(false);
            result.Creations.AddRange(executed.Creations);
            result.Errors.AddRange(executed.Errors);
            var created = new List<SiteUser>();
            foreach (var creation in plan.UserCreations)
            {
                if (executed.Created.TryGetValue(creation.CustomerId, out var identity))
                {
                    created.Add(new SiteUser
                    {
                        Id = identity.SiteUserId,
                        User = new SaltoUser { Id = identity.PlatformUserId, Email = creation.Email, FirstName = creation.FirstName, LastName = creation.LastName },
                        TagId = executed.TaggedAtCreation.ContainsKey(creation.CustomerId) ? creationTags[creation.CustomerId].TagId : null,
                    });
                }
                else
                {
                    if (!result.FailedCustomers.TryGetValue(siteId, out var failed))
                    {
                        result.FailedCustomers.Add(siteId, failed = []);
                    }

                    failed.Add(creation.CustomerId);
                }
            }

            result.CreatedUsers[siteId] = created;
            SyncLog.UsersCreatedWhileReading(_logger, siteId, created.Count, plan.UserCreations.Count);
        }

        return result;
    }

    /// <summary>The tag each new user gets at creation: the first of the customer's numbers that resolved to a registered tag.</summary>
    private static Dictionary<long, (string Number, string TagId)> CreationTags(
        IEnumerable<PlannedUserCreation> creations, TagWork tagWork, IReadOnlyDictionary<string, string> resolved)
    {
        var creationTags = new Dictionary<long, (string, string)>();
        foreach (var creation in creations)
        {
            var first = tagWork.ToAssign.FirstOrDefault(t => t.CustomerId == creation.CustomerId && resolved.ContainsKey(t.Number));
            if (first.Number is not null)
            {
                creationTags[creation.CustomerId] = (first.Number, resolved[first.Number]);
            }
        }

        return creationTags;
    }

    private async Task ApplySiteAsync(
        SiteRun site,
        RevocationDecision decision,
        Dictionary<long, Coworker> customers,
        EarlyUserCreations early,
        RunFlags run,
        List<MembershipChange> changes,
        List<UserCreation> creations,
        List<TagChange> tags,
        List<SyncError> errors,
        List<SyncWarning> warnings,
        CancellationToken cancellationToken)
    {
        var siteId = site.SiteId;
        using var activity = SaltoMetrics.ActivitySource.StartActivity("sync.apply");
        activity?.SetTag("site", siteId);
        var dryRun = run.DryRun;
        if (!dryRun)
        {
            await RecordBookkeepingAsync(site, cancellationToken).ConfigureAwait(false);
        }

        var tagWork = TagAssigner.Plan(site.Customers, customers, site.State.TagAssignments);
        var resolved = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tagsUsable = true;
        try
        {
            if (early.SitesWithoutTagEndpoints.TryGetValue(siteId, out var status))
            {
                throw SaltoKsErrorMapper.Create(status, null, null, null, "GET (tag list)", []);
            }

            // Numbers resolved while Nexudus was being read are not asked again.
            var known = early.TagLookups.GetValueOrDefault(siteId);
            var toAsk = new List<string>();
            foreach (var number in tagWork.ToAssign.Select(t => t.Number).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (known is not null && known.TryGetValue(number, out var id))
                {
                    if (id is not null)
                    {
                        resolved[number] = id;
                    }
                }
                else
                {
                    toAsk.Add(number);
                }
            }

            foreach (var (number, id) in await _tags.ResolveAsync(siteId, toAsk, cancellationToken).ConfigureAwait(false))
            {
                resolved[number] = id;
            }
        }
        catch (SaltoKsApiException ex) when (IsMissingTagEndpoint(ex))
        {
            // An unconfirmed endpoint never fails a run: one warning, and tag writes are off for the site this run.
            tagsUsable = false;
            SyncLog.TagEndpointsMissing(_logger, siteId, ex.Status);
            warnings.Add(new SyncWarning
            {
                Kind = SyncWarningKind.TagEndpointsMissing,
                SiteId = siteId,
                Message = $"Site {siteId} answered {ex.Status} on its tag endpoint, so tags are not assigned there this run; " +
                          "the report still compares Access Card Ids with the tag numbers SALTO shows (TagDifferences).",
            });
        }
        catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
        {
            tagsUsable = false;
            errors.Add(new SyncError { Kind = SyncErrorKind.Tag, SiteId = siteId, Message = $"Reading the tags of site {siteId} failed; tags are left as they are this run: {PlanExecutor.Describe(ex)}" });
        }

        var creationTags = CreationTags(site.Plan.Plan.UserCreations, tagWork, resolved);

        // One writer per site: the executor's and the tag assigner's records share its group commits, in order.
        var writer = new SyncStateWriter(_store, site.Journal);
        var result = await _executor.ExecuteAsync(
            new SiteExecutionInput
            {
                Plan = site.Plan.Plan,
                HoldRemovals = decision.RemovalsHeld,
                Statuses = site.State.GroupStatuses,
                Journal = site.Journal,
                CreationTags = creationTags,
            },
            writer,
            dryRun,
            cancellationToken).ConfigureAwait(false);
        changes.AddRange(result.Changes);
        creations.AddRange(result.Creations);
        errors.AddRange(result.Errors);

        if (tagsUsable)
        {
            var users = new Dictionary<long, MatchedIdentity>(site.Identities.Matched);
            foreach (var (customerId, created) in result.Created)
            {
                users[customerId] = created;
            }

            tagWork.ToAssign.RemoveAll(t => result.TaggedAtCreation.TryGetValue(t.CustomerId, out var number) && string.Equals(number, t.Number, StringComparison.OrdinalIgnoreCase));

            // A number the user already shows as its tag_number is held already: nothing to send, and not the SDK's to record.
            var heldNumbers = site.Users.Where(u => u.User?.TagNumber is not null).DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => u.User!.TagNumber!.Trim());
            tagWork.ToAssign.RemoveAll(t => users.TryGetValue(t.CustomerId, out var user) && heldNumbers.TryGetValue(user.SiteUserId, out var held) &&
                                            string.Equals(held, t.Number, StringComparison.OrdinalIgnoreCase));
            tags.AddRange(await _tags.ApplyAsync(siteId, tagWork, resolved, users, dryRun, errors, writer, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Records what reading and matching learned: identity links, settled journal entries, a ledger that matches SALTO and the memory of empty group reads.</summary>
    private async Task RecordBookkeepingAsync(SiteRun site, CancellationToken cancellationToken)
    {
        var siteId = site.SiteId;
        List<KeyValuePair<string, string?>> values = [];
        var changes = new SyncStateChanges
        {
            IdentitiesToSave = site.Identities.LinksToSave,
            IdentitiesToRemove = [.. site.Identities.LinksToForget.Select(id => (siteId, id))],
            MembershipsAdded = site.Settled,
            MembershipsRemoved = site.Plan.StaleLedgerEntries,
            PendingMembershipsRemoved = site.SettledEntries.Count > 0 ? site.Journal.Remove(site.SettledEntries) : [],
            Values = values,
        };
        if (site.EmptyGroupMemory is { } memory)
        {
            values.Add(memory);
        }

        if (!changes.IsEmpty)
        {
            await _store.ApplyAsync(changes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Erases the customers the state store knows on this run's sites whom Nexudus no longer has (a by-id read answers
    /// 404) or has archived longer than <see cref="AccessSyncOptions.EraseArchivedAfter"/>. A customer Nexudus still
    /// lists, or whose read fails, is left alone; more erasures than <see cref="RevocationSafety.MaxRevocations"/> in one
    /// run are all held unless the run allows mass revocation.
    /// </summary>
    private async Task<IReadOnlyList<CustomerErasure>> EraseGoneCustomersAsync(
        List<SiteRun> sites, Dictionary<long, Coworker> customers, DateTimeOffset now, RunFlags run, List<SyncError> errors, List<SyncWarning> warnings,
        CancellationToken cancellationToken)
    {
        var candidates = sites.SelectMany(s => s.State.Identities).Select(l => l.CustomerId).Where(id => !customers.ContainsKey(id)).Distinct().Order().ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var due = new List<(long CustomerId, string Reason)>();
        try
        {
            var found = (await _nexudus.GetCoworkersAsync(candidates, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id);
            foreach (var id in candidates)
            {
                if (found.TryGetValue(id, out var customer))
                {
                    if (customer.Archived == true && _options.EraseArchivedAfter is { } after && customer.UpdatedOn is { } since && since <= now - after)
                    {
                        due.Add((id, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"archived in Nexudus since {since:yyyy-MM-dd}")));
                    }

                    continue;
                }

                // Missing from a batch is not proof: only Nexudus answering 404 for the customer is.
                try
                {
                    await _nexudus.GetCoworkerAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (NexudusNotFoundException)
                {
                    due.Add((id, "deleted in Nexudus"));
                }
            }
        }
        catch (Exception ex) when (ex is NexudusApiException or HttpRequestException or TimeoutException ||
                                   (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            errors.Add(new SyncError { Kind = SyncErrorKind.NexudusRead, Message = $"Reading customers who left Nexudus failed; nobody is erased this run: {ex.Message}" });
            return [];
        }

        if (due.Count == 0)
        {
            return [];
        }

        if (due.Count > _options.Safety.MaxRevocations && !run.AllowMassRevocation)
        {
            SyncLog.ErasuresHeld(_logger, due.Count);
            warnings.Add(new SyncWarning
            {
                Kind = SyncWarningKind.ErasuresHeld,
                Message = $"{due.Count} customers are due for erasure (deleted or long archived in Nexudus), more than Safety:MaxRevocations allows in one run; " +
                          "none was erased. Check them, then run with AllowMassRevocation (sync --allow-mass-revocation).",
            });
            return [];
        }

        var siteIds = Locations.Select(l => l.Links.SaltoSiteId?.Trim()).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var erasures = new List<CustomerErasure>();
        foreach (var (customerId, reason) in due)
        {
            var erasure = await CustomerEraser.EraseCoreAsync(_salto, _store, siteIds, customerId, reason, run.DryRun, _logger, cancellationToken).ConfigureAwait(false);
            erasures.Add(erasure);
            errors.AddRange(erasure.Sites.Where(s => s.Error is not null).Select(s => new SyncError { Kind = SyncErrorKind.Erasure, SiteId = s.SiteId, Message = s.Error! }));
        }

        return erasures;
    }

    private IReadOnlyList<SyncLocation> Locations => _runLocations ?? _options.Locations;

    private static SyncCallCounts Calls(ServiceCallTally tally) => new()
    {
        Nexudus = new ServiceCallCount { Reads = tally.NexudusReads, Writes = tally.NexudusWrites },
        SaltoKs = new ServiceCallCount { Reads = tally.SaltoReads, Writes = tally.SaltoWrites },
    };

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool LinksGroup(LocationLinks links, string groupId) =>
        links.TimePassGroups.Values.Concat(links.FloorPlanDeskGroups.Values).Concat(links.ResourceGroups.Values)
            .Any(list => (list ?? []).Any(g => Same(g?.Trim() ?? string.Empty, groupId)));

    // A 404 or 405 from the tag list: the site has no such endpoint (the site itself answered the users read).
    private static bool IsMissingTagEndpoint(Exception exception) => exception is SaltoKsApiException { Status: 404 or 405 };

    /// <summary>The per-run settings in force: <see cref="SyncRunOptions"/> over <see cref="AccessSyncOptions"/>.</summary>
    /// <param name="DryRun">Whether the run writes nothing.</param>
    /// <param name="AllowMassRevocation">Whether the run releases removals the guard would hold.</param>
    /// <param name="RebuildOwnership">Whether the run claims the memberships of entitled customers for the SDK.</param>
    /// <param name="Customers">The customers of a targeted run; <see langword="null"/> for a whole run.</param>
    /// <param name="TeamPayers">The customers whose paid teams a targeted run covers too.</param>
    /// <param name="BookingsOnly">Whether a targeted run is about bookings only (see <see cref="SyncRunOptions.BookingsOnly"/>).</param>
    private sealed record RunFlags(
        bool DryRun, bool AllowMassRevocation, bool RebuildOwnership, IReadOnlyCollection<long>? Customers, IReadOnlyCollection<long> TeamPayers,
        bool BookingsOnly);
}
