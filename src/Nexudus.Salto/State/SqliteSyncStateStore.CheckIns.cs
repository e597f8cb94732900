using Microsoft.Data.Sqlite;

namespace Nexudus.Salto.State;

// The check-in bridge's memory: processed door entries and watermarks, pruned to the retention as the watermark moves.
public sealed partial class SqliteSyncStateStore
{
    /// <inheritdoc />
    public async Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, "SELECT watermark FROM checkin_cursors WHERE site_id = $site", ("$site", siteId));
        var value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return new CheckInCursor { SiteId = siteId, Watermark = value is string s ? ParseTime(s) : null };
    }

    /// <inheritdoc />
    public async Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        ArgumentException.ThrowIfNullOrEmpty(entryId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "SELECT 1 FROM processed_entries WHERE site_id = $site AND entry_id = $entry", ("$site", siteId), ("$entry", entryId));
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private void ApplyCheckIns(SqliteConnection connection, SqliteTransaction tx, SyncStateChanges changes)
    {
        foreach (var e in changes.EntriesProcessed)
        {
            Execute(connection, tx,
                """
                INSERT INTO processed_entries (site_id, entry_id, occurred_at, outcome, checkin_id, processed_at)
                VALUES ($site, $entry, $occurred, $outcome, $checkin, $processed)
                ON CONFLICT (site_id, entry_id) DO UPDATE SET outcome = excluded.outcome, checkin_id = excluded.checkin_id,
                  processed_at = excluded.processed_at
                """,
                ("$site", e.SiteId), ("$entry", e.EntryId), ("$occurred", WriteTime(e.OccurredAt)), ("$outcome", e.Outcome),
                ("$checkin", e.CheckInId), ("$processed", WriteTime(e.ProcessedAt)));
        }

        foreach (var c in changes.CheckInCursors)
        {
            if (c.Watermark is not { } watermark)
            {
                continue;
            }

            // Watermarks only move forward; ISO-8601 UTC text with fixed width sorts like time.
            Execute(connection, tx,
                """
                INSERT INTO checkin_cursors (site_id, watermark) VALUES ($site, $watermark)
                ON CONFLICT (site_id) DO UPDATE SET watermark = MAX(watermark, excluded.watermark)
                """,
                ("$site", c.SiteId), ("$watermark", WriteTime(watermark)));
            Execute(connection, tx,
                "DELETE FROM processed_entries WHERE site_id = $site AND occurred_at < $cutoff",
                ("$site", c.SiteId), ("$cutoff", WriteTime(watermark - _options.ProcessedEntryRetention)));
        }
    }
}
