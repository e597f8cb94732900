using System.Runtime.ExceptionServices;

namespace Nexudus.Salto.Sync;

/// <summary>Runs work items with at most a given number in flight, started in list order.</summary>
/// <remarks>
/// Unlike <c>Parallel.ForEachAsync</c>, a failing item does not cancel the others: an item in flight may be a SALTO
/// write whose outcome must be heard and recorded, so everything started is allowed to finish.
/// </remarks>
internal static class BoundedConcurrency
{
    /// <summary>
    /// Runs <paramref name="body"/> for every item (with its index), at most <paramref name="limit"/> at once, each
    /// started after the one before it (with a limit of 1, one after another, exactly in order).
    /// </summary>
    /// <remarks>
    /// An item that throws, or a cancelled <paramref name="cancellationToken"/>, stops further items from starting;
    /// the items in flight finish, then the first exception is rethrown (an <see cref="OperationCanceledException"/>
    /// when items were left unstarted because of cancellation). Bodies handle their own expected failures.
    /// </remarks>
    public static async Task ForEachAsync<T>(IReadOnlyList<T> items, int limit, Func<T, int, Task> body, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var run = new RunState();
        var workers = new Task[Math.Min(Math.Max(1, limit), items.Count)];
        for (var i = 0; i < workers.Length; i++)
        {
            // Each worker runs synchronously until its first item awaits, so the first items start in order.
            workers[i] = WorkAsync(items, body, run, cancellationToken);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        run.Failure?.Throw();
        if (run.LeftForCancellation)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static async Task WorkAsync<T>(IReadOnlyList<T> items, Func<T, int, Task> body, RunState run, CancellationToken cancellationToken)
    {
        while (!run.Stopped)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                if (Volatile.Read(ref run.Next) < items.Count)
                {
                    run.LeftForCancellation = true;
                }

                return;
            }

            var index = Interlocked.Increment(ref run.Next) - 1;
            if (index >= items.Count)
            {
                return;
            }

            try
            {
                await body(items[index], index).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Any failure stops new items; it is rethrown once the items in flight have finished.
                run.Fail(ex);
                return;
            }
        }
    }

    private sealed class RunState
    {
        private readonly Lock _gate = new();
        private volatile bool _stopped;

        // The index of the next item to start, taken with Interlocked by the workers.
        public int Next;

        public bool Stopped => _stopped;

        public volatile bool LeftForCancellation;

        public ExceptionDispatchInfo? Failure { get; private set; }

        public void Fail(Exception exception)
        {
            lock (_gate)
            {
                Failure ??= ExceptionDispatchInfo.Capture(exception);
                _stopped = true;
            }
        }
    }
}
