using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>The sync on the durable SQLite store: a stopped run resumes from the file, and a settled run writes nothing more.</summary>
public sealed class SyncSqliteStateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nexudus-salto-sync-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(25, HookAction.StopAfter)]
    [InlineData(21, HookAction.StopAfter)]
    [InlineData(26, HookAction.StopBefore)]
    public async Task Synchronize_StoppedThenResumedOnAFreshSqliteStore_Converges(int stopAt, HookAction how)
    {
        await using var h = await StartAsync(salto: OlderTagReading); // the churn world assigns tags
        var path = Path.Combine(_directory, "state.db");
        h.Store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path });
        var options = await ChurnWorld.PrepareAsync(h);
        using var run = new CancellationTokenSource();
        var start = h.Hook.Count;
        h.Hook.OnRequest = (n, _) => n - start == stopAt ? how : HookAction.None;
        h.Hook.OnStop = run.Cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.SyncAsync(options, run.Token));

        // As after a restart: a new store over the same file.
        h.Hook.OnRequest = null;
        h.Store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path });
        await ChurnWorld.AssertLedgerTruthfulAsync(h);
        await h.SyncAsync(options);

        ChurnWorld.AssertConverged(h);
        await ChurnWorld.AssertLedgerCompleteAsync(h);
    }

    [Fact]
    public async Task Synchronize_SettledSiteOnSqlite_SecondRunWritesNothing()
    {
        await using var h = await StartAsync(salto: OlderTagReading); // the churn world assigns tags
        h.Store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = Path.Combine(_directory, "state.db") });
        var options = await ChurnWorld.PrepareAsync(h);
        await h.SyncAsync(options);
        var store = new CountingStateStore(h.Store);
        h.Store = store;
        h.Salto.Requests.Clear();

        var report = await h.SyncAsync(options);

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal(0, store.Writes);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
    }
}
