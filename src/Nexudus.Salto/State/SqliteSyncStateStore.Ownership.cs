using Microsoft.Data.Sqlite;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.State;

// Identity links, the ownership ledger, group retry state, tags and schedules: read per site, written in the batch.
public sealed partial class SqliteSyncStateStore
{
    private static async Task<List<IdentityLink>> ReadIdentitiesAsync(SqliteConnection connection, SqliteTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var identities = new List<IdentityLink>();
        using (var cmd = Command(connection, tx,
                   "SELECT customer_id, site_user_id, platform_user_id, email, created_by_sdk, linked_at FROM identity_links WHERE site_id = $site ORDER BY customer_id",
                   ("$site", siteId)))
        using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                identities.Add(new IdentityLink
                {
                    SiteId = siteId,
                    CustomerId = r.GetInt64(0),
                    SiteUserId = new SiteUserId(r.GetString(1)),
                    PlatformUserId = new PlatformUserId(r.GetString(2)),
                    Email = r.IsDBNull(3) ? null : r.GetString(3),
                    CreatedBySdk = r.GetInt64(4) != 0,
                    LinkedAt = ReadTime(r, 5),
                });
            }
        }

        return identities;
    }

    private static async Task<List<OwnedMembership>> ReadMembershipsAsync(SqliteConnection connection, SqliteTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var memberships = new List<OwnedMembership>();
        using (var cmd = Command(connection, tx,
                   "SELECT group_id, platform_user_id, customer_id, added_at FROM owned_memberships WHERE site_id = $site ORDER BY group_id, platform_user_key",
                   ("$site", siteId)))
        using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                memberships.Add(new OwnedMembership
                {
                    SiteId = siteId,
                    GroupId = r.GetString(0),
                    UserId = new PlatformUserId(r.GetString(1)),
                    CustomerId = r.IsDBNull(2) ? null : r.GetInt64(2),
                    AddedAt = ReadTime(r, 3),
                });
            }
        }

        return memberships;
    }

    private static async Task<List<GroupSyncStatus>> ReadGroupStatusesAsync(SqliteConnection connection, SqliteTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var groups = new List<GroupSyncStatus>();
        using (var cmd = Command(connection, tx,
                   "SELECT group_id, consecutive_failures, last_error, last_failure_at, last_success_at, next_attempt_at FROM group_status WHERE site_id = $site ORDER BY group_id",
                   ("$site", siteId)))
        using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                groups.Add(new GroupSyncStatus
                {
                    SiteId = siteId,
                    GroupId = r.GetString(0),
                    ConsecutiveFailures = r.GetInt32(1),
                    LastError = r.IsDBNull(2) ? null : r.GetString(2),
                    LastFailureAt = ReadNullableTime(r, 3),
                    LastSuccessAt = ReadNullableTime(r, 4),
                    NextAttemptAt = ReadNullableTime(r, 5),
                });
            }
        }

        return groups;
    }

    private static async Task<List<TagAssignment>> ReadTagsAsync(SqliteConnection connection, SqliteTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var tags = new List<TagAssignment>();
        using (var cmd = Command(connection, tx,
                   "SELECT customer_id, tag_number, tag_id, assigned_at FROM tag_assignments WHERE site_id = $site ORDER BY customer_id, tag_number",
                   ("$site", siteId)))
        using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tags.Add(new TagAssignment
                {
                    SiteId = siteId,
                    CustomerId = r.GetInt64(0),
                    TagNumber = r.GetString(1),
                    TagId = r.GetString(2),
                    AssignedAt = ReadTime(r, 3),
                });
            }
        }

        return tags;
    }

    private static async Task<List<OwnedSchedule>> ReadSchedulesAsync(SqliteConnection connection, SqliteTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var schedules = new List<OwnedSchedule>();
        using (var cmd = Command(connection, tx,
                   "SELECT group_id, schedule_id, fingerprint FROM owned_schedules WHERE site_id = $site ORDER BY group_id, schedule_id",
                   ("$site", siteId)))
        using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                schedules.Add(new OwnedSchedule
                {
                    SiteId = siteId,
                    GroupId = r.GetString(0),
                    ScheduleId = r.GetString(1),
                    Fingerprint = r.GetString(2),
                });
            }
        }

        return schedules;
    }

    private static void ApplyOwnership(SqliteConnection connection, SqliteTransaction tx, SyncStateChanges changes)
    {
        foreach (var (site, customer) in changes.IdentitiesToRemove)
        {
            Execute(connection, tx, "DELETE FROM identity_links WHERE site_id = $site AND customer_id = $customer",
                ("$site", site), ("$customer", customer));
        }

        foreach (var i in changes.IdentitiesToSave)
        {
            Execute(connection, tx,
                """
                INSERT INTO identity_links (site_id, customer_id, site_user_id, platform_user_id, email, created_by_sdk, linked_at)
                VALUES ($site, $customer, $siteUser, $platformUser, $email, $created, $at)
                ON CONFLICT (site_id, customer_id) DO UPDATE SET site_user_id = excluded.site_user_id,
                  platform_user_id = excluded.platform_user_id, email = excluded.email,
                  created_by_sdk = excluded.created_by_sdk, linked_at = excluded.linked_at
                """,
                ("$site", i.SiteId), ("$customer", i.CustomerId), ("$siteUser", i.SiteUserId.Value),
                ("$platformUser", i.PlatformUserId.Value), ("$email", i.Email), ("$created", i.CreatedBySdk ? 1 : 0),
                ("$at", WriteTime(i.LinkedAt)));
        }

        foreach (var m in changes.MembershipsRemoved)
        {
            Execute(connection, tx,
                "DELETE FROM owned_memberships WHERE site_id = $site AND group_id = $group AND platform_user_key = $key",
                ("$site", m.SiteId), ("$group", m.GroupId), ("$key", UserKey(m.UserId)));
        }

        foreach (var m in changes.MembershipsAdded)
        {
            Execute(connection, tx,
                """
                INSERT INTO owned_memberships (site_id, group_id, platform_user_key, platform_user_id, customer_id, added_at)
                VALUES ($site, $group, $key, $user, $customer, $at)
                ON CONFLICT (site_id, group_id, platform_user_key) DO UPDATE SET platform_user_id = excluded.platform_user_id,
                  customer_id = excluded.customer_id, added_at = excluded.added_at
                """,
                ("$site", m.SiteId), ("$group", m.GroupId), ("$key", UserKey(m.UserId)), ("$user", m.UserId.Value),
                ("$customer", m.CustomerId), ("$at", WriteTime(m.AddedAt)));
        }

        foreach (var g in changes.GroupStatuses)
        {
            Execute(connection, tx,
                """
                INSERT INTO group_status (site_id, group_id, consecutive_failures, last_error, last_failure_at, last_success_at, next_attempt_at)
                VALUES ($site, $group, $failures, $error, $failedAt, $succeededAt, $nextAt)
                ON CONFLICT (site_id, group_id) DO UPDATE SET consecutive_failures = excluded.consecutive_failures,
                  last_error = excluded.last_error, last_failure_at = excluded.last_failure_at,
                  last_success_at = excluded.last_success_at, next_attempt_at = excluded.next_attempt_at
                """,
                ("$site", g.SiteId), ("$group", g.GroupId), ("$failures", g.ConsecutiveFailures), ("$error", g.LastError),
                ("$failedAt", WriteTime(g.LastFailureAt)), ("$succeededAt", WriteTime(g.LastSuccessAt)),
                ("$nextAt", WriteTime(g.NextAttemptAt)));
        }

        foreach (var (site, customer, number) in changes.TagsUnassigned)
        {
            Execute(connection, tx,
                "DELETE FROM tag_assignments WHERE site_id = $site AND customer_id = $customer AND tag_number = $number",
                ("$site", site), ("$customer", customer), ("$number", number));
        }

        foreach (var t in changes.TagsAssigned)
        {
            Execute(connection, tx,
                """
                INSERT INTO tag_assignments (site_id, customer_id, tag_number, tag_id, assigned_at)
                VALUES ($site, $customer, $number, $tag, $at)
                ON CONFLICT (site_id, customer_id, tag_number) DO UPDATE SET tag_id = excluded.tag_id, assigned_at = excluded.assigned_at
                """,
                ("$site", t.SiteId), ("$customer", t.CustomerId), ("$number", t.TagNumber), ("$tag", t.TagId),
                ("$at", WriteTime(t.AssignedAt)));
        }

        foreach (var (site, group, schedule) in changes.SchedulesRemoved)
        {
            Execute(connection, tx,
                "DELETE FROM owned_schedules WHERE site_id = $site AND group_id = $group AND schedule_id = $schedule",
                ("$site", site), ("$group", group), ("$schedule", schedule));
        }

        foreach (var s in changes.SchedulesSaved)
        {
            Execute(connection, tx,
                """
                INSERT INTO owned_schedules (site_id, group_id, schedule_id, fingerprint) VALUES ($site, $group, $schedule, $fingerprint)
                ON CONFLICT (site_id, group_id, schedule_id) DO UPDATE SET fingerprint = excluded.fingerprint
                """,
                ("$site", s.SiteId), ("$group", s.GroupId), ("$schedule", s.ScheduleId), ("$fingerprint", s.Fingerprint));
        }
    }
}
