using Nexudus.Salto.PostgreSql;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Tests.Support;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// The sync on the shared PostgreSQL store: a site another process leases is skipped (not failed), a worker whose lease
/// was taken over mid-apply cannot commit, and the next holder finishes its work. Each test has its own schema.
/// </summary>
public sealed class SyncPostgreSqlStateTests : IAsyncLifetime
{
    private PostgreSqlSyncStateStore _store = null!;

    public async Task InitializeAsync() => _store = await PostgreSqlTestServer.NewStoreAsync();

    public Task DisposeAsync() => PostgreSqlTestServer.DropSchemaAsync(_store.Schema);

    // Another process on the same state: a new store over the same schema.
    private PostgreSqlSyncStateStore OtherProcess() => new(new PostgreSqlSyncStateStoreOptions
    {
        ConnectionString = PostgreSqlTestServer.ConnectionStringAsync().Result,
        Schema = _store.Schema,
    });

    [Fact]
    public async Task Synchronize_SiteLeasedByAnotherProcess_IsSkippedWithItsHolderAndNotAFailure()
    {
        await using var h = await StartAsync(salto: OlderTagReading); // the churn world assigns tags
        h.Store = _store;
        var options = await ChurnWorld.PrepareAsync(h);
        var other = (await OtherProcess().TryAcquireSiteLeaseAsync(SiteId, "worker-elsewhere")).Lease!;
        h.Salto.Requests.Clear();

        var report = await h.SyncAsync(options);

        Assert.Equal(SyncResult.Completed, report.Result);
        var skipped = Assert.Single(report.SkippedSites);
        Assert.Equal(SiteId, skipped.SiteId);
        Assert.Equal("worker-elsewhere", skipped.Holder);
        Assert.Equal(other.ExpiresAt, skipped.HeldUntil);
        Assert.Empty(report.Changes);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
    }

    [Fact]
    public async Task Synchronize_AfterTheOtherProcessReleases_ConvergesAndTheNextRunWritesNothing()
    {
        await using var h = await StartAsync(salto: OlderTagReading); // the churn world assigns tags
        h.Store = _store;
        var options = await ChurnWorld.PrepareAsync(h);
        var otherStore = OtherProcess();
        var other = (await otherStore.TryAcquireSiteLeaseAsync(SiteId, "worker-elsewhere")).Lease!;
        await h.SyncAsync(options);
        await otherStore.ReleaseSiteLeaseAsync(other);

        var report = await h.SyncAsync(options);
        h.Salto.Requests.Clear();
        var third = await new AccessSynchronizer(h.NexudusClient, h.SaltoClient, OtherProcess(), options, h.Time).SynchronizeAsync();

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Empty(report.SkippedSites);
        ChurnWorld.AssertConverged(h);
        await ChurnWorld.AssertLedgerCompleteAsync(h);
        Assert.Equal(SyncResult.Completed, third.Result);
        Assert.Empty(third.Changes);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
        Assert.Empty(await _store.ListSiteLeasesAsync());
    }

    [Theory]
    [InlineData(21)]
    [InlineData(23)]
    [InlineData(25)]
    public async Task Synchronize_PausedWorkerWhoseLeaseWasTakenOverMidApply_CannotCommitAndTheNextHolderFinishes(int takeOverAt)
    {
        await using var h = await StartAsync(salto: OlderTagReading); // the churn world assigns tags
        h.Store = _store;
        var options = await ChurnWorld.PrepareAsync(h);
        var start = h.Hook.Count;
        var takenOver = false;
        h.Hook.OnRequest = (n, _) =>
        {
            if (n - start == takeOverAt)
            {
                // Worker A "pauses" here past its lease; worker B takes the site over.
                PostgreSqlTestServer.ExecuteAsync($"UPDATE \"{_store.Schema}\".site_leases SET expires_at = clock_timestamp() - interval '1 second'").GetAwaiter().GetResult();
                takenOver = OtherProcess().TryAcquireSiteLeaseAsync(SiteId, "worker-b").GetAwaiter().GetResult().Lease is not null;
            }

            return HookAction.None;
        };

        var a = await h.SyncAsync(options);

        Assert.True(takenOver);
        Assert.Equal(SyncResult.Failed, a.Result);
        Assert.Contains(a.Errors, e => e.Message.Contains("taken over", StringComparison.Ordinal));
        await ChurnWorld.AssertLedgerTruthfulAsync(h);

        // Worker B's run (its lease released, as at the end of its own run) finishes what A left.
        h.Hook.OnRequest = null;
        var b = OtherProcess();
        foreach (var lease in await b.ListSiteLeasesAsync())
        {
            await b.ReleaseSiteLeaseAsync(lease);
        }

        h.Store = b;
        var report = await h.SyncAsync(options);

        Assert.NotEqual(SyncResult.Failed, report.Result);
        ChurnWorld.AssertConverged(h);
        await ChurnWorld.AssertLedgerTruthfulAsync(h);
        await ChurnWorld.AssertLedgerCompleteAsync(h);
    }
}
