using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Npgsql;

namespace Nexudus.Salto.PostgreSql;

// The write-ahead journal (pending membership changes): read per site, written in the batch, and the move of the
// JSON values earlier versions kept into the table.
public sealed partial class PostgreSqlSyncStateStore
{
    /// <summary>
    /// Moves the journal values of earlier versions (one JSON named value per site) into the table and deletes them.
    /// Runs in the migration's transaction, so the upgrade keeps every entry or changes nothing.
    /// </summary>
    internal static async Task MoveLegacyJournalAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string quotedSchema, CancellationToken cancellationToken)
    {
        var values = new List<(string Key, string Value)>();
        using (var cmd = Command(connection, tx, $"SELECT key, value FROM {quotedSchema}.kv WHERE starts_with(key, $1)", LegacyPendingMemberships.KeyPrefix))
        using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                values.Add((r.GetString(0), r.GetString(1)));
            }
        }

        if (values.Count == 0)
        {
            return;
        }

        using var batch = new NpgsqlBatch(connection, tx);
        foreach (var (key, value) in values)
        {
            foreach (var row in LegacyPendingMemberships.Parse(key, value))
            {
                AddSave(batch, quotedSchema, row);
            }

            Add(batch, $"DELETE FROM {quotedSchema}.kv WHERE key = $1", key);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<PendingMembership>> ReadPendingMembershipsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var pending = new List<PendingMembership>();
        using (var cmd = Command(connection, tx,
                         $"SELECT group_id, platform_user_id, is_addition, customer_id, added_at FROM {_s}.pending_memberships WHERE site_id = $1 ORDER BY group_id COLLATE \"C\", platform_user_key COLLATE \"C\", is_addition",
                         siteId))
        using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                pending.Add(new PendingMembership
                {
                    SiteId = siteId,
                    GroupId = r.GetString(0),
                    UserId = new PlatformUserId(r.GetString(1)),
                    IsAddition = r.GetBoolean(2),
                    CustomerId = r.IsDBNull(3) ? null : r.GetInt64(3),
                    AddedAt = ReadNullableTime(r, 4),
                });
            }
        }

        return pending;
    }

    private void AddPendingMemberships(NpgsqlBatch batch, SyncStateChanges changes)
    {
        foreach (var p in changes.PendingMembershipsRemoved)
        {
            Add(batch, $"DELETE FROM {_s}.pending_memberships WHERE site_id = $1 AND group_id = $2 AND platform_user_key = $3 AND is_addition = $4",
                p.SiteId, p.GroupId, UserKey(p.UserId), p.IsAddition);
        }

        foreach (var p in changes.PendingMembershipsAdded)
        {
            AddSave(batch, _s, p);
        }
    }

    private static void AddSave(NpgsqlBatch batch, string quotedSchema, PendingMembership p) =>
        Add(batch,
            $"""
            INSERT INTO {quotedSchema}.pending_memberships (site_id, group_id, platform_user_key, platform_user_id, is_addition, customer_id, added_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (site_id, group_id, platform_user_key, is_addition) DO UPDATE SET platform_user_id = excluded.platform_user_id,
              customer_id = excluded.customer_id, added_at = excluded.added_at
            """,
            p.SiteId, p.GroupId, UserKey(p.UserId), p.UserId.Value, p.IsAddition, Long(p.CustomerId), Time(p.AddedAt));
}
