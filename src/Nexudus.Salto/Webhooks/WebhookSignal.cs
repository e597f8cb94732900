namespace Nexudus.Salto.Webhooks;

/// <summary>Wakes the worker when an event lands in the inbox. Signals coalesce: many before a wait wake it once.</summary>
internal sealed class WebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <summary>Tells the worker an event is waiting.</summary>
    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every event.
        }
    }

    /// <summary>Waits for the next signal.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
