using System.Text.Json;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Reports;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Reports;

/// <summary>The public JSON forms of the reports: the type infos, and the resolvers for a user's own options.</summary>
public sealed class ReportJsonTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 30, 2, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void CheckInReport_Serialised_IsCamelCaseWithTheOffsetKept()
    {
        var json = JsonSerializer.Serialize(new CheckInReport { StartedAt = At, CompletedAt = At }, AccessReportJson.CheckInReport);

        Assert.Contains("\"startedAt\":\"2025-03-30T02:30:00+01:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sites\":[]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SyncReportResolver_InTheUsersOwnOptions_RoundTripsTheReport()
    {
        var report = new SyncReport { Result = SyncResult.RemovalsHeld, StartedAt = At, FinishedAt = At.AddSeconds(3) };
        var options = new JsonSerializerOptions { TypeInfoResolver = SyncReportJson.Resolver };

        var back = JsonSerializer.Deserialize<SyncReport>(JsonSerializer.Serialize(report, options), options)!;

        Assert.Equal((report.Result, report.StartedAt, report.FinishedAt), (back.Result, back.StartedAt, back.FinishedAt));
    }

    [Fact]
    public void SyncReportTypeInfo_Serialised_NamesTheResult()
    {
        var report = new SyncReport { Result = SyncResult.RemovalsHeld, StartedAt = At, FinishedAt = At };

        Assert.Contains("\"result\": \"RemovalsHeld\"", JsonSerializer.Serialize(report, SyncReportJson.TypeInfo), StringComparison.Ordinal);
    }

    [Fact]
    public void AccessReportResolver_ListOfRows_IsServed()
    {
        Assert.NotNull(AccessReportJson.Resolver.GetTypeInfo(typeof(IReadOnlyList<AccessReportRow>), JsonSerializerOptions.Default));
    }
}
