namespace Nexudus.Salto.Sync;

/// <summary>What a sync run did with an access group's time schedule.</summary>
public enum ScheduleChangeKind
{
    /// <summary>A schedule the pass's time slots need was created.</summary>
    Create = 0,

    /// <summary>A schedule the pass's time slots no longer need was deleted.</summary>
    Delete = 1,

    /// <summary>
    /// The always-open schedule (every weekday, 00:00–23:59) was created on a linked group that had none, which
    /// <c>CreateMissingGroupSchedules</c> opts in to: a group without a schedule never reaches the locks.
    /// </summary>
    CreateAlwaysOpen = 2,
}
