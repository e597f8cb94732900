namespace Nexudus.Salto.Sync;

/// <summary>
/// How Nexudus numbers the weekdays of a pass's time slots (<c>TimePassTimeSlot.DayOfWeek</c>), which is
/// unconfirmed: .NET's numbering is the likely one.
/// </summary>
public enum TimeSlotDayNumbering
{
    /// <summary>0 = Sunday … 6 = Saturday, as <see cref="DayOfWeek"/>.</summary>
    SundayZero = 0,

    /// <summary>1 = Monday … 7 = Sunday, as ISO 8601.</summary>
    MondayOne = 1,
}
