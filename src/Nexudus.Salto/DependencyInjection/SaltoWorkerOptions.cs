using System.ComponentModel.DataAnnotations;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The background worker's schedule, bound from <c>SaltoIntegration:Worker</c>: how often it syncs and
/// bridges check-ins, how closely it follows booking edges, and how it backs off when runs fail.
/// </summary>
public sealed class SaltoWorkerOptions
{
    /// <summary>Gets or sets the time between two full syncs when nothing else wakes the worker.</summary>
    /// <value>15 minutes; at least one second.</value>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the time between two passes of the check-in bridge.</summary>
    /// <value>1 minute; at least one second.</value>
    public TimeSpan CheckInInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets whether the worker runs the check-in bridge at all.</summary>
    /// <value><see langword="true"/>.</value>
    public bool EnableCheckIns { get; set; } = true;

    /// <summary>
    /// Gets or sets how long after a window edge (a booking opening or closing, a pass expiring) the
    /// worker syncs, so the edge has surely passed on the service's clock too.
    /// </summary>
    /// <value>1 second; between zero and one minute.</value>
    public TimeSpan EdgeMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the first wait after a failed run; each further failure doubles it.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest wait between two attempts while runs keep failing.</summary>
    /// <value>10 minutes.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets after how many failed runs in a row the job is quarantined: it then tries only every
    /// <see cref="QuarantineRetryInterval"/>, reports Unhealthy, and logs one clear error until a run succeeds.
    /// </summary>
    /// <value>5 failures.</value>
    [Range(1, 1000)]
    public int QuarantineAfterFailures { get; set; } = 5;

    /// <summary>Gets or sets the time between two attempts of a quarantined job.</summary>
    /// <value>1 hour.</value>
    public TimeSpan QuarantineRetryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how old the last successful sync may be before the health check reports Degraded
    /// (twice this long: Unhealthy).
    /// </summary>
    /// <value>1 hour.</value>
    public TimeSpan HealthySyncAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how many integrations of one host run a job (a sync or a check-in pass) at the same time; the
    /// others wait for a free slot. Each integration keeps its own schedule, back-off and quarantine, so one that
    /// fails, hangs or is quarantined never delays another while a slot is free.
    /// </summary>
    /// <value>4; between 1 and 256. Host-wide: read from the default integration's <c>SaltoIntegration:Worker</c> section.</value>
    [Range(1, 256)]
    public int MaxConcurrentIntegrations { get; set; } = 4;
}
