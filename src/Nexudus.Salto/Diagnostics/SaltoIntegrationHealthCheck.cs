using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Nexudus.Salto.DependencyInjection;

namespace Nexudus.Salto.Diagnostics;

/// <summary>
/// Reports the background worker's health: Unhealthy while a job is quarantined or the last successful
/// sync is older than twice <see cref="SaltoWorkerOptions.HealthySyncAge"/>; Degraded while runs fail (and
/// are being retried), the last successful sync is older than <see cref="SaltoWorkerOptions.HealthySyncAge"/>,
/// or the last sync left parts (a group, a user, a tag) to be retried; Healthy otherwise.
/// </summary>
/// <remarks>
/// Until the first sync succeeds, the age counts from the worker's start, so a fresh host is not reported
/// unhealthy while its first run is under way. The data holds ages and counts only.
/// </remarks>
internal sealed class SaltoIntegrationHealthCheck : IHealthCheck
{
    private readonly WorkerStatus _status;
    private readonly SaltoWorkerOptions _options;
    private readonly TimeProvider _time;

    public SaltoIntegrationHealthCheck(WorkerStatus status, IOptions<SaltoIntegrationOptions> options, TimeProvider time)
    {
        _status = status;
        _options = options.Value.Worker;
        _time = time;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var sync = _status[WorkerJob.Sync];
        var checkIns = _status[WorkerJob.CheckIns];
        if (_status.StartedAt is not { } startedAt)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The Nexudus–SALTO worker is not running.", data: Data(sync, checkIns, age: null)));
        }

        var age = now - (sync.LastSuccessAt ?? startedAt);
        var data = Data(sync, checkIns, age);
        var since = sync.LastSuccessAt is null ? "since the worker started" : "since the last successful sync";
        HealthCheckResult result;
        if (sync.Quarantined || checkIns.Quarantined)
        {
            var job = sync.Quarantined ? WorkerJob.Sync : WorkerJob.CheckIns;
            var status = _status[job];
            result = HealthCheckResult.Unhealthy(
                $"{job} is quarantined after {status.ConsecutiveFailures} failed runs in a row; last failure: {status.LastFailure}", data: data);
        }
        else if (age > _options.HealthySyncAge + _options.HealthySyncAge)
        {
            result = HealthCheckResult.Unhealthy($"No successful sync for {Format(age)} {since}.", data: data);
        }
        else if (age > _options.HealthySyncAge)
        {
            result = HealthCheckResult.Degraded($"No successful sync for {Format(age)} {since}.", data: data);
        }
        else if (sync.ConsecutiveFailures > 0 || checkIns.ConsecutiveFailures > 0)
        {
            var job = sync.ConsecutiveFailures > 0 ? WorkerJob.Sync : WorkerJob.CheckIns;
            result = HealthCheckResult.Degraded(
                $"{job} failed {_status[job].ConsecutiveFailures} time(s) in a row and is being retried; last failure: {_status[job].LastFailure}", data: data);
        }
        else if (sync.LastWarning is { } warning)
        {
            result = HealthCheckResult.Degraded($"The last sync worked but parts of it failed and are being retried: {warning}", data: data);
        }
        else
        {
            result = HealthCheckResult.Healthy($"Last successful sync {Format(age)} ago.", data);
        }

        return Task.FromResult(result);
    }

    private static string Format(TimeSpan age) => age.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static Dictionary<string, object> Data(WorkerJobStatus sync, WorkerJobStatus checkIns, TimeSpan? age)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sync.consecutive_failures"] = sync.ConsecutiveFailures,
            ["sync.quarantined"] = sync.Quarantined,
            ["checkins.consecutive_failures"] = checkIns.ConsecutiveFailures,
            ["checkins.quarantined"] = checkIns.Quarantined,
        };
        if (age is { } a)
        {
            data["sync.age_seconds"] = Math.Round(a.TotalSeconds);
        }

        if (sync.LastSuccessAt is { } last)
        {
            data["sync.last_success"] = last;
        }

        return data;
    }
}
