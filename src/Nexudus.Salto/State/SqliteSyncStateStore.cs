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
public sealed partial class SqliteSyncStateStore : ISyncStateStore, IWebhookInbox
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

        tx.Commit();
        return state;
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
        ApplyOwnership(connection, tx, changes);
        ApplyPendingMemberships(connection, tx, changes);
        ApplyCheckIns(connection, tx, changes);
        ApplyValues(connection, tx, changes);
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
