using System.Text.Json;

namespace Nexudus.Salto.Reports;

/// <summary>
/// Writes an access report as one JSON document, streaming:
/// <c>{"from": …, "to": …, "entries": [ … ], "daily": [ … ]}</c>.
/// </summary>
/// <remarks>
/// Entries are written as they arrive and flushed in chunks, so the document can be any length;
/// only the daily summary is kept until the end. Members are camelCase, enums are names, times
/// carry the location's offset (see <see cref="AccessReportJsonContext"/>). Lines end in <c>\n</c>
/// on every platform.
/// </remarks>
public static class AccessReportJsonWriter
{
    private const int FlushThreshold = 16 * 1024;

    /// <summary>Writes the report.</summary>
    /// <param name="rows">The rows, for example from <see cref="AccessReportBuilder.GetRowsAsync"/>.</param>
    /// <param name="utf8Json">Where the UTF-8 JSON goes; left open.</param>
    /// <param name="from">The start of the period, written as <c>from</c>.</param>
    /// <param name="to">The end of the period, written as <c>to</c>.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>The daily presence summary that was written as <c>daily</c>.</returns>
    public static async Task<IReadOnlyList<DailyPresenceRow>> WriteAsync(
        IAsyncEnumerable<AccessReportRow> rows,
        Stream utf8Json,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(utf8Json);
        var summary = new DailyPresenceSummary();
        var json = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        await using var disposeJson = json.ConfigureAwait(false);
        json.WriteStartObject();
        json.WriteString("from", from);
        json.WriteString("to", to);
        json.WriteStartArray("entries");
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            summary.Add(row);
            JsonSerializer.Serialize(json, row, AccessReportJsonContext.Default.AccessReportRow);
            if (json.BytesPending > FlushThreshold)
            {
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        json.WriteEndArray();
        var daily = summary.GetRows();
        json.WritePropertyName("daily");
        JsonSerializer.Serialize(json, daily, AccessReportJsonContext.Default.IReadOnlyListDailyPresenceRow);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        return daily;
    }
}
