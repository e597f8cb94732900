using Nexudus.Salto.State;
using Npgsql;

namespace Nexudus.Salto.PostgreSql;

// The check-in bridge's memory: processed door entries and watermarks, pruned to the retention as the watermark moves.
public sealed partial class PostgreSqlSyncStateStore
{
    /// <inheritdoc />
    public async Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, $"SELECT watermark FROM {_s}.checkin_cursors WHERE site_id = $1", siteId);
        var value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return new CheckInCursor { SiteId = siteId, Watermark = value is DateTime t ? ToOffset(t) : null };
    }

    /// <inheritdoc />
    public async Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        ArgumentException.ThrowIfNullOrEmpty(entryId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, $"SELECT 1 FROM {_s}.processed_entries WHERE site_id = $1 AND entry_id = $2", siteId, entryId);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private void AddCheckIns(NpgsqlBatch batch, SyncStateChanges changes)
    {
        foreach (var e in changes.EntriesProcessed)
        {
            Add(batch,
                $"""
                INSERT INTO {_s}.processed_entries (site_id, entry_id, occurred_at, outcome, checkin_id, processed_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (site_id, entry_id) DO UPDATE SET outcome = excluded.outcome, checkin_id = excluded.checkin_id,
                  processed_at = excluded.processed_at
                """,
                e.SiteId, e.EntryId, Time(e.OccurredAt), e.Outcome, Long(e.CheckInId), Time(e.ProcessedAt));
        }

        foreach (var c in changes.CheckInCursors)
        {
            if (c.Watermark is not { } watermark)
            {
                continue;
            }

            // Watermarks only move forward.
            Add(batch,
                $"""
                INSERT INTO {_s}.checkin_cursors (site_id, watermark) VALUES ($1, $2)
                ON CONFLICT (site_id) DO UPDATE SET watermark = GREATEST({_s}.checkin_cursors.watermark, excluded.watermark)
                """,
                c.SiteId, Time(watermark));
            Add(batch, $"DELETE FROM {_s}.processed_entries WHERE site_id = $1 AND occurred_at < $2",
                c.SiteId, Time(watermark - _options.ProcessedEntryRetention));
        }
    }
}
