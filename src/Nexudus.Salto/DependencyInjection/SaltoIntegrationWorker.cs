using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.State;
using Nexudus.Salto.Webhooks;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// Keeps SALTO KS in step with Nexudus while the host runs: a full sync every
/// <see cref="SaltoWorkerOptions.SyncInterval"/> and at every window edge the last sync reported (so a
/// booking's access opens and closes within seconds of its window), and the check-in bridge every
/// <see cref="SaltoWorkerOptions.CheckInInterval"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every wait goes through <see cref="TimeProvider"/>. A failed run is retried after an exponential
/// back-off; after <see cref="SaltoWorkerOptions.QuarantineAfterFailures"/> failures in a row the job is
/// quarantined (tried every <see cref="SaltoWorkerOptions.QuarantineRetryInterval"/>, one error log line,
/// Unhealthy) until a run succeeds. A run refused because another process holds the state store's lease is
/// skipped and logged once, not counted as a failure.
/// </para>
/// <para>
/// With a webhook inbox (<see cref="IWebhookInbox"/>), events recorded by the webhook endpoint are applied by
/// targeted runs: the worker wakes when one arrives (and at start, for events a previous process recorded), applies an
/// event that found it idle at once, waits <see cref="SaltoWebhookOptions.CoalesceWindow"/> after the first of the
/// events that arrive while a run works so a burst becomes one run, and removes the events only once the run
/// succeeded. A run whose events are all about bookings reads only the customers' records and bookings where the
/// links allow it (<see cref="Sync.SyncRunOptions.BookingsOnly"/>). A burst naming more than <see cref="SaltoWebhookOptions.MaxTargetedCustomers"/> customers, or an
/// event that can change anyone's access, runs a full sync instead; a successful full sync also settles every event
/// received before it started.
/// </para>
/// <para>
/// On shutdown the stopping token is passed down to the running job. The state store applies each batch
/// atomically, so a cancelled run leaves it as it was before the batch; the next run carries on from there.
/// </para>
/// </remarks>
internal sealed class SaltoIntegrationWorker : BackgroundService
{
    private readonly IIntegrationRuns _runs;
    private readonly SaltoWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly WorkerStatus _status;
    private readonly SaltoMetrics _metrics;
    private readonly ILogger _logger;
    private readonly bool[] _lockLogged = new bool[2];
    private DateTimeOffset? _pendingEdge;
    private readonly IWebhookInbox? _inbox;
    private readonly WebhookSignal? _signal;
    private readonly SaltoWebhookOptions _webhooks;
    private int _webhookFailures;
    private DateTimeOffset? _lastRunEnded;

    public SaltoIntegrationWorker(
        IIntegrationRuns runs,
        IOptions<SaltoIntegrationOptions> options,
        TimeProvider time,
        WorkerStatus status,
        SaltoMetrics metrics,
        ILogger logger,
        IWebhookInbox? inbox = null,
        WebhookSignal? signal = null)
    {
        _inbox = inbox;
        _signal = signal;
        _webhooks = options.Value.Webhooks ?? new SaltoWebhookOptions();
        _runs = runs;
        _options = options.Value.Worker;
        _time = time;
        _status = status;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Called with each instant the worker starts waiting for, once its timer is set (a seam for tests).</summary>
    internal Action<DateTimeOffset>? Waiting { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var now = _time.GetUtcNow();
        _status.Started(now);
        bool checkIns = _options.EnableCheckIns && _runs.HasCheckIns;
        WorkerLog.Started(_logger, _options.SyncInterval, _options.CheckInInterval, checkIns);

        var nextSync = now;
        DateTimeOffset? nextCheckIns = checkIns ? now : null;

        // Events a previous process recorded are applied after the first sync (which settles those it covers).
        DateTimeOffset? nextWebhooks = _inbox is null ? null : now;
        Task? signalled = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (_time.GetUtcNow() >= nextSync)
                {
                    nextSync = await RunSyncAsync(stoppingToken).ConfigureAwait(false);
                    WorkerLog.Scheduled(_logger, WorkerJob.Sync, nextSync);
                }

                if (nextWebhooks is { } webhooksDue && _time.GetUtcNow() >= webhooksDue)
                {
                    (nextWebhooks, var fullSyncNow, var edge) = await RunWebhooksAsync(stoppingToken).ConfigureAwait(false);
                    if (fullSyncNow)
                    {
                        nextSync = _time.GetUtcNow();
                        continue;
                    }

                    if (edge is { } e && WorkerSchedule.AfterSyncSuccess(_options, _time.GetUtcNow(), e) is var atEdge && atEdge < nextSync)
                    {
                        // A booking an event created opens (or closes) before the next planned run.
                        nextSync = atEdge;
                    }
                }

                if (nextCheckIns is { } due && _time.GetUtcNow() >= due)
                {
                    nextCheckIns = await RunCheckInsAsync(stoppingToken).ConfigureAwait(false);
                    WorkerLog.Scheduled(_logger, WorkerJob.CheckIns, nextCheckIns.Value);
                }

                var wakeAt = nextCheckIns is { } c && c < nextSync ? c : nextSync;
                if (nextWebhooks is { } w && w < wakeAt)
                {
                    wakeAt = w;
                }

                var delay = wakeAt - _time.GetUtcNow();
                if (delay > TimeSpan.Zero)
                {
                    // The timer exists once Task.Delay returns; only then is the wait announced.
                    using var waitEnd = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var wait = Task.Delay(delay, _time, waitEnd.Token);
                    Waiting?.Invoke(wakeAt);
                    if (_signal is null)
                    {
                        await wait.ConfigureAwait(false);
                    }
                    else
                    {
                        signalled ??= _signal.WaitAsync(stoppingToken);
                        if (await Task.WhenAny(wait, signalled).ConfigureAwait(false) == signalled)
                        {
                            await signalled.ConfigureAwait(false);
                            signalled = null;
                            nextWebhooks ??= _time.GetUtcNow();
                            await waitEnd.CancelAsync().ConfigureAwait(false);
                            await wait.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
                        }
                        else
                        {
                            await wait.ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the running job saw the same token and stopped between atomic batches.
        }

        WorkerLog.Stopped(_logger);
    }

    /// <summary>
    /// Applies the events in the inbox: waits out the coalescing window of the oldest, then runs one targeted sync for
    /// every customer they name (or asks for a full sync), and removes them once the run succeeded.
    /// </summary>
    /// <returns>When to look at the inbox next (<see langword="null"/>: when signalled), whether to run a full sync now, and the edge a targeted run reported.</returns>
    private async Task<(DateTimeOffset? Next, bool FullSync, DateTimeOffset? Edge)> RunWebhooksAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        IReadOnlyList<WebhookEvent> events;
        try
        {
            events = await _inbox!.ReadWebhookEventsAsync(MaxEventsPerRun, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (WebhookFailed(ex, Describe(ex)), false, null);
        }

        if (events.Count == 0)
        {
            return (null, false, null);
        }

        // An event that found the worker idle (it arrived after the last run ended, and no older one waits) is
        // applied at once; events that arrive while a run works wait out the window, so a burst becomes one run.
        var idle = _lastRunEnded is not { } ended || events[0].ReceivedAt > ended;
        var ready = idle ? events[0].ReceivedAt : events[0].ReceivedAt + _webhooks.CoalesceWindow;
        if (ready > now)
        {
            return (ready, false, null);
        }

        var customers = events.SelectMany(e => e.CustomerIds).ToHashSet();
        var payers = events.SelectMany(e => e.TeamPayerIds).ToHashSet();
        if (events.Any(e => e.CustomerIds.Count == 0) || customers.Count + payers.Count > _webhooks.MaxTargetedCustomers)
        {
            // Cheaper (or needed) as a whole run: the full sync settles these events when it succeeds.
            WebhookLog.Applying(_logger, events.Count, "full", customers.Count);
            return (null, true, null);
        }

        WebhookLog.Applying(_logger, events.Count, "targeted", customers.Count);
        SyncRunOutcome outcome;
        try
        {
            outcome = await _runs.SyncCustomersAsync(
                [.. customers.Order()], [.. payers.Order()], events.All(e => WebhookEventFactory.KindOf(e.Action) == WebhookEventFactory.RecordKind.Booking),
                cancellationToken).ConfigureAwait(false);
        }
        catch (SyncStateLockedException)
        {
            return (_time.GetUtcNow() + _options.RetryDelay, false, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (WebhookFailed(ex, Describe(ex)), false, null);
        }
        finally
        {
            _lastRunEnded = _time.GetUtcNow();
        }

        if (outcome.Locked)
        {
            return (_time.GetUtcNow() + _options.RetryDelay, false, null);
        }

        if (!outcome.Succeeded)
        {
            return (WebhookFailed(null, outcome.Failure ?? "the targeted sync reported failures"), false, null);
        }

        // Applied: only now may the events leave the inbox. More may be waiting.
        _webhookFailures = 0;
        await _inbox.RemoveWebhookEventsAsync(events.Select(e => e.Id), cancellationToken).ConfigureAwait(false);
        return (_time.GetUtcNow(), false, outcome.NextEdge > now ? outcome.NextEdge : null);
    }

    private DateTimeOffset WebhookFailed(Exception? exception, string failure)
    {
        _webhookFailures++;
        var next = _time.GetUtcNow() + WorkerSchedule.BackOff(_options, _webhookFailures);
        WebhookLog.ApplyFailed(_logger, exception, failure, next);
        return next;
    }

    /// <summary>Removes the events a successful full sync that started at <paramref name="startedAt"/> covered.</summary>
    private async Task SettleWebhooksAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        if (_inbox is null)
        {
            return;
        }

        while (true)
        {
            var events = await _inbox.ReadWebhookEventsAsync(MaxEventsPerRun, cancellationToken).ConfigureAwait(false);
            var covered = events.Where(e => e.ReceivedAt <= startedAt).Select(e => e.Id).ToList();
            if (covered.Count == 0)
            {
                return;
            }

            await _inbox.RemoveWebhookEventsAsync(covered, cancellationToken).ConfigureAwait(false);
            if (covered.Count < events.Count)
            {
                return;
            }
        }
    }

    private async Task<DateTimeOffset> RunSyncAsync(CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        SyncRunOutcome outcome;
        try
        {
            outcome = await _runs.SyncAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SyncStateLockedException locked)
        {
            return Locked(WorkerJob.Sync, locked.Location);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics.SyncDuration.Record((_time.GetUtcNow() - startedAt).TotalSeconds, new KeyValuePair<string, object?>("outcome", "failed"));
            return Failed(WorkerJob.Sync, ex, Describe(ex), edge: null);
        }
        finally
        {
            _lastRunEnded = _time.GetUtcNow();
        }

        if (outcome.Locked)
        {
            return Locked(WorkerJob.Sync, location: null);
        }

        var finishedAt = _time.GetUtcNow();
        _metrics.SyncDuration.Record(
            (finishedAt - startedAt).TotalSeconds,
            new KeyValuePair<string, object?>("outcome", outcome.Succeeded ? "completed" : "failed"));
        if (!outcome.Succeeded)
        {
            // An edge that has passed stays pending: its delay is measured when a run finally applies it.
            if (_pendingEdge is not { } passed || passed > startedAt)
            {
                _pendingEdge = outcome.NextEdge;
            }

            // An edge this run started after was already attempted: back off rather than retry at once.
            var edgeAhead = outcome.NextEdge > startedAt ? outcome.NextEdge : null;
            return Failed(WorkerJob.Sync, exception: null, outcome.Failure ?? "the sync reported failures", edgeAhead);
        }

        if (_pendingEdge is { } edge && edge <= startedAt)
        {
            _metrics.EdgeDelay.Record((finishedAt - edge).TotalSeconds);
        }

        _pendingEdge = outcome.NextEdge;
        Succeeded(WorkerJob.Sync, finishedAt, outcome.Warning);
        try
        {
            await SettleWebhooksAsync(startedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The events stay in the inbox; a later run settles or applies them.
            WebhookLog.ApplyFailed(_logger, ex, Describe(ex), _time.GetUtcNow());
        }

        if (outcome.Warning is { } warning)
        {
            WorkerLog.FinishedWithErrors(_logger, WorkerJob.Sync, warning);
        }

        WorkerLog.Finished(_logger, WorkerJob.Sync, finishedAt - startedAt, outcome.NextEdge);
        // The engine reports edges after the instant it resolved for; an older one would only spin the loop. A site
        // another process holds is tried again when its lease would lapse, so a dead holder's sites are taken over
        // within the lease's time to live.
        var wake = outcome.NextEdge > startedAt ? outcome.NextEdge : null;
        if (outcome.LeaseExpires is { } expires && expires > finishedAt && (wake is null || expires < wake))
        {
            wake = expires;
        }

        return WorkerSchedule.AfterSyncSuccess(_options, finishedAt, wake);
    }

    private async Task<DateTimeOffset> RunCheckInsAsync(CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        JobRunOutcome outcome;
        try
        {
            outcome = await _runs.CheckInsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SyncStateLockedException locked)
        {
            return Locked(WorkerJob.CheckIns, locked.Location);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(WorkerJob.CheckIns, ex, Describe(ex), edge: null);
        }

        var finishedAt = _time.GetUtcNow();
        if (!outcome.Succeeded)
        {
            return Failed(WorkerJob.CheckIns, exception: null, outcome.Failure ?? "the check-in pass reported failures", edge: null);
        }

        Succeeded(WorkerJob.CheckIns, finishedAt);
        WorkerLog.Finished(_logger, WorkerJob.CheckIns, finishedAt - startedAt, nextEdge: null);
        return finishedAt + _options.CheckInInterval;
    }

    private void Succeeded(WorkerJob job, DateTimeOffset at, string? warning = null)
    {
        var previous = _status[job];
        if (previous.ConsecutiveFailures > 0)
        {
            WorkerLog.Recovered(_logger, job, previous.ConsecutiveFailures);
        }

        _lockLogged[(int)job] = false;
        _status.Set(job, previous with { LastSuccessAt = at, LastWarning = warning, ConsecutiveFailures = 0, Quarantined = false });
    }

    private DateTimeOffset Failed(WorkerJob job, Exception? exception, string failure, DateTimeOffset? edge)
    {
        var now = _time.GetUtcNow();
        var previous = _status[job];
        int failures = previous.ConsecutiveFailures + 1;
        bool quarantined = WorkerSchedule.IsQuarantined(_options, failures);
        var next = WorkerSchedule.AfterFailure(_options, now, failures, edge);
        _status.Set(job, previous with
        {
            LastFailureAt = now,
            LastFailure = failure,
            ConsecutiveFailures = failures,
            Quarantined = quarantined,
        });
        _metrics.Errors.Add(1, new KeyValuePair<string, object?>("operation", job == WorkerJob.Sync ? "sync" : "checkins"));

        if (quarantined && !previous.Quarantined)
        {
            WorkerLog.Quarantined(_logger, job, failures, failure, _options.QuarantineRetryInterval);
        }
        else if (!quarantined)
        {
            WorkerLog.Failed(_logger, exception, job, failure, failures, next);
        }

        return next;
    }

    private DateTimeOffset Locked(WorkerJob job, string? location)
    {
        var next = _time.GetUtcNow() + _options.RetryDelay;
        if (!_lockLogged[(int)job])
        {
            _lockLogged[(int)job] = true;
            WorkerLog.Locked(_logger, job, location ?? "the state store", next);
        }

        return next;
    }

    /// <summary>The most webhook events one targeted run takes from the inbox.</summary>
    private const int MaxEventsPerRun = 500;

    // The type and message: the clients' exceptions carry redacted messages, never credentials.
    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";
}
