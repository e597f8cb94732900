using Microsoft.Data.Sqlite;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.State;

// The write-ahead journal (pending membership changes): read per site, written in the batch, and the move of the
// JSON values earlier versions kept into the table.
public sealed partial class SqliteSyncStateStore
{
    /// <summary>
    /// Moves the journal values of earlier versions (one JSON named value per site) into the table and deletes them.
    /// Runs in the migration's transaction, so the upgrade keeps every entry or changes nothing.
    /// </summary>
    internal static void MoveLegacyJournal(SqliteConnection connection, SqliteTransaction tx)
    {
        var values = new List<(string Key, string Value)>();
        using (var cmd = Command(connection, tx, "SELECT key, value FROM kv WHERE substr(key, 1, length($prefix)) = $prefix",
                   ("$prefix", LegacyPendingMemberships.KeyPrefix)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                values.Add((r.GetString(0), r.GetString(1)));
            }
        }

        foreach (var (key, value) in values)
        {
            foreach (var row in LegacyPendingMemberships.Parse(key, value))
            {
                SavePendingMembership(connection, tx, row);
            }

            Execute(connection, tx, "DELETE FROM kv WHERE key = $key", ("$key", key));
        }
    }

    private static async Task<List<PendingMembership>> ReadPendingMembershipsAsync(SqliteConnection connection, SqliteTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var pending = new List<PendingMembership>();
        using (var cmd = Command(connection, tx,
                   "SELECT group_id, platform_user_id, is_addition, customer_id, added_at FROM pending_memberships WHERE site_id = $site ORDER BY group_id, platform_user_key, is_addition",
                   ("$site", siteId)))
        using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                pending.Add(new PendingMembership
                {
                    SiteId = siteId,
                    GroupId = r.GetString(0),
                    UserId = new PlatformUserId(r.GetString(1)),
                    IsAddition = r.GetInt64(2) != 0,
                    CustomerId = r.IsDBNull(3) ? null : r.GetInt64(3),
                    AddedAt = ReadNullableTime(r, 4),
                });
            }
        }

        return pending;
    }

    private static void ApplyPendingMemberships(SqliteConnection connection, SqliteTransaction tx, SyncStateChanges changes)
    {
        foreach (var p in changes.PendingMembershipsRemoved)
        {
            Execute(connection, tx,
                "DELETE FROM pending_memberships WHERE site_id = $site AND group_id = $group AND platform_user_key = $key AND is_addition = $addition",
                ("$site", p.SiteId), ("$group", p.GroupId), ("$key", UserKey(p.UserId)), ("$addition", p.IsAddition ? 1 : 0));
        }

        foreach (var p in changes.PendingMembershipsAdded)
        {
            SavePendingMembership(connection, tx, p);
        }
    }

    private static void SavePendingMembership(SqliteConnection connection, SqliteTransaction tx, PendingMembership p) =>
        Execute(connection, tx,
            """
            INSERT INTO pending_memberships (site_id, group_id, platform_user_key, platform_user_id, is_addition, customer_id, added_at)
            VALUES ($site, $group, $key, $user, $addition, $customer, $at)
            ON CONFLICT (site_id, group_id, platform_user_key, is_addition) DO UPDATE SET platform_user_id = excluded.platform_user_id,
              customer_id = excluded.customer_id, added_at = excluded.added_at
            """,
            ("$site", p.SiteId), ("$group", p.GroupId), ("$key", UserKey(p.UserId)), ("$user", p.UserId.Value), ("$addition", p.IsAddition ? 1 : 0),
            ("$customer", p.CustomerId), ("$at", WriteTime(p.AddedAt)));
}
