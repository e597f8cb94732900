namespace Nexudus.Salto.Sync;

/// <summary>How a sync run read Nexudus.</summary>
public enum SnapshotReadKind
{
    /// <summary>Every list was read in full.</summary>
    Full = 0,

    /// <summary>
    /// Only records updated since the last read (by <c>UpdatedOn</c> watermark) were read and merged into the
    /// previous snapshot; bookings are always read in full for their window.
    /// </summary>
    Incremental = 1,

    /// <summary>
    /// Only the records of the customers a targeted run is about (their passes, contracts, bookings and teams) were
    /// read, by filtered queries; the locations, pass definitions, desks and resources came from the previous read.
    /// </summary>
    Targeted = 2,
}
