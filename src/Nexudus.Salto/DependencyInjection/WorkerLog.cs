using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The background worker's log messages, with stable event ids (9000–9099). They name jobs, times and
/// exception types; never a credential, token, PIN or card number.
/// </summary>
internal static partial class WorkerLog
{
    [LoggerMessage(9001, LogLevel.Information, "Nexudus–SALTO worker started: full sync every {SyncInterval}, at booking edges, and check-ins every {CheckInInterval} (check-ins on: {CheckIns}).")]
    public static partial void Started(ILogger logger, TimeSpan syncInterval, TimeSpan checkInInterval, bool checkIns);

    [LoggerMessage(9002, LogLevel.Debug, "Next {Job} run at {At:o}.")]
    public static partial void Scheduled(ILogger logger, WorkerJob job, DateTimeOffset at);

    [LoggerMessage(9003, LogLevel.Information, "{Job} run finished in {Duration}; next edge {NextEdge:o}.")]
    public static partial void Finished(ILogger logger, WorkerJob job, TimeSpan duration, DateTimeOffset? nextEdge);

    [LoggerMessage(9004, LogLevel.Warning, "{Job} run failed ({Failure}); failure {Failures} in a row, next attempt at {NextAttempt:o}.")]
    public static partial void Failed(ILogger logger, Exception? exception, WorkerJob job, string failure, int failures, DateTimeOffset nextAttempt);

    [LoggerMessage(9005, LogLevel.Error, "{Job} is quarantined after {Failures} failed runs in a row (last: {Failure}). It is now tried only every {RetryInterval} and the health check reports Unhealthy until a run succeeds; fix the cause (credentials, configuration, service status) and the next successful run lifts the quarantine.")]
    public static partial void Quarantined(ILogger logger, WorkerJob job, int failures, string failure, TimeSpan retryInterval);

    [LoggerMessage(9006, LogLevel.Information, "{Job} succeeded again after {Failures} failed runs.")]
    public static partial void Recovered(ILogger logger, WorkerJob job, int failures);

    [LoggerMessage(9007, LogLevel.Warning, "{Job} run skipped: another run holds the sync state ({Location}). Retrying at {NextAttempt:o}; this is logged once until a run gets through.")]
    public static partial void Locked(ILogger logger, WorkerJob job, string? location, DateTimeOffset nextAttempt);

    [LoggerMessage(9009, LogLevel.Warning, "{Job} run finished, but parts of it failed and are retried by later runs ({Warning}); the worker keeps its schedule.")]
    public static partial void FinishedWithErrors(ILogger logger, WorkerJob job, string warning);

    [LoggerMessage(9008, LogLevel.Information, "Nexudus–SALTO worker stopped.")]
    public static partial void Stopped(ILogger logger);
}
