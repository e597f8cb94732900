using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Npgsql;

namespace Nexudus.Salto.PostgreSql;

// Identity links, the ownership ledger, group retry state, tags and schedules: read per site, written in the batch.
public sealed partial class PostgreSqlSyncStateStore
{
    private async Task<List<IdentityLink>> ReadIdentitiesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var identities = new List<IdentityLink>();
        using (var cmd = Command(connection, tx,
                         $"SELECT customer_id, site_user_id, platform_user_id, email, created_by_sdk, linked_at FROM {_s}.identity_links WHERE site_id = $1 ORDER BY customer_id",
                         siteId))
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
                    CreatedBySdk = r.GetBoolean(4),
                    LinkedAt = ReadTime(r, 5),
                });
            }
        }

        return identities;
    }

    private async Task<List<OwnedMembership>> ReadMembershipsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var memberships = new List<OwnedMembership>();
        using (var cmd = Command(connection, tx,
                         $"SELECT group_id, platform_user_id, customer_id, added_at FROM {_s}.owned_memberships WHERE site_id = $1 ORDER BY group_id COLLATE \"C\", platform_user_key COLLATE \"C\"",
                         siteId))
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

    private async Task<List<GroupSyncStatus>> ReadGroupStatusesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var groups = new List<GroupSyncStatus>();
        using (var cmd = Command(connection, tx,
                         $"SELECT group_id, consecutive_failures, last_error, last_failure_at, last_success_at, next_attempt_at FROM {_s}.group_status WHERE site_id = $1 ORDER BY group_id COLLATE \"C\"",
                         siteId))
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

    private async Task<List<TagAssignment>> ReadTagsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var tags = new List<TagAssignment>();
        using (var cmd = Command(connection, tx,
                         $"SELECT customer_id, tag_number, tag_id, assigned_at FROM {_s}.tag_assignments WHERE site_id = $1 ORDER BY customer_id, tag_number COLLATE \"C\"",
                         siteId))
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

    private async Task<List<OwnedSchedule>> ReadSchedulesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string siteId, CancellationToken cancellationToken)
    {
        var schedules = new List<OwnedSchedule>();
        using (var cmd = Command(connection, tx,
                         $"SELECT group_id, schedule_id, fingerprint FROM {_s}.owned_schedules WHERE site_id = $1 ORDER BY group_id COLLATE \"C\", schedule_id COLLATE \"C\"",
                         siteId))
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

    private void AddOwnership(NpgsqlBatch batch, SyncStateChanges changes)
    {
        foreach (var (site, customer) in changes.IdentitiesToRemove)
        {
            Add(batch, $"DELETE FROM {_s}.identity_links WHERE site_id = $1 AND customer_id = $2", site, customer);
        }

        foreach (var i in changes.IdentitiesToSave)
        {
            Add(batch,
                $"""
                INSERT INTO {_s}.identity_links (site_id, customer_id, site_user_id, platform_user_id, email, created_by_sdk, linked_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (site_id, customer_id) DO UPDATE SET site_user_id = excluded.site_user_id,
                  platform_user_id = excluded.platform_user_id, email = excluded.email,
                  created_by_sdk = excluded.created_by_sdk, linked_at = excluded.linked_at
                """,
                i.SiteId, i.CustomerId, i.SiteUserId.Value, i.PlatformUserId.Value, Text(i.Email), i.CreatedBySdk, Time(i.LinkedAt));
        }

        foreach (var m in changes.MembershipsRemoved)
        {
            Add(batch, $"DELETE FROM {_s}.owned_memberships WHERE site_id = $1 AND group_id = $2 AND platform_user_key = $3",
                m.SiteId, m.GroupId, UserKey(m.UserId));
        }

        foreach (var m in changes.MembershipsAdded)
        {
            Add(batch,
                $"""
                INSERT INTO {_s}.owned_memberships (site_id, group_id, platform_user_key, platform_user_id, customer_id, added_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (site_id, group_id, platform_user_key) DO UPDATE SET platform_user_id = excluded.platform_user_id,
                  customer_id = excluded.customer_id, added_at = excluded.added_at
                """,
                m.SiteId, m.GroupId, UserKey(m.UserId), m.UserId.Value, Long(m.CustomerId), Time(m.AddedAt));
        }

        foreach (var g in changes.GroupStatuses)
        {
            Add(batch,
                $"""
                INSERT INTO {_s}.group_status (site_id, group_id, consecutive_failures, last_error, last_failure_at, last_success_at, next_attempt_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (site_id, group_id) DO UPDATE SET consecutive_failures = excluded.consecutive_failures,
                  last_error = excluded.last_error, last_failure_at = excluded.last_failure_at,
                  last_success_at = excluded.last_success_at, next_attempt_at = excluded.next_attempt_at
                """,
                g.SiteId, g.GroupId, g.ConsecutiveFailures, Text(g.LastError), Time(g.LastFailureAt), Time(g.LastSuccessAt), Time(g.NextAttemptAt));
        }

        foreach (var (site, customer, number) in changes.TagsUnassigned)
        {
            Add(batch, $"DELETE FROM {_s}.tag_assignments WHERE site_id = $1 AND customer_id = $2 AND tag_number = $3", site, customer, number);
        }

        foreach (var t in changes.TagsAssigned)
        {
            Add(batch,
                $"""
                INSERT INTO {_s}.tag_assignments (site_id, customer_id, tag_number, tag_id, assigned_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (site_id, customer_id, tag_number) DO UPDATE SET tag_id = excluded.tag_id, assigned_at = excluded.assigned_at
                """,
                t.SiteId, t.CustomerId, t.TagNumber, t.TagId, Time(t.AssignedAt));
        }

        foreach (var (site, group, schedule) in changes.SchedulesRemoved)
        {
            Add(batch, $"DELETE FROM {_s}.owned_schedules WHERE site_id = $1 AND group_id = $2 AND schedule_id = $3", site, group, schedule);
        }

        foreach (var s in changes.SchedulesSaved)
        {
            Add(batch,
                $"""
                INSERT INTO {_s}.owned_schedules (site_id, group_id, schedule_id, fingerprint) VALUES ($1, $2, $3, $4)
                ON CONFLICT (site_id, group_id, schedule_id) DO UPDATE SET fingerprint = excluded.fingerprint
                """,
                s.SiteId, s.GroupId, s.ScheduleId, s.Fingerprint);
        }
    }
}
