namespace Nexudus.Salto.CheckIns;

/// <summary>
/// What the <see cref="CheckInBridge"/> makes of an opening on a check-in reader dated an earlier day at the
/// location, where Nexudus refuses an open check-in (one without <c>ToTime</c>) with a generic error.
/// </summary>
public enum PastDayCheckInMode
{
    /// <summary>
    /// A closed check-in: from the entry to the customer's next exit on a check-out reader of the location that day,
    /// or to the entry plus <see cref="CheckInBridgeOptions.PastDayDefaultStay"/> (at most the end of that day).
    /// </summary>
    Closed = 0,

    /// <summary>Nothing is written; the entry is counted as <see cref="CheckInOutcome.PastDaySkipped"/>.</summary>
    Skip = 1,
}
