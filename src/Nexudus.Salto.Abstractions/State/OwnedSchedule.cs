namespace Nexudus.Salto.State;

/// <summary>A SALTO access-group time schedule the SDK wrote from a pass's Nexudus time slots.</summary>
public sealed record OwnedSchedule
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO access-group id.</summary>
    /// <value>The group.</value>
    public required string GroupId { get; init; }

    /// <summary>Gets the SALTO time-schedule id.</summary>
    /// <value>The schedule.</value>
    public required string ScheduleId { get; init; }

    /// <summary>Gets a fingerprint of the schedule's content, to see whether it needs rewriting.</summary>
    /// <value>An opaque string chosen by the writer.</value>
    public required string Fingerprint { get; init; }
}
