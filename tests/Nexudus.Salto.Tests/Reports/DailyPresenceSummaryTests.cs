using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Reports;
using static Nexudus.Salto.Tests.Reports.ReportRows;

namespace Nexudus.Salto.Tests.Reports;

public sealed class DailyPresenceSummaryTests
{
    private static IReadOnlyList<DailyPresenceRow> Summarize(params AccessReportRow[] rows)
    {
        var summary = new DailyPresenceSummary();
        foreach (var row in rows)
        {
            summary.Add(row);
        }

        return summary.GetRows();
    }

    [Fact]
    public void GetRows_CheckOutReaderUsed_LastOutIsTheLastCheckOut()
    {
        var day = Assert.Single(Summarize(
            Row("in", 8, 55), Row("out", 17, 30, role: ReaderRole.CheckOut), Row("side", 18, role: ReaderRole.None)));

        Assert.Equal(new DateTimeOffset(2025, 6, 2, 8, 55, 0, Offset), day.FirstIn);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 17, 30, 0, Offset), day.LastOut);
        Assert.Equal(3, day.Entries);
    }

    [Fact]
    public void GetRows_NoCheckOutReaderUsed_LastOutIsTheLastOpening()
    {
        var day = Assert.Single(Summarize(Row("a", 9), Row("b", 12), Row("c", 15, result: DoorEntryResult.Rejected)));

        Assert.Equal(new DateTimeOffset(2025, 6, 2, 12, 0, 0, Offset), day.LastOut);
        Assert.Equal(3, day.Entries);
    }

    [Fact]
    public void GetRows_OnlyRefusedEntries_HasNoTimes()
    {
        var day = Assert.Single(Summarize(Row("a", 9, result: DoorEntryResult.Rejected)));

        Assert.Null(day.FirstIn);
        Assert.Null(day.LastOut);
        Assert.Equal(1, day.Entries);
    }

    [Fact]
    public void GetRows_UnknownUsers_AreLeftOut()
    {
        Assert.Empty(Summarize(Row("a", 9, customerId: null)));
    }

    [Fact]
    public void GetRows_TwoCustomersOverTwoDays_OneRowEachByDayThenName()
    {
        var rows = Summarize(
            Row("z", 9, customerId: 2, name: "Zed", day: 2),
            Row("a", 9, customerId: 1, name: "Ada", day: 3),
            Row("a2", 10, customerId: 1, name: "Ada", day: 2));

        Assert.Equal([(new DateOnly(2025, 6, 2), "Ada"), (new DateOnly(2025, 6, 2), "Zed"), (new DateOnly(2025, 6, 3), "Ada")], rows.Select(r => (r.Date, r.CustomerName!)));
    }
}
