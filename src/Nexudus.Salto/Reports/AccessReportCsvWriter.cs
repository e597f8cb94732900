using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Nexudus.Salto.Reports;

/// <summary>
/// Writes access reports as CSV (RFC 4180, with CsvHelper): the entries, and the daily presence
/// summary, each a document of its own with a header row.
/// </summary>
/// <remarks>
/// Times are the location's wall clock with its offset (<c>2025-03-30T02:30:00+01:00</c>). Fields
/// that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>)
/// are escaped with a leading apostrophe, because names and e-mails are typed by customers.
/// </remarks>
public static class AccessReportCsvWriter
{
    /// <summary>The header of the entries document.</summary>
    public const string EntriesHeader = "LocalTime,Location,Door,Customer,Email,Result,Detail,CustomerId,EntryId";

    /// <summary>The header of the daily summary document.</summary>
    public const string DailyHeader = "Date,Location,Customer,Email,FirstIn,LastOut,Entries,CustomerId";

    /// <summary>
    /// Writes one line per entry as the rows arrive, and summarises them on the way, so the caller
    /// can write the daily summary without reading the entries again.
    /// </summary>
    /// <param name="rows">The rows, for example from <see cref="AccessReportBuilder.GetRowsAsync"/>.</param>
    /// <param name="writer">Where the CSV goes; left open.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>The daily presence summary of the rows written.</returns>
    public static async Task<IReadOnlyList<DailyPresenceRow>> WriteEntriesAsync(
        IAsyncEnumerable<AccessReportRow> rows,
        TextWriter writer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        var summary = new DailyPresenceSummary();
        var csv = new CsvWriter(writer, Configuration(), leaveOpen: true);
        await using var disposeCsv = csv.ConfigureAwait(false);
        WriteHeader(csv, EntriesHeader);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            summary.Add(row);
            csv.WriteField(AccessReportFormat.Time(row.LocalTime));
            csv.WriteField(row.Location ?? string.Empty);
            csv.WriteField(row.Door ?? string.Empty);
            csv.WriteField(row.CustomerName ?? string.Empty);
            csv.WriteField(row.Email ?? string.Empty);
            csv.WriteField(row.Result.ToString());
            csv.WriteField(row.Detail ?? string.Empty);
            csv.WriteField(row.CustomerId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(row.EntryId);
            await csv.NextRecordAsync().ConfigureAwait(false);
        }

        await csv.FlushAsync().ConfigureAwait(false);
        return summary.GetRows();
    }

    /// <summary>Writes the daily presence summary, one line per customer, location and day.</summary>
    /// <param name="rows">The summary, for example from <see cref="WriteEntriesAsync"/> or <see cref="DailyPresenceSummary.SummarizeAsync"/>.</param>
    /// <param name="writer">Where the CSV goes; left open.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>A task that completes when everything is written and flushed.</returns>
    public static async Task WriteDailyAsync(
        IEnumerable<DailyPresenceRow> rows,
        TextWriter writer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        var csv = new CsvWriter(writer, Configuration(), leaveOpen: true);
        await using var disposeCsv = csv.ConfigureAwait(false);
        WriteHeader(csv, DailyHeader);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(AccessReportFormat.Date(row.Date));
            csv.WriteField(row.Location ?? string.Empty);
            csv.WriteField(row.CustomerName ?? string.Empty);
            csv.WriteField(row.Email ?? string.Empty);
            csv.WriteField(AccessReportFormat.Time(row.FirstIn));
            csv.WriteField(AccessReportFormat.Time(row.LastOut));
            csv.WriteField(row.Entries.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.CustomerId.ToString(CultureInfo.InvariantCulture));
            await csv.NextRecordAsync().ConfigureAwait(false);
        }

        await csv.FlushAsync().ConfigureAwait(false);
    }

    private static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    private static void WriteHeader(CsvWriter csv, string header)
    {
        foreach (var name in header.Split(','))
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
    }
}
