using System.Globalization;
using Microsoft.Data.Sqlite;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.State;

/// <summary>
/// The default <see cref="ISyncStateStore"/>: a SQLite database file at <c>StatePath</c>, with a
/// schema version and forward migrations, write-ahead logging, one transaction per
/// <see cref="ApplyAsync"/> batch, and an operating-system file lock so two runs on the same file
/// (in one process or two) cannot overlap. It is also the webhook inbox (<see cref="IWebhookInbox"/>), in the
/// same file.
/// </summary>
public sealed class SqliteSyncStateStore : ISyncStateStore, IWebhookInbox
{
    private readonly SqliteSyncStateStoreOptions _options;
    private readonly string _connectionString;
    private readonly RetryingInitialization _initialization;

    /// <summary>Initializes a new instance of the <see cref="SqliteSyncStateStore"/> class.</summary>
    /// <param name="options">Where the database lives and how long entries are kept.</param>
    public SqliteSyncStateStore(SqliteSyncStateStoreOptions options)
    {
        _initialization = new RetryingInitialization(InitializeAsync);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        _options = options;
        FullPath = System.IO.Path.GetFullPath(options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <summary>Gets the full path of the database file.</summary>
    /// <value>An absolute path.</value>
    public string FullPath { get; }

    /// <summary>Gets the schema version this code writes and migrates to.</summary>
    /// <value>A positive number, raised by every migration.</value>
    public static int CurrentSchemaVersion => SqliteSchema.Migrations.Count;

    /// <summary>
    /// Reads the state file's schema version without creating, migrating or writing anything (for health checks such
    /// as the sample's <c>doctor</c>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schema version, or <see langword="null"/> when no file exists yet (the first run creates it).</returns>
    /// <exception cref="InvalidOperationException">
    /// The file exists but cannot be used as the sync state (empty, not SQLite, or without this schema); the message
    /// names the path and what to do. The file is left as it is.
    /// </exception>
    public async Task<int?> InspectAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(FullPath))
        {
            return null;
        }

        if (new FileInfo(FullPath).Length == 0)
        {
            throw SqliteSchema.Unusable(FullPath, "the file is empty (zero bytes)");
        }

        var readOnly = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            var connection = new SqliteConnection(readOnly);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                SqliteSchema.CheckExisting(connection, FullPath);
                return SqliteSchema.ReadVersion(connection);
            }
        }
        catch (SqliteException ex)
        {
            throw SqliteSchema.Unusable(FullPath, $"SQLite cannot read it ({ex.Message})", ex);
        }
    }

    /// <inheritdoc />
    public async Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var lockPath = FullPath + ".lock";
        try
        {
            // FileShare.None is enforced with an OS lock (flock on Unix), which other processes see
            // too and which the OS drops if this process dies: no stale lease after a crash.
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return new FileLease(holder, stream);
        }
        catch (IOException ex)
        {
            throw new SyncStateLockedException(holder, FullPath, ex);
        }
    }

    /// <inheritdoc />
    public async Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // One read transaction gives a consistent picture even while another connection writes.
        using var tx = connection.BeginTransaction(deferred: true);
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

        tx.Commit();
        return new SiteSyncState
        {
            SiteId = siteId,
            Identities = identities,
            OwnedMemberships = memberships,
            GroupStatuses = groups,
            TagAssignments = tags,
            Schedules = schedules,
        };
    }

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

    /// <inheritdoc />
    public async Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, "SELECT value FROM kv WHERE key = $key", ("$key", key));
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public async Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        SyncStateChangesValidator.Validate(changes);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (changes.IsEmpty)
        {
            return;
        }

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // From here on the batch is not cancelled half-way: it commits whole, or rolls back whole
        // if SQLite itself fails.
        using var tx = connection.BeginTransaction(deferred: false);
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

        foreach (var (key, value) in changes.Values)
        {
            if (value is null)
            {
                Execute(connection, tx, "DELETE FROM kv WHERE key = $key", ("$key", key));
            }
            else
            {
                Execute(connection, tx,
                    "INSERT INTO kv (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    ("$key", key), ("$value", value));
            }
        }

        tx.Commit();
    }

    /// <summary>Reads the schema version of the database file.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The version after any pending migrations ran.</returns>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return SqliteSchema.ReadVersion(connection);
    }

    private Task EnsureInitializedAsync(CancellationToken cancellationToken) => _initialization.EnsureAsync(cancellationToken);

    private async Task InitializeAsync()
    {
        var directory = System.IO.Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // A new store is created only where no file exists: an existing file that is empty, not SQLite, or SQLite
        // without this schema is an error, never a fresh start (which would forget every membership the SDK owns).
        var existed = File.Exists(FullPath);
        if (existed && new FileInfo(FullPath).Length == 0)
        {
            throw SqliteSchema.Unusable(FullPath, "the file is empty (zero bytes)");
        }

        SqliteConnection connection;
        try
        {
            connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            if (existed)
            {
                SqliteSchema.CheckExisting(connection, FullPath);
            }
        }
        catch (SqliteException ex)
        {
            throw SqliteSchema.Unusable(FullPath, $"SQLite cannot read it ({ex.Message})", ex);
        }

        using var _ = connection;
        using (var wal = connection.CreateCommand())
        {
            // WAL keeps readers and the writer apart; FULL sync makes a committed batch survive power loss.
            wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
            wal.ExecuteNonQuery();
        }

        SqliteSchema.Migrate(connection, FullPath);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {(int)_options.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> AddWebhookEventAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        WebhookInboxRules.Validate(webhookEvent);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "INSERT INTO webhook_inbox (event_id, action, record_id, customer_ids, team_payer_ids, received_at) " +
            "VALUES ($id, $action, $record, $customers, $payers, $received) ON CONFLICT (event_id) DO NOTHING",
            ("$id", webhookEvent.Id),
            ("$action", (int)webhookEvent.Action),
            ("$record", webhookEvent.RecordId),
            ("$customers", WriteIds(webhookEvent.CustomerIds)),
            ("$payers", WriteIds(webhookEvent.TeamPayerIds)),
            ("$received", WriteTime(webhookEvent.ReceivedAt)));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookEvent>> ReadWebhookEventsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "SELECT event_id, action, record_id, customer_ids, team_payer_ids, received_at FROM webhook_inbox ORDER BY received_at, event_id LIMIT $max",
            ("$max", maxCount));
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<WebhookEvent>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new WebhookEvent
            {
                Id = r.GetString(0),
                Action = (global::Nexudus.Salto.Nexudus.WebhookAction)r.GetInt32(1),
                RecordId = r.GetInt64(2),
                CustomerIds = ReadIds(r.GetString(3)),
                TeamPayerIds = ReadIds(r.GetString(4)),
                ReceivedAt = ReadTime(r, 5),
            });
        }

        return events;
    }

    /// <inheritdoc />
    public async Task RemoveWebhookEventsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.Distinct(StringComparer.Ordinal).ToList();
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (list.Count == 0)
        {
            return;
        }

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var tx = connection.BeginTransaction(deferred: false);
        foreach (var id in list)
        {
            Execute(connection, tx, "DELETE FROM webhook_inbox WHERE event_id = $id", ("$id", id));
        }

        tx.Commit();
    }

    private static string WriteIds(IReadOnlyList<long> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static long[] ReadIds(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture))];

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
#pragma warning disable CA2100 // SQL text is constant; values always go through parameters.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(connection, tx, sql, parameters);
        cmd.ExecuteNonQuery();
    }

    private static string UserKey(PlatformUserId id) => id.Value.ToUpperInvariant();

    private static string? WriteTime(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset ReadTime(SqliteDataReader reader, int ordinal) => ParseTime(reader.GetString(ordinal));

    private static DateTimeOffset? ReadNullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));

    private sealed class FileLease(string holder, FileStream stream) : ISyncStateLease
    {
        private FileStream? _stream = stream;

        public string Holder { get; } = holder;

        public async ValueTask DisposeAsync()
        {
            var s = Interlocked.Exchange(ref _stream, null);
            if (s is not null)
            {
                await s.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
