using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class ReadGateTests
{
    [Fact]
    public async Task Release_ListPageAndBatchGetWaiting_ServesTheListPageFirst()
    {
        var gate = new ReadGate(1);
        await gate.WaitAsync(listPage: true);
        var batch = gate.WaitAsync(listPage: false);
        var list = gate.WaitAsync(listPage: true);

        gate.Release();
        await list.WaitAsync(TimeSpan.FromSeconds(5));
        var batchWaitingWhileListHeld = !batch.IsCompleted;
        gate.Release();
        await batch.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(batchWaitingWhileListHeld);
    }

    [Fact]
    public async Task WaitAsync_WithinCapacity_NeverWaits()
    {
        var gate = new ReadGate(3);

        var waits = new[] { gate.WaitAsync(true), gate.WaitAsync(false), gate.WaitAsync(true) };
        var fourth = gate.WaitAsync(false);

        Assert.All(waits, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.False(fourth.IsCompleted);
        gate.Release();
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Release_SameKindWaiting_ServesThemInArrivalOrder()
    {
        var gate = new ReadGate(1);
        await gate.WaitAsync(listPage: false);
        var first = gate.WaitAsync(listPage: false);
        var second = gate.WaitAsync(listPage: false);

        gate.Release();
        await first.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(second.IsCompleted);
        gate.Release();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
