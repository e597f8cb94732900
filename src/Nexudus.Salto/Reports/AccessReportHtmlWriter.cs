using System.Globalization;
using System.Net;
using Nexudus.Salto.CheckIns;

namespace Nexudus.Salto.Reports;

/// <summary>
/// Writes an access report as one self-contained HTML page, for operators who would rather look
/// than read: totals, an SVG bar chart of entries per hour of the day and one per day, and the daily
/// presence table.
/// </summary>
/// <remarks>
/// The page needs nothing from the network: CSS and SVG are inline, there is no script, and a
/// Content-Security-Policy forbids loading anything. Every customer-provided string (names, e-mails,
/// door and location names) is HTML-encoded. Hours and days are the locations' wall clocks.
/// </remarks>
public static class AccessReportHtmlWriter
{
    /// <summary>Writes the page.</summary>
    /// <param name="rows">The rows, for example from <see cref="AccessReportBuilder.GetRowsAsync"/>.</param>
    /// <param name="writer">Where the HTML goes; left open.</param>
    /// <param name="from">The start of the period, shown in the title.</param>
    /// <param name="to">The end of the period, shown in the title.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>The daily presence summary shown in the table.</returns>
    public static async Task<IReadOnlyList<DailyPresenceRow>> WriteAsync(
        IAsyncEnumerable<AccessReportRow> rows,
        TextWriter writer,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        var summary = new DailyPresenceSummary();
        var hours = new (int Opened, int Other)[24];
        var days = new SortedDictionary<DateOnly, (int Opened, int Other)>();
        int total = 0, opened = 0, rejected = 0, unknown = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            summary.Add(row);
            total++;
            var isOpened = row.Result == DoorEntryResult.Opened;
            opened += isOpened ? 1 : 0;
            rejected += row.Result == DoorEntryResult.Rejected ? 1 : 0;
            // Only a person who opened the door unmatched is an unknown user: inside exits, office-mode events and
            // refused credentials (a PIN the lock does not know names a user who matches nobody) are not.
            unknown += isOpened && row.CustomerId is null ? 1 : 0;
            var hour = row.LocalTime.Hour;
            hours[hour] = isOpened ? (hours[hour].Opened + 1, hours[hour].Other) : (hours[hour].Opened, hours[hour].Other + 1);
            var day = DateOnly.FromDateTime(row.LocalTime.DateTime);
            var count = days.GetValueOrDefault(day);
            days[day] = isOpened ? (count.Opened + 1, count.Other) : (count.Opened, count.Other + 1);
        }

        var daily = summary.GetRows();
        var period = $"{AccessReportFormat.Time(from)} to {AccessReportFormat.Time(to)}";
        var page = new System.Text.StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Access report, ").Append(Encode(period)).Append("</title>\n")
            .Append("<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2933}\n")
            .Append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}\n")
            .Append(".totals{display:flex;gap:2rem}.totals div{font-size:.9rem}.totals strong{display:block;font-size:1.4rem}\n")
            .Append("svg{max-width:100%;height:auto}.opened{fill:#2f7d4f}.other{fill:#c4553d}text{font-size:10px;fill:#52606d}\n")
            .Append(".legend{font-size:.85rem;color:#52606d}.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em;vertical-align:-.05em}\n")
            .Append(".legend .opened{background:#2f7d4f;margin-left:0}.legend .other{background:#c4553d}\n")
            .Append("table{border-collapse:collapse;font-size:.9rem}th,td{padding:.3rem .6rem;border-bottom:1px solid #d9e2ec;text-align:left}\n")
            .Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Access report</h1>\n<p>").Append(Encode(period)).Append("</p>\n")
            .Append("<div class=\"totals\">")
            .Append(Total("Entries", total)).Append(Total("Opened", opened)).Append(Total("Refused", rejected))
            .Append(Total("Unknown users", unknown)).Append(Total("Customer-days", daily.Count))
            .Append("</div>\n");

        page.Append("<h2>Entries per hour</h2>\n")
            .Append("<p class=\"legend\"><span class=\"opened\"></span>Opened<span class=\"other\"></span>Refused or other</p>\n");
        SvgBarChart.Append(page, "Entries per hour of the day", [.. hours.Select((h, i) => (i.ToString("00", CultureInfo.InvariantCulture), h.Opened, h.Other))]);
        page.Append("<h2>Entries per day</h2>\n");
        SvgBarChart.Append(page, "Entries per day", [.. days.Select(d => (d.Key.ToString("MM-dd", CultureInfo.InvariantCulture), d.Value.Opened, d.Value.Other))]);

        page.Append("<h2>Daily presence</h2>\n<table>\n<thead><tr><th>Date</th><th>Location</th><th>Customer</th><th>E-mail</th><th>First in</th><th>Last out</th><th>Entries</th></tr></thead>\n<tbody>\n");
        foreach (var row in daily)
        {
            cancellationToken.ThrowIfCancellationRequested();
            page.Append("<tr><td>").Append(AccessReportFormat.Date(row.Date))
                .Append("</td><td>").Append(Encode(row.Location))
                .Append("</td><td>").Append(Encode(row.CustomerName))
                .Append("</td><td>").Append(Encode(row.Email))
                .Append("</td><td>").Append(Encode(AccessReportFormat.Time(row.FirstIn)))
                .Append("</td><td>").Append(Encode(AccessReportFormat.Time(row.LastOut)))
                .Append("</td><td>").Append(row.Entries.ToString(CultureInfo.InvariantCulture))
                .Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n</body>\n</html>\n");
        await writer.WriteAsync(page, cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return daily;
    }

    private static string Total(string label, int value) =>
        $"<div><strong>{value.ToString(CultureInfo.InvariantCulture)}</strong>{label}</div>";

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
