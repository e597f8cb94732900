using System.Globalization;

namespace Nexudus.Salto.Reports;

/// <summary>How every report writer spells times, so CSV, JSON and HTML agree.</summary>
internal static class AccessReportFormat
{
    /// <summary>A local time with its offset, e.g. <c>2025-03-30T02:30:00+01:00</c>: unambiguous on the day clocks go back.</summary>
    public static string Time(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? value) => value is { } v ? Time(v) : string.Empty;

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
