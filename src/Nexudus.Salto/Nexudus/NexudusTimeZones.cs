using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Maps a Nexudus <see cref="SimpleTimeZone"/> to a <see cref="TimeZoneInfo"/>.
/// </summary>
/// <remarks>
/// What <see cref="SimpleTimeZone.Name"/> holds is unconfirmed, so the mapping tries, in order:
/// the name as a Windows or IANA id (either works on every platform with ICU); the description
/// the same way; and last a zone built from <see cref="SimpleTimeZone.TimeOffset"/> and
/// <see cref="SimpleTimeZone.UsesSummerTime"/>. That fallback applies the European summer-time
/// rule to offsets from UTC−1 to UTC+4 and the North American rule west of that, and no summer time
/// elsewhere; it is an approximation, so prefer zones Nexudus names with a real id.
/// </remarks>
public static partial class NexudusTimeZones
{
    /// <summary>Maps <paramref name="zone"/> to a time zone.</summary>
    /// <param name="zone">The Nexudus time zone.</param>
    /// <returns>The matching system zone, or a fixed-rule zone built from the offset.</returns>
    /// <exception cref="ArgumentException">Neither the names nor the offset can be read.</exception>
    public static TimeZoneInfo Resolve(SimpleTimeZone zone) =>
        TryResolve(zone, out var timeZone)
            ? timeZone
            : throw new ArgumentException(
                $"Nexudus time zone {zone.Id} ('{zone.Name}') is neither a known time-zone id nor has a readable offset ('{zone.TimeOffset}').",
                nameof(zone));

    /// <summary>Tries to map <paramref name="zone"/> to a time zone.</summary>
    /// <param name="zone">The Nexudus time zone.</param>
    /// <param name="timeZone">The zone, when one was found or built.</param>
    /// <returns>Whether a zone was found or built.</returns>
    public static bool TryResolve(SimpleTimeZone zone, [NotNullWhen(true)] out TimeZoneInfo? timeZone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (TryFindById(zone.Name, out timeZone) || TryFindById(zone.Description, out timeZone))
        {
            return true;
        }

        if (TryParseOffset(zone.TimeOffset, out var offset))
        {
            timeZone = CreateFromOffset(offset, zone.UsesSummerTime == true);
            return true;
        }

        timeZone = null;
        return false;
    }

    /// <summary>Finds a system time zone by Windows id (<c>GMT Standard Time</c>) or IANA id (<c>Europe/London</c>).</summary>
    /// <param name="id">The id.</param>
    /// <param name="timeZone">The zone, when found.</param>
    /// <returns>Whether the id names a zone on this system.</returns>
    internal static bool TryFindById(string? id, [NotNullWhen(true)] out TimeZoneInfo? timeZone)
    {
        timeZone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        id = id.Trim();
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out timeZone))
        {
            return true;
        }

        // Some platforms only know one kind of id; convert between them before giving up.
        return (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana) && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out timeZone)) ||
               (TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out var windows) && TimeZoneInfo.TryFindSystemTimeZoneById(windows, out timeZone));
    }

    /// <summary>
    /// Reads a Nexudus <c>TimeOffset</c>: <c>+01:00</c>, <c>-05:00:00</c>, <c>UTC+1</c>, <c>GMT-03:30</c>,
    /// <c>5.5</c> (hours) and similar.
    /// </summary>
    /// <param name="text">The offset text.</param>
    /// <param name="offset">The offset from UTC.</param>
    /// <returns>Whether the text is an offset between −14 and +14 hours.</returns>
    internal static bool TryParseOffset(string? text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var match = text is null ? null : OffsetPattern().Match(text.Trim());
        if (match is null || !match.Success)
        {
            return false;
        }

        var negative = match.Groups["sign"].Value is "-" or "−";
        TimeSpan value;
        if (match.Groups["decimal"].Success)
        {
            var hours = double.Parse(match.Groups["decimal"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            value = TimeSpan.FromMinutes(Math.Round(hours * 60));
        }
        else
        {
            var hours = int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
            var minutes = match.Groups["minutes"].Success ? int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
            if (minutes >= 60)
            {
                return false;
            }

            value = new TimeSpan(hours, minutes, 0);
        }

        if (value > TimeSpan.FromHours(14))
        {
            return false;
        }

        offset = negative ? -value : value;
        return true;
    }

    /// <summary>
    /// Builds a zone from a base offset and a summer-time flag (the fallback of <see cref="TryResolve"/>).
    /// </summary>
    /// <param name="baseOffset">The standard (winter) offset from UTC.</param>
    /// <param name="usesSummerTime">Whether the zone moves its clocks an hour forward in summer.</param>
    /// <returns>The zone.</returns>
    internal static TimeZoneInfo CreateFromOffset(TimeSpan baseOffset, bool usesSummerTime)
    {
        var sign = baseOffset < TimeSpan.Zero ? "-" : "+";
        var id = $"Nexudus UTC{sign}{baseOffset.Duration():hh\\:mm}{(usesSummerTime ? " DST" : string.Empty)}";
        var rule = usesSummerTime ? SummerTimeRule(baseOffset) : null;
        return rule is null
            ? TimeZoneInfo.CreateCustomTimeZone(id, baseOffset, id, id)
            : TimeZoneInfo.CreateCustomTimeZone(id, baseOffset, id, id, id + " (summer)", [rule]);
    }

    private static TimeZoneInfo.AdjustmentRule? SummerTimeRule(TimeSpan baseOffset)
    {
        if (baseOffset >= TimeSpan.FromHours(-1) && baseOffset <= TimeSpan.FromHours(4))
        {
            // European Union: last Sunday of March to last Sunday of October, at 01:00 UTC.
            var start = baseOffset + TimeSpan.FromHours(1);
            var end = baseOffset + TimeSpan.FromHours(2);
            return TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date,
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, start.Hours, start.Minutes, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, end.Hours, end.Minutes, 0), 10, 5, DayOfWeek.Sunday));
        }

        if (baseOffset >= TimeSpan.FromHours(-10) && baseOffset < TimeSpan.FromHours(-1))
        {
            // United States and Canada: second Sunday of March to first Sunday of November, at 02:00 local.
            return TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date,
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday));
        }

        return null;
    }

    [GeneratedRegex(@"^(?:\(?(?:UTC|GMT)\s*)?(?<sign>[+\-−])?\s*(?:(?<hours>\d{1,2})(?::(?<minutes>\d{2})(?::\d{2}(?:\.\d+)?)?)?|(?<decimal>\d{1,2}\.\d+))\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
