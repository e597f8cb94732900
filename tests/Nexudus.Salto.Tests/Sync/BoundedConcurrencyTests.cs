using System.Collections.Concurrent;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class BoundedConcurrencyTests
{
    [Fact]
    public async Task ForEachAsync_LimitOne_RunsEachItemAfterTheOneBeforeHasFinished()
    {
        var log = new ConcurrentQueue<string>();

        await BoundedConcurrency.ForEachAsync(
            [1, 2, 3],
            1,
            async (item, _) =>
            {
                log.Enqueue($"start {item}");
                await Task.Yield();
                log.Enqueue($"end {item}");
            },
            CancellationToken.None);

        Assert.Equal(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"], log);
    }

    [Fact]
    public async Task ForEachAsync_ItemFails_LetsTheItemsInFlightFinishThenRethrows()
    {
        var bothStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var finished = new ConcurrentBag<int>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BoundedConcurrency.ForEachAsync(
            [1, 2],
            2,
            async (item, _) =>
            {
                if (Interlocked.Increment(ref started) == 2)
                {
                    bothStarted.SetResult();
                }

                await bothStarted.Task;
                if (item == 1)
                {
                    throw new InvalidOperationException("item 1");
                }

                await Task.Yield();
                finished.Add(item);
            },
            CancellationToken.None));

        Assert.Equal("item 1", error.Message);
        Assert.Contains(2, finished);
    }

    [Fact]
    public async Task ForEachAsync_ItemFails_StartsNoFurtherItems()
    {
        var started = new ConcurrentBag<int>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => BoundedConcurrency.ForEachAsync(
            [1, 2],
            1,
            async (item, _) =>
            {
                started.Add(item);
                await Task.Yield();
                throw new InvalidOperationException($"item {item}");
            },
            CancellationToken.None));

        Assert.Equal([1], started);
    }

    [Fact]
    public async Task ForEachAsync_CancelledMidway_StartsNoMoreItemsAndThrows()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new ConcurrentBag<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BoundedConcurrency.ForEachAsync(
            [1, 2, 3],
            1,
            async (item, _) =>
            {
                started.Add(item);
                await Task.Yield();
                if (item == 1)
                {
                    await cancellation.CancelAsync();
                }
            },
            cancellation.Token));

        Assert.Equal([1], started);
    }

    [Fact]
    public async Task ForEachAsync_CancelledAfterTheLastItemStarted_DoesNotThrow()
    {
        using var cancellation = new CancellationTokenSource();

        await BoundedConcurrency.ForEachAsync([1], 4, async (_, _) => await cancellation.CancelAsync(), cancellation.Token);

        Assert.True(cancellation.IsCancellationRequested);
    }
}
