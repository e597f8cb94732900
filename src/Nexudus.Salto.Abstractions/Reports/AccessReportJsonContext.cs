using System.Text.Json.Serialization;
using Nexudus.Salto.CheckIns;

namespace Nexudus.Salto.Reports;

/// <summary>
/// The source-generated JSON metadata of access reports and check-in run reports: camelCase members,
/// enums as their names, instants with their UTC offset (<c>2025-03-30T02:30:00+01:00</c>) and dates
/// as <c>yyyy-MM-dd</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AccessReportRow))]
[JsonSerializable(typeof(DailyPresenceRow))]
[JsonSerializable(typeof(IReadOnlyList<AccessReportRow>))]
[JsonSerializable(typeof(IReadOnlyList<DailyPresenceRow>))]
[JsonSerializable(typeof(CheckInReport))]
internal sealed partial class AccessReportJsonContext : JsonSerializerContext;
