using System.Text.RegularExpressions;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Npgsql;

namespace Nexudus.Salto.PostgreSql;

/// <summary>
/// An <see cref="ISyncStateStore"/> in a PostgreSQL database that several hosts share: the same state as the SQLite
/// store (identity map, ownership ledger, pending changes, group retry state, tags, schedules, check-in memory), with
/// versioned migrations applied at start under an advisory lock, one transaction per <see cref="ApplyAsync"/> batch,
/// and per-site leases with fencing (<see cref="ISiteLeaseStore"/>) so several workers split the sites and a worker
/// whose lease was taken over cannot commit. It is also the webhook inbox (<see cref="IWebhookInbox"/>), in the same
/// schema.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="AcquireLeaseAsync"/> is the exclusive lease of the whole state (one schema) that single-process runs
/// take, such as the check-in bridge: a session-level advisory lock that the server drops if the holder's connection
/// dies. The sync engine uses the site leases instead, so two sync processes share the work rather than refuse each
/// other.
/// </para>
/// <para>
/// The webhook inbox is shared by every host on the schema and is not fenced by site leases: the endpoint records
/// deliveries while runs hold leases. Several workers reading the inbox can therefore read, and apply, the same
/// events; that is safe because the sync writes those runs make are fenced by the site leases, and removing an
/// event another worker already removed is a no-op.
/// </para>
/// <para>Times are stored to the microsecond (PostgreSQL's <c>timestamptz</c>).</para>
/// </remarks>
public sealed partial class PostgreSqlSyncStateStore : ISyncStateStore, ISiteLeaseStore, IWebhookInbox
{
    private readonly PostgreSqlSyncStateStoreOptions _options;
    private readonly string _connectionString;
    private readonly string _lockConnectionString;
    private readonly string _s;
    private readonly RetryingInitialization _initialization;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlSyncStateStore"/> class.</summary>
    /// <param name="options">The connection string, schema and lease duration.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is missing or malformed, the schema name is not a plain
    /// identifier, or a duration is out of range.</exception>
    public PostgreSqlSyncStateStore(PostgreSqlSyncStateStoreOptions options)
    {
        _initialization = new RetryingInitialization(MigrateAsync);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var failure in Validate(options))
        {
            throw new ArgumentException(failure, nameof(options));
        }

        _options = options;
        Schema = options.Schema;
        _s = "\"" + options.Schema + "\"";
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
        };
        _connectionString = builder.ConnectionString;
        builder.Pooling = false; // a lease's connection is closed for real when the lease ends
        _lockConnectionString = builder.ConnectionString;
        Location = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} schema {options.Schema}";
    }

    /// <summary>Gets the schema version this code writes and migrates to.</summary>
    /// <value>A positive number, raised by every migration.</value>
    public static int CurrentSchemaVersion => PostgreSqlSchema.Migrations.Count;

    /// <summary>Gets the schema the tables live in.</summary>
    /// <value>The schema name.</value>
    public string Schema { get; }

    /// <summary>Gets where the state lives, for messages: host, port, database and schema (never the password).</summary>
    /// <value>A description.</value>
    public string Location { get; }

    /// <inheritdoc />
    public TimeSpan SiteLeaseDuration => _options.SiteLeaseDuration;

    /// <inheritdoc />
    public TimeSpan SiteWorkerJoinWindow => _options.JoinWindow;

    /// <summary>Lists what is wrong with <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One message per problem; empty when the options are usable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Validate(PostgreSqlSyncStateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{PostgreSqlSyncStateStoreOptions.SectionName}:ConnectionString is required.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException)
            {
                // The message of the parser may quote the string, password included: never pass it on.
                failures.Add($"{PostgreSqlSyncStateStoreOptions.SectionName}:ConnectionString is not a valid Npgsql connection string.");
            }
        }

        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            failures.Add($"{PostgreSqlSyncStateStoreOptions.SectionName}:Schema must be lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.");
        }

        if (options.SiteLeaseDuration < TimeSpan.FromSeconds(1) || options.SiteLeaseDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"{PostgreSqlSyncStateStoreOptions.SectionName}:SiteLeaseDuration must be between 1 second and 1 day.");
        }

        if (options.JoinWindow < TimeSpan.Zero || options.JoinWindow > options.SiteLeaseDuration)
        {
            failures.Add($"{PostgreSqlSyncStateStoreOptions.SectionName}:JoinWindow must be between zero and SiteLeaseDuration.");
        }

        if (options.ProcessedEntryRetention <= TimeSpan.Zero)
        {
            failures.Add($"{PostgreSqlSyncStateStoreOptions.SectionName}:ProcessedEntryRetention must be positive.");
        }

        if (options.CommandTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{PostgreSqlSyncStateStoreOptions.SectionName}:CommandTimeout must be at least 1 second.");
        }

        return failures;
    }

    /// <summary>Connects, creates the schema if needed and runs pending migrations (also done by the first call of any other method).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => EnsureInitializedAsync(cancellationToken);

    /// <summary>Reads the schema version of the database.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The version after any pending migrations ran.</returns>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, $"SELECT max(version) FROM {_s}.schema_version");
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads, without creating or migrating anything, the schema version and the live site leases: for health checks
    /// and diagnostics.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The version (<see langword="null"/> when the schema does not exist yet) and the leases held now.</returns>
    /// <exception cref="NpgsqlException">The server could not be reached or refused the login.</exception>
    public async Task<(int? SchemaVersion, IReadOnlyList<SiteLease> Leases)> InspectAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using (var exists = Command(connection, null, "SELECT to_regclass($1) IS NOT NULL", $"{_s}.schema_version"))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return (null, []);
            }
        }

        int version;
        using (var read = Command(connection, null, $"SELECT coalesce(max(version), 0) FROM {_s}.schema_version"))
        {
            version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        var leases = new List<SiteLease>();
        using (var exists = Command(connection, null, "SELECT to_regclass($1) IS NOT NULL", $"{_s}.site_leases"))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return (version, leases);
            }
        }

        using var cmd = Command(connection, null,
            $"SELECT site_id, holder, token, expires_at FROM {_s}.site_leases WHERE expires_at > clock_timestamp() ORDER BY site_id COLLATE \"C\"");
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new SiteLease { SiteId = r.GetString(0), Holder = r.GetString(1), FencingToken = r.GetInt64(2), ExpiresAt = ReadTime(r, 3) });
        }

        return (version, leases);
    }

    /// <inheritdoc />
    public async Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var connection = new NpgsqlConnection(_lockConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, hashtext($2))", connection);
            cmd.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlSchema.RunLockClass });
            cmd.Parameters.Add(new NpgsqlParameter { Value = Schema });
            if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                throw new SyncStateLockedException(holder, Location, innerException: null);
            }

            return new ConnectionLease(holder, connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // One repeatable-read snapshot gives a consistent picture while other hosts write.
        using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
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

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
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

    /// <inheritdoc />
    public async Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, $"SELECT value FROM {_s}.kv WHERE key = $1", key);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    /// <exception cref="SyncStateFencedException">A lease in <see cref="SyncStateChanges.Leases"/> has passed to another holder; nothing was written.</exception>
    public async Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        SyncStateChangesValidator.Validate(changes, leasesChecked: true);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (changes.IsEmpty)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // From here on the batch is not cancelled half-way: it commits whole, or rolls back whole.
        using var tx = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        if (changes.Leases.Count > 0)
        {
            await CheckFencesAsync(connection, tx, changes.Leases).ConfigureAwait(false);
        }

        using var batch = new NpgsqlBatch(connection, tx);
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

        foreach (var (key, value) in changes.Values)
        {
            if (value is null)
            {
                Add(batch, $"DELETE FROM {_s}.kv WHERE key = $1", key);
            }
            else
            {
                Add(batch, $"INSERT INTO {_s}.kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SiteLeaseAttempt> TryAcquireSiteLeaseAsync(string siteId, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Taken when free, expired (by the server's clock) or already ours; a take-over gets a new, higher token.
        using (var take = Command(connection, null,
                         $"""
                         INSERT INTO {_s}.site_leases AS l (site_id, holder, token, acquired_at, expires_at)
                         VALUES ($1, $2, nextval('{_s}.lease_tokens'), clock_timestamp(), clock_timestamp() + $3)
                         ON CONFLICT (site_id) DO UPDATE SET holder = excluded.holder,
                           token = CASE WHEN l.holder = excluded.holder AND l.expires_at > clock_timestamp() THEN l.token ELSE excluded.token END,
                           acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                         WHERE l.expires_at <= clock_timestamp() OR l.holder = excluded.holder
                         RETURNING holder, token, expires_at
                         """,
                         siteId, holder, _options.SiteLeaseDuration))
        using (var r = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new SiteLeaseAttempt { Lease = new SiteLease { SiteId = siteId, Holder = r.GetString(0), FencingToken = r.GetInt64(1), ExpiresAt = ReadTime(r, 2) } };
            }
        }

        using var other = Command(connection, null, $"SELECT holder, token, expires_at FROM {_s}.site_leases WHERE site_id = $1", siteId);
        using var o = await other.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await o.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SiteLeaseAttempt { HeldByOther = new SiteLease { SiteId = siteId, Holder = o.GetString(0), FencingToken = o.GetInt64(1), ExpiresAt = ReadTime(o, 2) } }
            : new SiteLeaseAttempt();
    }

    /// <inheritdoc />
    public async Task<SiteLease?> RenewSiteLeaseAsync(SiteLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Renewed while the token is still the site's, even just after expiry if no one took it meanwhile.
        using var cmd = Command(connection, null,
            $"UPDATE {_s}.site_leases SET expires_at = clock_timestamp() + $3 WHERE site_id = $1 AND token = $2 RETURNING expires_at",
            lease.SiteId, lease.FencingToken, _options.SiteLeaseDuration);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime expires
            ? lease with { ExpiresAt = ToOffset(expires) }
            : null;
    }

    /// <inheritdoc />
    public async Task ReleaseSiteLeaseAsync(SiteLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, $"DELETE FROM {_s}.site_leases WHERE site_id = $1 AND token = $2", lease.SiteId, lease.FencingToken);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> JoinSiteWorkersAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            $"""
            WITH joined AS (
              INSERT INTO {_s}.site_workers AS w (holder, expires_at) VALUES ($1, clock_timestamp() + $2)
              ON CONFLICT (holder) DO UPDATE SET expires_at = excluded.expires_at RETURNING holder)
            SELECT 1 + count(*) FROM {_s}.site_workers WHERE expires_at > clock_timestamp() AND holder <> $1
            """,
            holder, _options.SiteLeaseDuration);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task LeaveSiteWorkersAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Expired announcements of processes that died go too.
        using var cmd = Command(connection, null, $"DELETE FROM {_s}.site_workers WHERE holder = $1 OR expires_at <= clock_timestamp()", holder);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SiteLease>> ListSiteLeasesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            $"SELECT site_id, holder, token, expires_at FROM {_s}.site_leases WHERE expires_at > clock_timestamp() ORDER BY site_id COLLATE \"C\"");
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<SiteLease>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new SiteLease { SiteId = r.GetString(0), Holder = r.GetString(1), FencingToken = r.GetInt64(2), ExpiresAt = ReadTime(r, 3) });
        }

        return leases;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One <c>INSERT … ON CONFLICT DO NOTHING</c>, committed before it returns: hosts that receive the same delivery
    /// together record it once, and exactly one of them is told it added it. No site lease is needed or checked.
    /// </remarks>
    /// <exception cref="ArgumentException">The event has no id, an id over 200 characters or with a NUL character, or names over 10,000 customers.</exception>
    public async Task<bool> AddWebhookEventAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        WebhookInboxRules.Validate(webhookEvent);
        if (webhookEvent.Id.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A webhook event id cannot contain a NUL character (PostgreSQL text cannot hold one).", nameof(webhookEvent));
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            $"""
            INSERT INTO {_s}.webhook_inbox (event_id, action, record_id, customer_ids, team_payer_ids, received_at)
            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING
            """,
            webhookEvent.Id, (int)webhookEvent.Action, webhookEvent.RecordId,
            webhookEvent.CustomerIds.ToArray(), webhookEvent.TeamPayerIds.ToArray(), Time(webhookEvent.ReceivedAt));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Oldest first by <see cref="WebhookEvent.ReceivedAt"/>, then by id (ordinal). Nothing is claimed: workers that
    /// share the schema and read together get the same events (see the class remarks).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    public async Task<IReadOnlyList<WebhookEvent>> ReadWebhookEventsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            $"""
            SELECT event_id, action, record_id, customer_ids, team_payer_ids, received_at FROM {_s}.webhook_inbox
            ORDER BY received_at, event_id COLLATE "C" LIMIT $1
            """,
            maxCount);
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<WebhookEvent>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new WebhookEvent
            {
                Id = r.GetString(0),
                Action = (global::Nexudus.Salto.Nexudus.WebhookAction)r.GetInt32(1),
                RecordId = r.GetInt64(2),
                CustomerIds = r.GetFieldValue<long[]>(3),
                TeamPayerIds = r.GetFieldValue<long[]>(4),
                ReceivedAt = ReadTime(r, 5),
            });
        }

        return events;
    }

    /// <inheritdoc />
    /// <remarks>One <c>DELETE</c> statement: all the ids go, or none.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is <see langword="null"/>.</exception>
    public async Task RemoveWebhookEventsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.Where(id => id is not null).Distinct(StringComparer.Ordinal).ToArray();
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (list.Length == 0)
        {
            return;
        }

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, $"DELETE FROM {_s}.webhook_inbox WHERE event_id = ANY($1)", (object)list);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses the batch unless every lease it carries is still its site's lease. The rows stay share-locked until the
    /// batch commits, so a take-over waits for the batch, or the batch sees the take-over: never both.
    /// </summary>
    private async Task CheckFencesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<SiteLease> leases)
    {
        var sites = leases.Select(l => l.SiteId).Distinct(StringComparer.Ordinal).ToArray();
        var current = new Dictionary<string, (string Holder, long Token)>(StringComparer.Ordinal);
        using (var cmd = Command(connection, tx,
                         $"SELECT site_id, holder, token FROM {_s}.site_leases WHERE site_id = ANY($1) FOR SHARE", (object)sites))
        using (var r = await cmd.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await r.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                current[r.GetString(0)] = (r.GetString(1), r.GetInt64(2));
            }
        }

        foreach (var lease in leases)
        {
            if (!current.TryGetValue(lease.SiteId, out var now) || now.Token != lease.FencingToken)
            {
                throw new SyncStateFencedException(lease, current.TryGetValue(lease.SiteId, out var other) ? other.Holder : null);
            }
        }
    }

    private Task EnsureInitializedAsync(CancellationToken cancellationToken) => _initialization.EnsureAsync(cancellationToken);

    private async Task MigrateAsync()
    {
        using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await PostgreSqlSchema.MigrateAsync(connection, Schema, _s, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params object[] values)
    {
#pragma warning disable CA2100 // SQL text is constant but for the validated, quoted schema name; values always go through parameters.
        var cmd = new NpgsqlCommand(sql, connection, tx);
#pragma warning restore CA2100
        foreach (var value in values)
        {
            cmd.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return cmd;
    }

    private static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            cmd.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(cmd);
    }

    private static string UserKey(PlatformUserId id) => id.Value.ToUpperInvariant();

    private static object Text(string? value) => value is null ? DBNull.Value : value;

    private static object Long(long? value) => value is { } v ? v : DBNull.Value;

    // timestamptz takes UTC DateTimes; typed parameters so a null still has a type.
    private static NpgsqlParameter Time(DateTimeOffset? value) => new()
    {
        NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz,
        Value = value is { } v ? v.UtcDateTime : DBNull.Value,
    };

    private static DateTimeOffset ToOffset(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset ReadTime(NpgsqlDataReader reader, int ordinal) => ToOffset(reader.GetDateTime(ordinal));

    private static DateTimeOffset? ReadNullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ToOffset(reader.GetDateTime(ordinal));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();

    private sealed class ConnectionLease(string holder, NpgsqlConnection connection) : ISyncStateLease
    {
        private NpgsqlConnection? _connection = connection;

        public string Holder { get; } = holder;

        public async ValueTask DisposeAsync()
        {
            // Closing the (unpooled) connection ends the session, and with it the advisory lock.
            var c = Interlocked.Exchange(ref _connection, null);
            if (c is not null)
            {
                await c.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
