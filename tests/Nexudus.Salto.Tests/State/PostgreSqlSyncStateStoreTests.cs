using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.PostgreSql;
using Nexudus.Salto.State;
using Nexudus.Salto.Tests.Support;
using Npgsql;

namespace Nexudus.Salto.Tests.State;

/// <summary>The store contract and the PostgreSQL specifics (migrations, run lock, site leases with fencing), each test on its own schema.</summary>
public sealed class PostgreSqlSyncStateStoreTests : SyncStateStoreContractTests
{
    private PostgreSqlSyncStateStore Pg => (PostgreSqlSyncStateStore)Store;

    protected override async Task<ISyncStateStore> CreateStoreAsync() => await PostgreSqlTestServer.NewStoreAsync();

    protected override Task<ISyncStateStore> OpenSameStateAsync() => Task.FromResult<ISyncStateStore>(Reopen());

    public override Task DisposeAsync() => PostgreSqlTestServer.DropSchemaAsync(Pg.Schema);

    private PostgreSqlSyncStateStore Reopen(TimeSpan? leaseDuration = null) =>
        new(new PostgreSqlSyncStateStoreOptions
        {
            ConnectionString = PostgreSqlTestServer.ConnectionStringAsync().Result,
            Schema = Pg.Schema,
            SiteLeaseDuration = leaseDuration ?? Pg.SiteLeaseDuration,
        });

    // Time passing, without waiting: the lease's expiry moves into the past by the server's clock.
    private Task ExpireLeaseAsync(string siteId) =>
        PostgreSqlTestServer.ExecuteAsync($"UPDATE \"{Pg.Schema}\".site_leases SET expires_at = clock_timestamp() - interval '1 second' WHERE site_id = '{siteId}'");

    [Fact]
    public async Task InitializeAsync_ManyHostsStartTogether_MigrateOnceAndAllWork()
    {
        var hosts = Enumerable.Range(0, 8).Select(_ => Reopen()).ToList();

        await Task.WhenAll(hosts.Select(h => h.InitializeAsync()));

        foreach (var host in hosts)
        {
            Assert.Equal(PostgreSqlSyncStateStore.CurrentSchemaVersion, await host.GetSchemaVersionAsync());
        }

        await using var connection = new NpgsqlConnection(await PostgreSqlTestServer.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{Pg.Schema}\".schema_version", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InspectAsync_BeforeTheFirstRun_CreatesNothing()
    {
        var (version, leases) = await Pg.InspectAsync();

        Assert.Null(version);
        Assert.Empty(leases);
        Assert.Null((await Pg.InspectAsync()).SchemaVersion);
    }

    [Fact]
    public async Task InspectAsync_AfterARun_ShowsTheVersionAndTheLiveLeases()
    {
        await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a");

        var (version, leases) = await Reopen().InspectAsync();

        Assert.Equal(PostgreSqlSyncStateStore.CurrentSchemaVersion, version);
        Assert.Equal("worker-a", Assert.Single(leases).Holder);
    }

    [Fact]
    public async Task InitializeAsync_SchemaNewerThanThisCode_FailsWithAClearMessage()
    {
        await Pg.InitializeAsync();
        await PostgreSqlTestServer.ExecuteAsync($"UPDATE \"{Pg.Schema}\".schema_version SET version = 99");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Reopen().InitializeAsync());

        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Pg.Schema, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_DatabaseFailsInTheMiddleOfABatch_WritesNothing()
    {
        await Pg.InitializeAsync();
        await PostgreSqlTestServer.ExecuteAsync(
            $"CREATE FUNCTION \"{Pg.Schema}\".fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$; " +
            $"CREATE TRIGGER fail_kv BEFORE INSERT ON \"{Pg.Schema}\".kv FOR EACH ROW EXECUTE FUNCTION \"{Pg.Schema}\".fail();");

        await Assert.ThrowsAsync<PostgresException>(() => Store.ApplyAsync(new SyncStateChanges
        {
            IdentitiesToSave = [Identity(7)],
            MembershipsAdded = [Owned("g1", "u1")],
            Values = [new("k", "v")],
        }));

        var state = await Store.LoadSiteAsync("site-1");
        Assert.Empty(state.Identities);
        Assert.Empty(state.OwnedMemberships);
    }

    [Fact]
    public async Task ApplyAsync_OnlyACursorWithoutWatermark_WritesNothingAndDoesNotFail()
    {
        await Store.ApplyAsync(new SyncStateChanges { CheckInCursors = [new CheckInCursor { SiteId = "site-1" }] });

        Assert.Null((await Store.LoadCheckInCursorAsync("site-1")).Watermark);
    }

    [Fact]
    public async Task AcquireLeaseAsync_AnotherHostOnTheSameSchema_IsRefused()
    {
        await using var lease = await Store.AcquireLeaseAsync("check-ins");

        var ex = await Assert.ThrowsAsync<SyncStateLockedException>(() => Reopen().AcquireLeaseAsync("check-ins"));

        Assert.Contains(Pg.Schema, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AcquireLeaseAsync_OtherSchema_IsNotBlocked()
    {
        await using var lease = await Store.AcquireLeaseAsync("check-ins");
        var other = await PostgreSqlTestServer.NewStoreAsync();
        try
        {
            await using var otherLease = await other.AcquireLeaseAsync("check-ins");
            Assert.Equal("check-ins", otherLease.Holder);
        }
        finally
        {
            await PostgreSqlTestServer.DropSchemaAsync(other.Schema);
        }
    }

    [Fact]
    public async Task TryAcquireSiteLeaseAsync_HeldByAnotherProcess_TellsWhoAndUntilWhen()
    {
        var a = await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a");

        var b = await Reopen().TryAcquireSiteLeaseAsync("site-1", "worker-b");

        Assert.NotNull(a.Lease);
        Assert.Null(b.Lease);
        Assert.Equal("worker-a", b.HeldByOther?.Holder);
        Assert.Equal(a.Lease.ExpiresAt, b.HeldByOther?.ExpiresAt);
    }

    [Fact]
    public async Task TryAcquireSiteLeaseAsync_OtherSite_IsFree()
    {
        await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a");

        var b = await Reopen().TryAcquireSiteLeaseAsync("site-2", "worker-b");

        Assert.Equal("worker-b", b.Lease?.Holder);
    }

    [Fact]
    public async Task TryAcquireSiteLeaseAsync_ExpiredLease_IsTakenOverWithAHigherToken()
    {
        var a = (await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a")).Lease!;
        await ExpireLeaseAsync("site-1");

        var b = (await Reopen().TryAcquireSiteLeaseAsync("site-1", "worker-b")).Lease;

        Assert.NotNull(b);
        Assert.True(b.FencingToken > a.FencingToken);
        Assert.Null(await Pg.RenewSiteLeaseAsync(a));
    }

    [Fact]
    public async Task ApplyAsync_PausedHolderWhoseLeaseWasTakenOver_CannotCommit()
    {
        var a = (await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a")).Lease!;
        await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")], Leases = [a] });

        // Worker A pauses past its lease; worker B takes the site over and records its own work.
        await ExpireLeaseAsync("site-1");
        var workerB = Reopen();
        var b = (await workerB.TryAcquireSiteLeaseAsync("site-1", "worker-b")).Lease!;
        await workerB.ApplyAsync(new SyncStateChanges { MembershipsRemoved = [new MembershipKey("site-1", "g1", new("u1"))], Leases = [b] });

        // A wakes up and tries to commit what it had in flight.
        var ex = await Assert.ThrowsAsync<SyncStateFencedException>(() => Store.ApplyAsync(new SyncStateChanges
        {
            MembershipsAdded = [Owned("g1", "u2")],
            Values = [new("stale", "write")],
            Leases = [a],
        }));

        Assert.Equal("worker-b", ex.CurrentHolder);
        Assert.Equal(a, ex.Lease);
        var state = await Store.LoadSiteAsync("site-1");
        Assert.Empty(state.OwnedMemberships);
        Assert.Null(await Store.GetValueAsync("stale"));
    }

    [Fact]
    public async Task ApplyAsync_ExpiredButNotTakenOver_StillCommits()
    {
        var a = (await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a")).Lease!;
        await ExpireLeaseAsync("site-1");

        await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")], Leases = [a] });

        Assert.Single((await Store.LoadSiteAsync("site-1")).OwnedMemberships);
        Assert.NotNull(await Pg.RenewSiteLeaseAsync(a));
    }

    [Fact]
    public async Task ApplyAsync_TakeOverRacingACommit_OneOfThemWinsAndTheLedgerIsWhole()
    {
        var a = (await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a")).Lease!;
        await ExpireLeaseAsync("site-1");
        var workerB = Reopen();

        var commit = Task.Run(() => Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")], Leases = [a] }));
        var takeOver = Task.Run(() => workerB.TryAcquireSiteLeaseAsync("site-1", "worker-b"));
        var committed = await commit.ContinueWith(t => t.IsCompletedSuccessfully);
        var b = (await takeOver).Lease;

        // The commit is serialized with the take-over: B took the lease either way, and A's write landed only if it came first.
        Assert.NotNull(b);
        Assert.Equal(committed ? 1 : 0, (await workerB.LoadSiteAsync("site-1")).OwnedMemberships.Count);
        if (!committed)
        {
            Assert.IsType<SyncStateFencedException>(commit.Exception?.InnerException);
        }
    }

    [Fact]
    public async Task RenewSiteLeaseAsync_WhileHeld_KeepsTheTokenAndExtends()
    {
        var a = (await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a")).Lease!;
        await ExpireLeaseAsync("site-1");

        var renewed = await Pg.RenewSiteLeaseAsync(a);

        Assert.NotNull(renewed);
        Assert.Equal(a.FencingToken, renewed.FencingToken);
        Assert.Null((await Reopen().TryAcquireSiteLeaseAsync("site-1", "worker-b")).Lease);
    }

    [Fact]
    public async Task ReleaseSiteLeaseAsync_AnotherProcessTakesTheSiteAtOnce()
    {
        var a = (await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a")).Lease!;

        await Pg.ReleaseSiteLeaseAsync(a);

        Assert.Equal("worker-b", (await Reopen().TryAcquireSiteLeaseAsync("site-1", "worker-b")).Lease?.Holder);
        Assert.DoesNotContain(await Pg.ListSiteLeasesAsync(), l => l.Holder == "worker-a");
    }

    [Fact]
    public async Task ReleaseSiteLeaseAsync_AfterTakeOver_LeavesTheNewHolderAlone()
    {
        var a = (await Pg.TryAcquireSiteLeaseAsync("site-1", "worker-a")).Lease!;
        await ExpireLeaseAsync("site-1");
        await Reopen().TryAcquireSiteLeaseAsync("site-1", "worker-b");

        await Pg.ReleaseSiteLeaseAsync(a);

        Assert.Equal("worker-b", Assert.Single(await Pg.ListSiteLeasesAsync()).Holder);
    }

    [Fact]
    public async Task JoinSiteWorkersAsync_TwoProcessesAnnounced_CountsBothAndEachOnlyOnce()
    {
        Assert.Equal(1, await Pg.JoinSiteWorkersAsync("worker-a"));
        Assert.Equal(2, await Reopen().JoinSiteWorkersAsync("worker-b"));

        Assert.Equal(2, await Pg.JoinSiteWorkersAsync("worker-a"));
    }

    [Fact]
    public async Task LeaveSiteWorkersAsync_AfterLeavingOrExpiry_IsNoLongerCounted()
    {
        await Pg.JoinSiteWorkersAsync("worker-a");
        await Pg.JoinSiteWorkersAsync("worker-dead");
        await PostgreSqlTestServer.ExecuteAsync($"UPDATE \"{Pg.Schema}\".site_workers SET expires_at = clock_timestamp() - interval '1 second' WHERE holder = 'worker-dead'");

        await Pg.LeaveSiteWorkersAsync("worker-a");

        Assert.Equal(1, await Reopen().JoinSiteWorkersAsync("worker-b"));
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

    [Theory]
    [InlineData("Public")]
    [InlineData("x; DROP TABLE kv")]
    [InlineData("")]
    [InlineData("9lives")]
    public void Constructor_SchemaNotAPlainIdentifier_IsRefused(string schema)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PostgreSqlSyncStateStore(new PostgreSqlSyncStateStoreOptions { ConnectionString = "Host=localhost", Schema = schema }));

        Assert.Contains("SaltoIntegration:PostgreSql:Schema", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MalformedConnectionString_SaysSoWithoutRepeatingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PostgreSqlSyncStateStore(new PostgreSqlSyncStateStoreOptions { ConnectionString = "Host=db;Password=hunter2;Bogus Key=1" }));

        Assert.Contains("SaltoIntegration:PostgreSql:ConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_SchemaVersion3WithJournalValues_MovesTheEntriesIntoTheTableAndDeletesTheValues()
    {
        // A schema the previous version wrote: version 3, the journal as one JSON named value per site.
        var quoted = $"\"{Pg.Schema}\"";
        var create = $"CREATE SCHEMA {quoted}; CREATE TABLE {quoted}.schema_version (version integer NOT NULL); INSERT INTO {quoted}.schema_version VALUES (3);" +
            string.Concat(PostgreSqlSchema.Migrations.Take(3).Select(m => string.Format(System.Globalization.CultureInfo.InvariantCulture, m, quoted)));
        await PostgreSqlTestServer.ExecuteAsync(create +
            $"INSERT INTO {quoted}.owned_memberships VALUES ('site-1', 'g0', 'U0', 'u0', 1, '2026-03-29T00:30:00Z');" +
            $"INSERT INTO {quoted}.kv VALUES ('nexudus-salto:sync:pending-memberships:site-1', " +
            "'[{\"groupId\":\"g1\",\"userId\":\"u1\",\"isAddition\":true,\"customerId\":42,\"addedAt\":null}," +
            "{\"groupId\":\"g1\",\"userId\":\"u2\",\"isAddition\":false,\"customerId\":43,\"addedAt\":\"2026-03-29T02:30:00+02:00\"}]');" +
            $"INSERT INTO {quoted}.kv VALUES ('nexudus-salto:sync:pending-memberships:site-2', 'not json');" +
            $"INSERT INTO {quoted}.kv VALUES ('cursor', '42');");

        var upgraded = Reopen();

        Assert.Equal(PostgreSqlSyncStateStore.CurrentSchemaVersion, await upgraded.GetSchemaVersionAsync());
        var state = await upgraded.LoadSiteAsync("site-1");
        Assert.Equal([Pending("g1", "u1"), Pending("g1", "u2", isAddition: false) with { CustomerId = 43 }], state.PendingMemberships);
        Assert.Equal("u0", Assert.Single(state.OwnedMemberships).UserId.Value);
        Assert.Empty((await upgraded.LoadSiteAsync("site-2")).PendingMemberships);
        Assert.Null(await upgraded.GetValueAsync("nexudus-salto:sync:pending-memberships:site-1"));
        Assert.Null(await upgraded.GetValueAsync("nexudus-salto:sync:pending-memberships:site-2"));
        Assert.Equal("42", await upgraded.GetValueAsync("cursor"));
    }

    [Fact]
    public async Task ApplyAsync_DatabaseFailsInTheMiddleOfABatch_RollsBackTheJournalRowsToo()
    {
        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = [Pending("g1", "u1")] });
        await PostgreSqlTestServer.ExecuteAsync(
            $"CREATE FUNCTION \"{Pg.Schema}\".fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$; " +
            $"CREATE TRIGGER fail_kv BEFORE INSERT ON \"{Pg.Schema}\".kv FOR EACH ROW EXECUTE FUNCTION \"{Pg.Schema}\".fail();");

        await Assert.ThrowsAsync<PostgresException>(() => Store.ApplyAsync(new SyncStateChanges
        {
            PendingMembershipsRemoved = [Pending("g1", "u1")],
            PendingMembershipsAdded = [Pending("g2", "u2")],
            Values = [new("k", "v")],
        }));

        Assert.Equal([Pending("g1", "u1")], (await Store.LoadSiteAsync("site-1")).PendingMemberships);
    }

    [Fact]
    public void UsePostgreSqlStateStore_ConnectionStringConfigured_ReplacesTheSqliteStore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SaltoIntegration:PostgreSql:ConnectionString"] = "Host=127.0.0.1;Username=postgres",
            ["SaltoIntegration:PostgreSql:Schema"] = "operator_a",
            ["SaltoIntegration:PostgreSql:SiteLeaseDuration"] = "00:00:45",
        }).Build();
        var services = new ServiceCollection();

        services.AddSaltoIntegration(configuration).UsePostgreSqlStateStore(configuration);
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<PostgreSqlSyncStateStore>(provider.GetRequiredService<ISyncStateStore>());
        Assert.Equal("operator_a", store.Schema);
        Assert.Equal(TimeSpan.FromSeconds(45), store.SiteLeaseDuration);
        Assert.Same(store, provider.GetRequiredService<ISiteLeaseStore>());
    }

    [Fact]
    public void UsePostgreSqlStateStore_DurationNotADuration_NamesTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SaltoIntegration:PostgreSql:ConnectionString"] = "Host=127.0.0.1;Username=postgres",
            ["SaltoIntegration:PostgreSql:SiteLeaseDuration"] = "two minutes",
        }).Build();

        var ex = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSaltoIntegration(configuration).UsePostgreSqlStateStore(configuration));

        Assert.Contains("SaltoIntegration:PostgreSql:SiteLeaseDuration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsePostgreSqlStateStore_NoConnectionString_KeepsTheSqliteStore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SaltoIntegration:StatePath"] = Path.Combine(Path.GetTempPath(), "unused.db"),
        }).Build();
        var services = new ServiceCollection();

        services.AddSaltoIntegration(configuration).UsePostgreSqlStateStore(configuration);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(PostgreSqlSyncStateStore) || d.ServiceType == typeof(ISiteLeaseStore));
        Assert.Single(services, d => d.ServiceType == typeof(ISyncStateStore));
    }
}
