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

    // Killed (kill -9) before or after SALTO answered one of the churn run's requests: 21 to 25 are its SALTO writes
    // (the paused-worker theory above uses the same points), 18 is a read before them and 27 the last write.
    [Theory]
    [InlineData(18, HookAction.StopAfter)]
    [InlineData(21, HookAction.StopBefore)]
    [InlineData(21, HookAction.StopAfter)]
    [InlineData(23, HookAction.StopAfter)]
    [InlineData(25, HookAction.StopBefore)]
    [InlineData(27, HookAction.StopAfter)]
    public async Task Synchronize_WorkerKilledMidApply_ItsLeaseOutlivesItAndTheNextHolderFinishesWhatItLeft(int killAt, HookAction how)
    {
        await using var h = await StartAsync(salto: OlderTagReading); // the churn world assigns tags
        var dying = new KillableStore(_store);
        h.Store = dying;
        var options = await ChurnWorld.PrepareAsync(h);
        using var run = new CancellationTokenSource();
        var start = h.Hook.Count;
        h.Hook.OnRequest = (n, _) => n - start == killAt ? how : HookAction.None;
        h.Hook.OnStop = () =>
        {
            // From here nothing the process does reaches the database: no journal settlement, no lease release.
            dying.Kill();
            run.Cancel();
        };

        try
        {
            await h.SyncAsync(options, run.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or KillableStore.DeadException)
        {
            // The process is gone.
        }

        Assert.True(dying.Killed);
        h.Hook.OnRequest = null;
        h.Hook.OnStop = null;
        var next = OtherProcess();
        h.Store = next;
        ChurnWorld.AssertNoStranger(h);
        await ChurnWorld.AssertLedgerTruthfulAsync(h);

        // Its lease outlives it: the next worker skips the site, naming the dead holder, and writes nothing.
        var held = Assert.Single(await next.ListSiteLeasesAsync());
        h.Salto.Requests.Clear();
        var skipping = await h.SyncAsync(options);
        Assert.Equal(SyncResult.Completed, skipping.Result);
        Assert.Equal(held.Holder, Assert.Single(skipping.SkippedSites).Holder);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);

        // Once the lease has expired, the next holder finishes what the dead one left, and a third run writes nothing.
        await PostgreSqlTestServer.ExecuteAsync($"UPDATE \"{_store.Schema}\".site_leases SET expires_at = clock_timestamp() - interval '1 second'");
        var finishing = await h.SyncAsync(options);
        h.Salto.Requests.Clear();
        var third = await h.SyncAsync(options);

        Assert.NotEqual(SyncResult.Failed, finishing.Result);
        Assert.Empty(finishing.SkippedSites);
        ChurnWorld.AssertConverged(h);
        await ChurnWorld.AssertLedgerTruthfulAsync(h);
        await ChurnWorld.AssertLedgerCompleteAsync(h);
        Assert.Empty(third.Changes);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
    }

    /// <summary>A process's store that dies on <see cref="Kill"/>: every call after it fails, as if the process were gone.</summary>
    private sealed class KillableStore(PostgreSqlSyncStateStore inner) : ISyncStateStore, ISiteLeaseStore
    {
        private volatile bool _killed;

        public bool Killed => _killed;

        public TimeSpan SiteLeaseDuration => inner.SiteLeaseDuration;

        public TimeSpan SiteWorkerJoinWindow => inner.SiteWorkerJoinWindow;

        public void Kill() => _killed = true;

        public Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default) => Alive(() => inner.AcquireLeaseAsync(holder, cancellationToken));

        public Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default) => Alive(() => inner.LoadSiteAsync(siteId, cancellationToken));

        public Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default) => Alive(() => inner.LoadCheckInCursorAsync(siteId, cancellationToken));

        public Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default) =>
            Alive(() => inner.IsEntryProcessedAsync(siteId, entryId, cancellationToken));

        public Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default) => Alive(() => inner.GetValueAsync(key, cancellationToken));

        public Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default) => Alive(() => inner.ApplyAsync(changes, cancellationToken));

        public Task<SiteLeaseAttempt> TryAcquireSiteLeaseAsync(string siteId, string holder, CancellationToken cancellationToken = default) =>
            Alive(() => inner.TryAcquireSiteLeaseAsync(siteId, holder, cancellationToken));

        public Task<SiteLease?> RenewSiteLeaseAsync(SiteLease lease, CancellationToken cancellationToken = default) => Alive(() => inner.RenewSiteLeaseAsync(lease, cancellationToken));

        public Task ReleaseSiteLeaseAsync(SiteLease lease, CancellationToken cancellationToken = default) => Alive(() => inner.ReleaseSiteLeaseAsync(lease, cancellationToken));

        public Task<int> JoinSiteWorkersAsync(string holder, CancellationToken cancellationToken = default) => Alive(() => inner.JoinSiteWorkersAsync(holder, cancellationToken));

        public Task LeaveSiteWorkersAsync(string holder, CancellationToken cancellationToken = default) => Alive(() => inner.LeaveSiteWorkersAsync(holder, cancellationToken));

        public Task<IReadOnlyList<SiteLease>> ListSiteLeasesAsync(CancellationToken cancellationToken = default) => Alive(() => inner.ListSiteLeasesAsync(cancellationToken));

        private Task<T> Alive<T>(Func<Task<T>> call) => _killed ? Task.FromException<T>(new DeadException()) : call();

        private Task Alive(Func<Task> call) => _killed ? Task.FromException(new DeadException()) : call();

        public sealed class DeadException() : Exception("The process was killed.");
    }
}
