using System.Text.Json.Serialization.Metadata;
using Nexudus.Salto.CheckIns;

namespace Nexudus.Salto.Reports;

/// <summary>
/// The JSON form of access report rows and check-in run reports, source-generated (trimming- and AOT-safe): camelCase
/// members, enums as their names, instants with their UTC offset (<c>2025-03-30T02:30:00+01:00</c>) and dates as
/// <c>yyyy-MM-dd</c>.
/// </summary>
/// <example>
/// <code>
/// var json = JsonSerializer.Serialize(checkInReport, AccessReportJson.CheckInReport);
/// </code>
/// </example>
public static class AccessReportJson
{
    /// <summary>Gets the metadata of a check-in run's report.</summary>
    /// <value>The <see cref="CheckIns.CheckInReport"/> JSON metadata.</value>
    public static JsonTypeInfo<CheckInReport> CheckInReport => AccessReportJsonContext.Default.CheckInReport;

    /// <summary>Gets the metadata of one door opening or refusal of an access report.</summary>
    /// <value>The <see cref="Reports.AccessReportRow"/> JSON metadata.</value>
    public static JsonTypeInfo<AccessReportRow> AccessReportRow => AccessReportJsonContext.Default.AccessReportRow;

    /// <summary>Gets the metadata of one customer's day at one location.</summary>
    /// <value>The <see cref="Reports.DailyPresenceRow"/> JSON metadata.</value>
    public static JsonTypeInfo<DailyPresenceRow> DailyPresenceRow => AccessReportJsonContext.Default.DailyPresenceRow;

    /// <summary>
    /// Gets the metadata of these types and lists of rows, to add to your own options' <c>TypeInfoResolverChain</c>; your
    /// options then decide the formatting.
    /// </summary>
    /// <value>A resolver of the report types.</value>
    public static IJsonTypeInfoResolver Resolver => AccessReportJsonContext.Default;
}
