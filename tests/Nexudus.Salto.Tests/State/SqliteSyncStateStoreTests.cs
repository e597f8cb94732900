using Microsoft.Data.Sqlite;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Tests.State;

public sealed class SqliteSyncStateStoreTests : SyncStateStoreContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nexudus-salto-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "state.db");

    protected override Task<ISyncStateStore> CreateStoreAsync() =>
        Task.FromResult<ISyncStateStore>(new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = DatabasePath }));

    protected override Task<ISyncStateStore> OpenSameStateAsync() =>
        Task.FromResult<ISyncStateStore>(new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = DatabasePath }));

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail a test.
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task ApplyAsync_DataWritten_SurvivesANewStoreOnTheSameFile()
    {
        await Store.ApplyAsync(new SyncStateChanges { IdentitiesToSave = [Identity(7)], MembershipsAdded = [Owned("g1", "u1")] });
        SqliteConnection.ClearAllPools();

        var reopened = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = DatabasePath });
        var state = await reopened.LoadSiteAsync("site-1");

        Assert.Equal(Identity(7), Assert.Single(state.Identities));
        Assert.Equal(Owned("g1", "u1"), Assert.Single(state.OwnedMemberships));
    }

    [Fact]
    public async Task GetSchemaVersionAsync_NewFile_IsMigratedToTheCurrentVersion()
    {
        Assert.Equal(SqliteSyncStateStore.CurrentSchemaVersion, await ((SqliteSyncStateStore)Store).GetSchemaVersionAsync());
        Assert.True(SqliteSyncStateStore.CurrentSchemaVersion >= 1);
    }

    [Fact]
    public async Task LoadSiteAsync_FileFromANewerVersion_FailsWithAClearMessage()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "future.db");
        using (var c = new SqliteConnection($"Data Source={path}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.LoadSiteAsync("site-1"));
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("garbage")]
    [InlineData("foreign")]
    [InlineData("broken")]
    public async Task LoadSiteAsync_ExistingFileThatIsNotOurState_FailsNamingThePathAndLeavesTheFile(string kind)
    {
        var path = await WriteUnusableFileAsync(kind);
        var before = await File.ReadAllBytesAsync(path);
        var store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.LoadSiteAsync("site-1"));
        SqliteConnection.ClearAllPools();

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("rebuild-ownership", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("garbage")]
    [InlineData("foreign")]
    [InlineData("broken")]
    public async Task InspectAsync_ExistingFileThatIsNotOurState_FailsNamingThePathAndLeavesTheFile(string kind)
    {
        var path = await WriteUnusableFileAsync(kind);
        var before = await File.ReadAllBytesAsync(path);
        var store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InspectAsync());
        SqliteConnection.ClearAllPools();

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task InspectAsync_NoFileYet_ReturnsNullAndCreatesNothing()
    {
        var path = Path.Combine(_directory, "not-yet", "state.db");
        var store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path });

        Assert.Null(await store.InspectAsync());
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task InspectAsync_StoreInUse_ReturnsTheCurrentSchemaVersion()
    {
        await Store.LoadSiteAsync("site-1");
        var inspector = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = DatabasePath });

        Assert.Equal(SqliteSyncStateStore.CurrentSchemaVersion, await inspector.InspectAsync());
    }

    private async Task<string> WriteUnusableFileAsync(string kind)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, $"{kind}.db");
        switch (kind)
        {
            case "empty":
                await File.WriteAllBytesAsync(path, []);
                break;
            case "garbage":
                await File.WriteAllTextAsync(path, new string('x', 4096));
                break;
            default:
                using (var c = new SqliteConnection($"Data Source={path}"))
                {
                    c.Open();
                    using var cmd = c.CreateCommand();
                    cmd.CommandText = kind == "foreign"
                        ? "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
                        : "CREATE TABLE identity_links (site_id TEXT); PRAGMA user_version = 1;";
                    cmd.ExecuteNonQuery();
                }

                break;
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    [Fact]
    public async Task ApplyAsync_DatabaseFailsHalfWay_RollsBackTheWholeBatch()
    {
        // Make the last statement of the batch fail inside SQLite: the earlier ones must not stick.
        await Store.LoadSiteAsync("site-1");
        using (var c = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER fail_kv BEFORE INSERT ON kv BEGIN SELECT RAISE(ABORT, 'injected failure'); END;";
            cmd.ExecuteNonQuery();
        }

        var batch = new SyncStateChanges
        {
            IdentitiesToSave = [Identity(7)],
            MembershipsAdded = [Owned("g1", "u1")],
            Values = [new("k", "v")],
        };

        await Assert.ThrowsAsync<SqliteException>(() => Store.ApplyAsync(batch));

        var state = await Store.LoadSiteAsync("site-1");
        Assert.Empty(state.Identities);
        Assert.Empty(state.OwnedMemberships);
    }

    [Fact]
    public async Task AcquireLeaseAsync_SecondStoreOnTheSameFile_IsRefused()
    {
        // Two store instances stand in for two processes: the lock is an OS file lock, not a field.
        await using var lease = await Store.AcquireLeaseAsync("sync");
        var other = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = DatabasePath });

        var ex = await Assert.ThrowsAsync<SyncStateLockedException>(() => other.AcquireLeaseAsync("watch"));

        Assert.Contains(Path.GetFullPath(DatabasePath), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcquireLeaseAsync_DifferentFiles_DoNotBlockEachOther()
    {
        await using var lease = await Store.AcquireLeaseAsync("sync");
        var other = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = Path.Combine(_directory, "other.db") });

        await using var otherLease = await other.AcquireLeaseAsync("sync");

        Assert.Equal("sync", otherLease.Holder);
    }

    [Fact]
    public async Task ApplyAsync_WatermarkAdvances_PrunesEntriesOlderThanTheRetention()
    {
        var store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = Path.Combine(_directory, "prune.db"), ProcessedEntryRetention = TimeSpan.FromDays(1) });
        ProcessedEntry E(string id, DateTimeOffset at) => new() { SiteId = "site-1", EntryId = id, OccurredAt = at, Outcome = "checked-in", ProcessedAt = at };
        await store.ApplyAsync(new SyncStateChanges { EntriesProcessed = [E("old", T0.AddDays(-3)), E("recent", T0.AddHours(-2))] });

        await store.ApplyAsync(new SyncStateChanges { CheckInCursors = [new CheckInCursor { SiteId = "site-1", Watermark = T0 }] });

        Assert.False(await store.IsEntryProcessedAsync("site-1", "old"));
        Assert.True(await store.IsEntryProcessedAsync("site-1", "recent"));
    }

    [Fact]
    public async Task LoadSiteAsync_TimesWithOffsets_ComeBackAsTheSameInstantInUtc()
    {
        var local = new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2));
        await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1") with { AddedAt = local }] });

        var added = Assert.Single((await Store.LoadSiteAsync("site-1")).OwnedMemberships).AddedAt;

        Assert.Equal(local, added);
        Assert.Equal(TimeSpan.Zero, added.Offset);
    }

    [Fact]
    public async Task Constructor_PathInAFolderThatDoesNotExist_CreatesTheFolder()
    {
        var path = Path.Combine(_directory, "nested", "deeper", "state.db");
        var store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path });

        await store.ApplyAsync(new SyncStateChanges { Values = [new("k", "v")] });

        Assert.True(File.Exists(path));
        Assert.Equal("v", await store.GetValueAsync("k"));
    }

    [Fact]
    public async Task LoadSiteAsync_FileAtVersion2WithJournalValues_MovesTheEntriesIntoTheTableAndDeletesTheValues()
    {
        // A file the previous version wrote: schema version 2, the journal as one JSON named value per site.
        Directory.CreateDirectory(_directory);
        using (var c = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = SqliteSchema.Migrations[0] + SqliteSchema.Migrations[1] + "PRAGMA user_version = 2;" +
                "INSERT INTO owned_memberships VALUES ('site-1', 'g0', 'U0', 'u0', 1, '2026-03-29T00:30:00.0000000Z');" +
                "INSERT INTO kv VALUES ('nexudus-salto:sync:pending-memberships:site-1', " +
                "'[{\"groupId\":\"g1\",\"userId\":\"u1\",\"isAddition\":true,\"customerId\":42,\"addedAt\":null}," +
                "{\"groupId\":\"g1\",\"userId\":\"u2\",\"isAddition\":false,\"customerId\":43,\"addedAt\":\"2026-03-29T02:30:00+02:00\"}]');" +
                "INSERT INTO kv VALUES ('nexudus-salto:sync:pending-memberships:site-2', '[{\"groupId\":\"g9\",\"userId\":\"u9\",\"isAddition\":true,\"customerId\":null,\"addedAt\":null}]');" +
                "INSERT INTO kv VALUES ('nexudus-salto:sync:pending-memberships:site-3', 'not json');" +
                "INSERT INTO kv VALUES ('cursor', '42');";
            cmd.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var upgraded = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = DatabasePath });

        var state = await upgraded.LoadSiteAsync("site-1");
        Assert.Equal(SqliteSyncStateStore.CurrentSchemaVersion, await upgraded.GetSchemaVersionAsync());
        Assert.Equal([Pending("g1", "u1"), Pending("g1", "u2", isAddition: false) with { CustomerId = 43 }], state.PendingMemberships);
        Assert.Equal("u0", Assert.Single(state.OwnedMemberships).UserId.Value);
        Assert.Equal([("g9", "u9", (long?)null)], (await upgraded.LoadSiteAsync("site-2")).PendingMemberships.Select(p => (p.GroupId, p.UserId.Value, p.CustomerId)));
        Assert.Empty((await upgraded.LoadSiteAsync("site-3")).PendingMemberships);
        foreach (var site in new[] { "site-1", "site-2", "site-3" })
        {
            Assert.Null(await upgraded.GetValueAsync("nexudus-salto:sync:pending-memberships:" + site));
        }

        Assert.Equal("42", await upgraded.GetValueAsync("cursor"));
    }

    [Fact]
    public async Task ApplyAsync_DatabaseFailsHalfWay_RollsBackTheJournalRowsToo()
    {
        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = [Pending("g1", "u1")] });
        using (var c = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER fail_kv BEFORE INSERT ON kv BEGIN SELECT RAISE(ABORT, 'injected failure'); END;";
            cmd.ExecuteNonQuery();
        }

        await Assert.ThrowsAsync<SqliteException>(() => Store.ApplyAsync(new SyncStateChanges
        {
            PendingMembershipsRemoved = [Pending("g1", "u1")],
            PendingMembershipsAdded = [Pending("g2", "u2")],
            Values = [new("k", "v")],
        }));

        Assert.Equal([Pending("g1", "u1")], (await Store.LoadSiteAsync("site-1")).PendingMemberships);
    }
}
