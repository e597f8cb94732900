namespace Nexudus.Salto.Sync;

/// <summary>What became of one planned change in a sync run.</summary>
public enum SyncChangeOutcome
{
    /// <summary>The service accepted the change and the state store recorded it.</summary>
    Applied = 0,

    /// <summary>A dry run: the change was computed and nothing was written.</summary>
    Planned = 1,

    /// <summary>A removal the revocation guard held; it is planned again on the next run.</summary>
    Held = 2,

    /// <summary>The service rejected the change or could not be reached; it is retried on a later run.</summary>
    Failed = 3,

    /// <summary>
    /// The change was not attempted: its group is waiting out a back-off after earlier failures, or the
    /// SALTO user it needed could not be created.
    /// </summary>
    Skipped = 4,
}
