namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The worker's view of its jobs, shared with the health check: when each last succeeded or failed, and
/// whether it is quarantined. Updated by the worker only; read from any thread.
/// </summary>
internal sealed class WorkerStatus
{
    private volatile WorkerJobStatus _sync = new();
    private volatile WorkerJobStatus _checkIns = new();
    private long _startedAtTicks = long.MinValue;

    /// <summary>Gets when the worker started, or <see langword="null"/> before it has.</summary>
    public DateTimeOffset? StartedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _startedAtTicks);
            return ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Gets the status of a job.</summary>
    public WorkerJobStatus this[WorkerJob job] => job == WorkerJob.Sync ? _sync : _checkIns;

    /// <summary>Records that the worker started.</summary>
    public void Started(DateTimeOffset at) => Interlocked.Exchange(ref _startedAtTicks, at.UtcTicks);

    /// <summary>Replaces a job's status.</summary>
    public void Set(WorkerJob job, WorkerJobStatus status)
    {
        if (job == WorkerJob.Sync)
        {
            _sync = status;
        }
        else
        {
            _checkIns = status;
        }
    }
}
