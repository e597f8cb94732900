using Nexudus.Salto.CheckIns;

namespace Nexudus.Salto.Reports;

/// <summary>
/// Folds access report rows into one <see cref="DailyPresenceRow"/> per customer, location and local
/// day, keeping only a small tally per customer and day, so it can follow a stream of any length.
/// </summary>
/// <remarks>Rows without a customer (unknown users) are left out of the summary.</remarks>
public sealed class DailyPresenceSummary
{
    private readonly Dictionary<(long BusinessId, long CustomerId, DateOnly Date), Tally> _tallies = [];

    /// <summary>Adds one row.</summary>
    /// <param name="row">The row.</param>
    public void Add(AccessReportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.CustomerId is not { } customerId)
        {
            return;
        }

        var key = (row.NexudusBusinessId, customerId, DateOnly.FromDateTime(row.LocalTime.DateTime));
        if (!_tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally(row.Location, row.CustomerName, row.Email);
            _tallies[key] = tally;
        }

        tally.Entries++;
        if (row.Result != DoorEntryResult.Opened)
        {
            return;
        }

        tally.FirstIn = Earlier(tally.FirstIn, row.LocalTime);
        tally.LastSeen = Later(tally.LastSeen, row.LocalTime);
        if (row.DoorRole == ReaderRole.CheckOut)
        {
            tally.LastCheckOut = Later(tally.LastCheckOut, row.LocalTime);
        }
    }

    /// <summary>Gets the summary so far, by day, then location, then customer name.</summary>
    /// <returns>One row per customer, location and local day.</returns>
    public IReadOnlyList<DailyPresenceRow> GetRows() =>
    [
        .. _tallies
            .Select(t => new DailyPresenceRow
            {
                Date = t.Key.Date,
                NexudusBusinessId = t.Key.BusinessId,
                Location = t.Value.Location,
                CustomerId = t.Key.CustomerId,
                CustomerName = t.Value.CustomerName,
                Email = t.Value.Email,
                FirstIn = t.Value.FirstIn,
                LastOut = t.Value.LastCheckOut ?? t.Value.LastSeen,
                Entries = t.Value.Entries,
            })
            .OrderBy(r => r.Date)
            .ThenBy(r => r.NexudusBusinessId)
            .ThenBy(r => r.CustomerName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.CustomerId),
    ];

    /// <summary>Summarises a whole stream of rows.</summary>
    /// <param name="rows">The rows, for example from <see cref="AccessReportBuilder.GetRowsAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>One row per customer, location and local day.</returns>
    public static async Task<IReadOnlyList<DailyPresenceRow>> SummarizeAsync(IAsyncEnumerable<AccessReportRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var summary = new DailyPresenceSummary();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            summary.Add(row);
        }

        return summary.GetRows();
    }

    private static DateTimeOffset Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private sealed class Tally(string? location, string? customerName, string? email)
    {
        public string? Location { get; } = location;

        public string? CustomerName { get; } = customerName;

        public string? Email { get; } = email;

        public int Entries { get; set; }

        public DateTimeOffset? FirstIn { get; set; }

        public DateTimeOffset? LastSeen { get; set; }

        public DateTimeOffset? LastCheckOut { get; set; }
    }
}
