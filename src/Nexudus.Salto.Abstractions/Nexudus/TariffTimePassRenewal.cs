namespace Nexudus.Salto.Nexudus;

/// <summary>
/// How often the passes included in a plan are issued again (<see cref="TariffTimePass.PassRenewalTime"/>,
/// Nexudus <c>eTimeSpanWeekMonth</c>).
/// </summary>
/// <remarks>Sent as a number; numbers not listed here are kept as they are.</remarks>
public enum TariffTimePassRenewal
{
    /// <summary>Every week.</summary>
    Week = 1,

    /// <summary>Every calendar month.</summary>
    CalendarMonth = 2,

    /// <summary>Every billing month of the plan (contract cycle).</summary>
    TariffMonth = 3,

    /// <summary>Every year.</summary>
    Year = 4,

    /// <summary>Every day.</summary>
    Day = 5,
}
