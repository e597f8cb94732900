using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// Crash safety: a run stopped at any of its requests (cancelled before one is sent, or after the service has
/// answered and before the SDK hears it, the worst moment) leaves a ledger that claims nothing SALTO lacks, and the
/// next run converges.
/// </summary>
public sealed class SyncCrashTests
{
    private const int StopPointCount = 28;

    // The churn run makes 29 requests (token requests included); each of the first 28 is a stopping point, both ways: 56 points,
    // with SALTO writes one after another (the request numbers name the same requests every time) and overlapped (several
    // writes are in flight when the run stops, and which is the Nth varies).
    public static TheoryData<int, HookAction, int> StopPoints()
    {
        var data = new TheoryData<int, HookAction, int>();
        foreach (var concurrency in new[] { 1, 4 })
        {
            foreach (var n in Enumerable.Range(1, StopPointCount))
            {
                data.Add(n, HookAction.StopBefore, concurrency);
                data.Add(n, HookAction.StopAfter, concurrency);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StopPoints))]
    public async Task Synchronize_StoppedAtAnyRequest_KeepsATruthfulLedgerAndTheNextRunConverges(int stopAt, HookAction how, int writeConcurrency)
    {
        await using var h = await StartAsync(salto: OlderTagReading); // the churn world assigns tags
        var options = await ChurnWorld.PrepareAsync(h) with { SaltoWriteConcurrency = writeConcurrency };
        using var run = new CancellationTokenSource();
        var start = h.Hook.Count;
        h.Hook.OnRequest = (n, _) => n - start == stopAt ? how : HookAction.None;
        h.Hook.OnStop = run.Cancel;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.SyncAsync(options, run.Token));
        ChurnWorld.AssertNoStranger(h);
        await ChurnWorld.AssertLedgerTruthfulAsync(h);

        h.Hook.OnRequest = null;
        h.Hook.OnStop = null;
        await h.SyncAsync(options);

        ChurnWorld.AssertConverged(h);
        await ChurnWorld.AssertLedgerTruthfulAsync(h);
        await ChurnWorld.AssertLedgerCompleteAsync(h);
    }

    [Fact]
    public async Task Synchronize_ChurnRun_MakesMoreRequestsThanTheStopPointsCover()
    {
        await using var h = await StartAsync(salto: OlderTagReading); // the churn world assigns tags
        var options = await ChurnWorld.PrepareAsync(h);
        var start = h.Hook.Count;

        await h.SyncAsync(options);

        Assert.InRange(h.Hook.Count - start, StopPointCount, 80);
        ChurnWorld.AssertConverged(h);
    }
}
