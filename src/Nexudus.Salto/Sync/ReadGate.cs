namespace Nexudus.Salto.Sync;

/// <summary>
/// How many Nexudus reads a snapshot read has in flight at once, with list pages served before batch gets: the lists
/// are what the early user creations wait for (<see cref="AccessSyncOptions.CreateUsersWhileReading"/>), and the batch
/// gets of full records are as many calls either way. Waiters of one kind are served in arrival order.
/// </summary>
internal sealed class ReadGate(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _lists = new();
    private readonly Queue<TaskCompletionSource> _batches = new();
    private int _free = Math.Max(1, capacity);

    /// <summary>Waits for a place: a list page (<paramref name="listPage"/>) before any batch get that waits.</summary>
    public Task WaitAsync(bool listPage)
    {
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (listPage ? _lists : _batches).Enqueue(waiter);
            return waiter.Task;
        }
    }

    /// <summary>Gives a place back, to the first waiting list page, else the first waiting batch get.</summary>
    public void Release()
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            if (!_lists.TryDequeue(out next) && !_batches.TryDequeue(out next))
            {
                _free++;
                return;
            }
        }

        next.TrySetResult();
    }
}
