namespace Nexudus.Salto.Entitlements;

/// <summary>
/// A location's local calendar: wall-clock times to instants and back, local days and pass days,
/// correct across daylight-saving changes and independent of the machine's time zone.
/// </summary>
/// <remarks>
/// A wall-clock time that happens twice (the night clocks go back) means its first occurrence; one
/// that never happens (the night clocks go forward) means the instant the clocks jump, which is
/// when the local clock first shows a later time. So every local boundary is the first instant at
/// which the local clock reads at least that time, and boundaries of consecutive days always increase.
/// </remarks>
internal sealed class LocationCalendar
{
    private static readonly TimeSpan SearchSpan = TimeSpan.FromHours(16);

    // Conversions stay two days inside the representable range, so extreme dates (0001-01-01 from a
    // default value, 9999-12-31) read as "long ago" or "far ahead" instead of throwing.
    private static readonly long MinSafeTicks = TimeSpan.FromDays(2).Ticks;
    private static readonly long MaxSafeTicks = DateTime.MaxValue.Ticks - TimeSpan.FromDays(2).Ticks;

    private readonly TimeZoneInfo _zone;
    private readonly TimeSpan _passDayCutoff;

    public LocationCalendar(TimeZoneInfo zone, TimeSpan passDayCutoff)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(passDayCutoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(passDayCutoff, TimeSpan.FromDays(1));
        _zone = zone;
        _passDayCutoff = passDayCutoff;
    }

    /// <summary>The location's wall-clock time at an instant.</summary>
    public DateTime ToWallClock(DateTimeOffset instant)
    {
        var safe = new DateTimeOffset(Math.Clamp(instant.UtcTicks, MinSafeTicks, MaxSafeTicks), TimeSpan.Zero);
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(safe, _zone).DateTime, DateTimeKind.Unspecified);
    }

    /// <summary>The local calendar date at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToWallClock(instant));

    /// <summary>The first instant at which the local clock reads <paramref name="wallClock"/> or later.</summary>
    public DateTimeOffset ToInstant(DateTime wallClock)
    {
        wallClock = new DateTime(Math.Clamp(wallClock.Ticks, MinSafeTicks, MaxSafeTicks), DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(wallClock))
        {
            return TransitionAfterGap(wallClock);
        }

        TimeSpan offset;
        if (_zone.IsAmbiguousTime(wallClock))
        {
            // The first occurrence is the one with the larger offset (summer time).
            offset = TimeSpan.MinValue;
            foreach (var candidate in _zone.GetAmbiguousTimeOffsets(wallClock))
            {
                offset = candidate > offset ? candidate : offset;
            }
        }
        else
        {
            offset = _zone.GetUtcOffset(wallClock);
        }

        return new DateTimeOffset(wallClock.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The instant a local date starts (its local midnight, or the jump that skips it).</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => ToInstant(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// The instant a local date ends: the start of the next day, or <see langword="null"/> for the
    /// last representable date.
    /// </summary>
    public DateTimeOffset? EndOfDay(DateOnly date) => date == DateOnly.MaxValue ? null : StartOfDay(date.AddDays(1));

    /// <summary>The pass day an instant belongs to, as the half-open range of instants [start, end).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) PassDayOf(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(ToWallClock(instant) - _passDayCutoff);
        var start = PassDayStart(day);

        // The wall-clock guess is off by at most one day around daylight-saving changes.
        while (instant < start)
        {
            day = day.AddDays(-1);
            start = PassDayStart(day);
        }

        var end = PassDayStart(day.AddDays(1));
        while (instant >= end)
        {
            day = day.AddDays(1);
            start = end;
            end = PassDayStart(day.AddDays(1));
        }

        return (start, end);
    }

    private DateTimeOffset PassDayStart(DateOnly day) => ToInstant(day.ToDateTime(TimeOnly.MinValue) + _passDayCutoff);

    // A skipped wall-clock time maps to the instant the clocks jump past it. Near such a gap the
    // local clock only moves forward, so the first instant whose local time reaches the wanted time
    // can be found by bisection (on ticks, so the result is exact).
    private DateTimeOffset TransitionAfterGap(DateTime wallClock)
    {
        var low = wallClock.Ticks - SearchSpan.Ticks;   // local clock is surely before wallClock here
        var high = wallClock.Ticks + SearchSpan.Ticks;  // and surely after it here
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var local = middle + _zone.GetUtcOffset(new DateTimeOffset(middle, TimeSpan.Zero)).Ticks;
            if (local >= wallClock.Ticks)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }
}
