using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.State;

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

    public SaltoIntegrationWorker(
        IIntegrationRuns runs,
        IOptions<SaltoIntegrationOptions> options,
        TimeProvider time,
        WorkerStatus status,
        SaltoMetrics metrics,
        ILogger<SaltoIntegrationWorker> logger)
    {
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
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (_time.GetUtcNow() >= nextSync)
                {
                    nextSync = await RunSyncAsync(stoppingToken).ConfigureAwait(false);
                    WorkerLog.Scheduled(_logger, WorkerJob.Sync, nextSync);
                }

                if (nextCheckIns is { } due && _time.GetUtcNow() >= due)
                {
                    nextCheckIns = await RunCheckInsAsync(stoppingToken).ConfigureAwait(false);
                    WorkerLog.Scheduled(_logger, WorkerJob.CheckIns, nextCheckIns.Value);
                }

                var wakeAt = nextCheckIns is { } c && c < nextSync ? c : nextSync;
                var delay = wakeAt - _time.GetUtcNow();
                if (delay > TimeSpan.Zero)
                {
                    // The timer exists once Task.Delay returns; only then is the wait announced.
                    var wait = Task.Delay(delay, _time, stoppingToken);
                    Waiting?.Invoke(wakeAt);
                    await wait.ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the running job saw the same token and stopped between atomic batches.
        }

        WorkerLog.Stopped(_logger);
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
        if (outcome.Warning is { } warning)
        {
            WorkerLog.FinishedWithErrors(_logger, WorkerJob.Sync, warning);
        }

        WorkerLog.Finished(_logger, WorkerJob.Sync, finishedAt - startedAt, outcome.NextEdge);
        // The engine reports edges after the instant it resolved for; an older one would only spin the loop.
        return WorkerSchedule.AfterSyncSuccess(_options, finishedAt, outcome.NextEdge > startedAt ? outcome.NextEdge : null);
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

    // The type and message: the clients' exceptions carry redacted messages, never credentials.
    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";
}
