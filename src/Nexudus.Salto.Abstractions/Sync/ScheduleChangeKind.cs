namespace Nexudus.Salto.Sync;

/// <summary>What a sync run did with an access group's time schedule (SPEC §4.8).</summary>
public enum ScheduleChangeKind
{
    /// <summary>A schedule the pass's time slots need was created.</summary>
    Create = 0,

    /// <summary>A schedule the pass's time slots no longer need was deleted.</summary>
    Delete = 1,
}
