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
        var state = new SiteSyncState
        {
            SiteId = siteId,
            Identities = await ReadIdentitiesAsync(connection, tx, siteId, cancellationToken).ConfigureAwait(false),
            OwnedMemberships = await ReadMembershipsAsync(connection, tx, siteId, cancellationToken).ConfigureAwait(false),
            GroupStatuses = await ReadGroupStatusesAsync(connection, tx, siteId, cancellationToken).ConfigureAwait(false),
            TagAssignments = await ReadTagsAsync(connection, tx, siteId, cancellationToken).ConfigureAwait(false),
            Schedules = await ReadSchedulesAsync(connection, tx, siteId, cancellationToken).ConfigureAwait(false),
            PendingMemberships = await ReadPendingMembershipsAsync(connection, tx, siteId, cancellationToken).ConfigureAwait(false),
        };

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return state;
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
        AddOwnership(batch, changes);
        AddPendingMemberships(batch, changes);
        AddCheckIns(batch, changes);
        AddValues(batch, changes);

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
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
