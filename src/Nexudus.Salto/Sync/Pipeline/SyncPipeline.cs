using Microsoft.Extensions.Logging;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Guests;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// One sync run as explicit stages over one <see cref="SyncRunContext"/>: read → resolve → (per site) match → plan →
/// guard → (per site) apply and record → guests, erasure → report. <see cref="AccessSynchronizer"/> leases the state
/// and runs this; the stages are where the work is (see <c>docs/architecture.md</c>).
/// </summary>
/// <remarks>
/// Creating users while Nexudus is read (<see cref="AccessSyncOptions.CreateUsersWhileReading"/>) is the same
/// stages run over the lists read so far, scoped to user creations (<see cref="SyncRunContext.CreationsOnly"/>).
/// </remarks>
internal sealed class SyncPipeline
{
    private readonly INexudusClient _nexudus;
    private readonly ISaltoKsClient _salto;
    private readonly ISyncStateStore _store;
    private readonly AccessSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ReadStage _read;
    private readonly ResolveStage _resolve;
    private readonly MatchStage _match;
    private readonly PlanStage _plan;
    private readonly GuardStage _guard;
    private readonly RecordStage _record;
    private readonly ApplyStage _apply;
    private readonly ErasureStage _erasure;

    public SyncPipeline(
        INexudusClient nexudus, ISaltoKsClient salto, ISyncStateStore store, AccessSyncOptions options, TimeProvider time, ILogger logger,
        EntitlementResolver resolver, ISaltoTagResolver tagResolver)
    {
        _nexudus = nexudus;
        _salto = salto;
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _read = new ReadStage(salto, new NexudusSnapshotReader(nexudus, logger, options.NexudusReadConcurrency), options, logger);
        _resolve = new ResolveStage(nexudus, store, resolver, options, logger);
        _match = new MatchStage(store, logger);
        _plan = new PlanStage(logger);
        _guard = new GuardStage(options, logger);
        _record = new RecordStage(store);
        _apply = new ApplyStage(
            new PlanExecutor(salto, options, time, logger),
            new TagAssigner(salto, tagResolver, time, logger, options.SaltoWriteConcurrency),
            new PassScheduleWriter(salto, options, logger),
            new GroupScheduleCheck(salto, logger),
            logger);
        _erasure = new ErasureStage(nexudus, salto, store, options, logger);
    }

    /// <summary>Runs every stage over <paramref name="locations"/> and returns the report.</summary>
    public async Task<SyncReport> RunAsync(
        DateTimeOffset now, ServiceCallTally tally, SyncRunFlags flags, IReadOnlyList<IntegrationLocation> locations, IGuestCredentialSink? guestSink,
        CancellationToken cancellationToken)
    {
        SyncLog.RunStarted(_logger, flags.DryRun, locations.Count);

        // SALTO's side does not depend on Nexudus for the configured groups: read it meanwhile (unless reads are sequential).
        using var saltoGate = new SemaphoreSlim(Math.Max(1, _options.SaltoReadConcurrency));
        var siteReads = new Dictionary<string, SaltoSiteReads>(StringComparer.OrdinalIgnoreCase);
        var run = new SyncRunContext
        {
            Now = now,
            Flags = flags,
            Locations = locations,
            Tally = tally,
            ReadsOf = _read.StartSaltoReads(locations, saltoGate, siteReads, cancellationToken),
        };
        try
        {
            // Users are not created ahead of the invoices: a customer suspended for an overdue invoice gets none.
            var createWhileReading = _options.CreateUsersWhileReading && !run.Flags.DryRun && run.Flags.Customers is null && !PaymentAwareAccess.IsOn(run.Locations);
            await _read.ReadAsync(run, createWhileReading ? lists => CreateUsersWhileReadingAsync(run.ForCreations(lists), cancellationToken) : null, cancellationToken)
                .ConfigureAwait(false);
            await _resolve.ResolveAsync(run, cancellationToken).ConfigureAwait(false);

            // Read and plan every site first: the guard judges the run as a whole.
            foreach (var siteId in run.SiteIds)
            {
                using var activity = SaltoMetrics.ActivitySource.StartActivity("sync.plan");
                activity?.SetTag("site", siteId);
                if (await _match.MatchAsync(run, siteId, cancellationToken).ConfigureAwait(false) is not { } match)
                {
                    run.SaltoReadFailed = true;
                    continue;
                }

                var site = _plan.Plan(run, match);
                run.SaltoReadFailed |= site.Members.Count < run.Desired.ManagedGroups.Count(g => SyncRunContext.Same(g.SiteId, siteId));
                run.Sites.Add(site);
            }

            _guard.Judge(run);
            run.Creations.AddRange(run.Early.Creations);
            await _record.RecordSuspensionsAsync(run, cancellationToken).ConfigureAwait(false);
            foreach (var site in run.Sites)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await _apply.ApplyAsync(run, site, cancellationToken).ConfigureAwait(false);
            }

            // Guests and visitors: SALTO guest users of their own, created and deleted for reasons in Nexudus only.
            if (run.Scope is null)
            {
                run.Guests = await new GuestAccess(_nexudus, _salto, _store, guestSink ?? new LoggingGuestCredentialSink(_logger), _time, _options.BookingLookAhead, _logger)
                    .RunAsync(
                        new GuestRunInput
                        {
                            Locations = run.Locations, Desired = run.Desired, Snapshot = run.Snapshot, Customers = run.Customers, Now = run.Now,
                            NexudusReadClean = !run.NexudusReadFailed && !run.InvoiceReadFailed, DryRun = run.Flags.DryRun,
                        },
                        cancellationToken).ConfigureAwait(false);
                run.Errors.AddRange(run.Guests.Errors);
            }

            // Erasure: customers gone from Nexudus (or archived longer than EraseArchivedAfter), judged on a whole, clean read only.
            await _erasure.EraseAsync(run, cancellationToken).ConfigureAwait(false);
            return Report(run);
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

    /// <summary>The service calls a tally counted, as the report gives them.</summary>
    public static SyncCallCounts Calls(ServiceCallTally tally) => new()
    {
        Nexudus = new ServiceCallCount { Reads = tally.NexudusReads, Writes = tally.NexudusWrites },
        SaltoKs = new ServiceCallCount { Reads = tally.SaltoReads, Writes = tally.SaltoWrites },
    };

    /// <summary>
    /// The creation-only run: while the rest of Nexudus is still read, creates per site the missing SALTO users of the
    /// customers that the lists (everything but the contracts and teams) already entitle. The rules only grant, so
    /// everyone entitled by part of the records is entitled by all of them. Reads and tag look-ups it cannot do are
    /// left for the whole run, which reports them; creations it makes are recorded as the executor always does.
    /// </summary>
    private async Task<EarlyUserCreations> CreateUsersWhileReadingAsync(SyncRunContext run, CancellationToken cancellationToken)
    {
        // Off the reader's path at once: it goes on reading while this works.
        await Task.Yield();
        await _resolve.ResolveAsync(run, cancellationToken).ConfigureAwait(false);
        foreach (var siteId in run.SiteIds)
        {
            if (!run.Desired.Memberships.Any(m => SyncRunContext.Same(m.SiteId, siteId)) ||
                await _match.MatchAsync(run, siteId, cancellationToken).ConfigureAwait(false) is not { } match)
            {
                continue;
            }

            var site = _plan.Plan(run, match);
            if (site.Plan.Plan.UserCreations.Count > 0)
            {
                await _apply.CreateUsersAsync(run, site, cancellationToken).ConfigureAwait(false);
            }
        }

        return run.Early;
    }

    private SyncReport Report(SyncRunContext run)
    {
        var decision = run.Decision;
        var result = run.Errors.Count > 0 ? SyncResult.Failed : decision.RemovalsHeld ? SyncResult.RemovalsHeld : SyncResult.Completed;
        return new SyncReport
        {
            Result = result,
            DryRun = run.Flags.DryRun,
            StartedAt = run.Now,
            FinishedAt = _time.GetUtcNow(),
            SnapshotRead = run.Read!.Kind,
            Revocation = decision,
            Changes = [.. run.Changes
                .OrderBy(c => c.SiteId, StringComparer.Ordinal).ThenBy(c => c.GroupId, StringComparer.Ordinal)
                .ThenBy(c => c.Kind).ThenBy(c => c.CustomerId ?? long.MaxValue).ThenBy(c => c.UserId?.Value, StringComparer.OrdinalIgnoreCase)],
            UserCreations = run.Creations,
            Tags = run.Tags,
            Schedules = run.Schedules,
            TagDifferences = run.TagDifferences,
            Warnings = run.Warnings,
            IdentityIssues = [.. run.Sites.SelectMany(s => s.Plan.Plan.IdentityIssues)],
            ClaimedMemberships = [.. run.Sites.SelectMany(s => s.Rebuilt)],
            LinkIssues = run.Desired.Issues,
            Errors = run.Errors,
            Calls = run.Tally is { } tally ? Calls(tally) : new SyncCallCounts(),
            PaymentSuspensions = [.. run.Payments.InForce, .. run.Payments.Lifted],
            Erasures = run.Erasures,
            Guests = run.Guests.Changes,
            NextEdge = Earliest(Earliest(run.Desired.NextEdge, run.Payments.NextStart), run.Guests.NextEdge),
        };
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a <= b ? a : b;
}
