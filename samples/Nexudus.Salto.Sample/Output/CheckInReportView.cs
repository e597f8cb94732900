using System.Globalization;
using Nexudus.Salto.CheckIns;
using Spectre.Console;

namespace Nexudus.Salto.Sample.Output;

/// <summary>Prints a check-in bridge run: what happened to each door entry, and the totals.</summary>
internal static class CheckInReportView
{
    /// <summary>Prints the report.</summary>
    /// <param name="console">The output.</param>
    /// <param name="report">The bridge's report.</param>
    /// <param name="customerName">Names a customer id.</param>
    /// <param name="doorName">Names a lock id.</param>
    public static void Print(SampleConsole console, CheckInReport report, Func<long, string> customerName, Func<string, string> doorName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().AddColumn("When (UTC)").AddColumn("Door").AddColumn("Customer").AddColumn("Outcome").AddColumn("Detail");
        foreach (var entry in report.Sites.SelectMany(s => s.Entries).OrderBy(e => e.OccurredAt))
        {
            table.AddRow(
                SampleConsole.Cell(entry.OccurredAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
                SampleConsole.Cell(entry.LockId is { } lockId ? $"{doorName(lockId)} ({entry.Role})" : string.Empty),
                SampleConsole.Cell(entry.CustomerId is { } id ? customerName(id) : "-"),
                SampleConsole.Cell(entry.Outcome.ToString()),
                SampleConsole.Cell(entry.CheckInId is { } checkIn ? $"check-in #{checkIn}" : entry.Reason));
        }

        console.Write(table);
        var counts = report.CountByOutcome();
        console.Line(counts.Count == 0
            ? "No new door entries."
            : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}")) + ".");
        foreach (var site in report.Sites.Where(s => !s.Completed))
        {
            console.Line($"Site {site.SiteId} stopped early and continues on the next run: {site.Error}");
        }
    }
}
