namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// When the worker runs a job next: after a success, at the next interval or the next window edge, whichever
/// comes first; after a failure, after an exponential back-off; once quarantined, rarely. Pure: no clock, no I/O.
/// </summary>
internal static class WorkerSchedule
{
    /// <summary>The first run after a successful sync.</summary>
    /// <param name="options">The worker's settings.</param>
    /// <param name="now">When the run finished.</param>
    /// <param name="nextEdge">The next instant at which entitlements change by themselves, if any.</param>
    public static DateTimeOffset AfterSyncSuccess(SaltoWorkerOptions options, DateTimeOffset now, DateTimeOffset? nextEdge) =>
        WithEdge(options, now, now + options.SyncInterval, nextEdge);

    /// <summary>The first run after a failed run.</summary>
    /// <param name="options">The worker's settings.</param>
    /// <param name="now">When the run failed.</param>
    /// <param name="consecutiveFailures">How many runs in a row have failed, this one included (at least 1).</param>
    /// <param name="nextEdge">The next edge, when the failed run still knew it; a quarantined job ignores it.</param>
    public static DateTimeOffset AfterFailure(SaltoWorkerOptions options, DateTimeOffset now, int consecutiveFailures, DateTimeOffset? nextEdge = null) =>
        IsQuarantined(options, consecutiveFailures)
            ? now + options.QuarantineRetryInterval
            : WithEdge(options, now, now + BackOff(options, consecutiveFailures), nextEdge);

    /// <summary>Tells whether a job that failed this many times in a row is quarantined.</summary>
    public static bool IsQuarantined(SaltoWorkerOptions options, int consecutiveFailures) =>
        consecutiveFailures >= options.QuarantineAfterFailures;

    /// <summary>The wait after the given number of failures in a row: the retry delay, doubled per failure, capped.</summary>
    public static TimeSpan BackOff(SaltoWorkerOptions options, int consecutiveFailures)
    {
        var delay = options.RetryDelay;
        for (int i = 1; i < consecutiveFailures && delay < options.MaxRetryDelay; i++)
        {
            delay += delay;
        }

        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    // An edge wakes the job a little after it (so the edge has passed on every clock), never before now.
    private static DateTimeOffset WithEdge(SaltoWorkerOptions options, DateTimeOffset now, DateTimeOffset planned, DateTimeOffset? nextEdge)
    {
        if (nextEdge is not { } edge)
        {
            return planned;
        }

        var atEdge = edge + options.EdgeMargin;
        if (atEdge < now)
        {
            atEdge = now;
        }

        return atEdge < planned ? atEdge : planned;
    }
}
