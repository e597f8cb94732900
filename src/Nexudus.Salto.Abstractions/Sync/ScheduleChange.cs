namespace Nexudus.Salto.Sync;

/// <summary>A time schedule written to (or deleted from) an access group from a pass's Nexudus time slots.</summary>
public sealed record ScheduleChange
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO access-group id.</summary>
    /// <value>The group.</value>
    public required string GroupId { get; init; }

    /// <summary>Gets whether the schedule was created or deleted.</summary>
    /// <value>The kind of change.</value>
    public required ScheduleChangeKind Kind { get; init; }

    /// <summary>Gets the schedule, e.g. <c>Mon,Tue 10:00-14:00</c>.</summary>
    /// <value>The weekdays and the daily window.</value>
    public required string Schedule { get; init; }

    /// <summary>Gets the SALTO time-schedule id.</summary>
    /// <value>The id, or <see langword="null"/> for a schedule not (yet) created.</value>
    public string? ScheduleId { get; init; }

    /// <summary>Gets what became of the change.</summary>
    /// <value>The outcome.</value>
    public required SyncChangeOutcome Outcome { get; init; }

    /// <summary>Gets why the change failed.</summary>
    /// <value>A redacted error, or <see langword="null"/>.</value>
    public string? Detail { get; init; }
}
