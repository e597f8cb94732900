namespace Nexudus.Salto.Testing;

/// <summary>Converts between UTC and a site's wall clock, from the site's <c>time_zone</c>.</summary>
/// <remarks>
/// The format of <c>time_zone</c> is unconfirmed, so both IANA and Windows ids are looked up;
/// an unknown or missing zone is treated as UTC rather than the machine's zone.
/// </remarks>
internal static class SiteTimeZone
{
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out TimeZoneInfo? zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The wall-clock time at the site, with <see cref="DateTimeKind.Unspecified"/>.</summary>
    public static DateTime ToWallClock(string? id, DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, Find(id)).DateTime, DateTimeKind.Unspecified);
}
