namespace Nexudus.Salto.State;

/// <summary>
/// A state store's one-time start (creating or migrating its schema), shared by every caller: it runs once, and a
/// start that failed or was cancelled is tried again by the next caller rather than remembered.
/// </summary>
/// <param name="initialize">The start; it takes no token, since a caller that stops waiting must not stop it for the others.</param>
internal sealed class RetryingInitialization(Func<Task> initialize)
{
    private readonly Lock _gate = new();
    private Task? _initialization;

    /// <summary>Waits until the store has started, starting it if no start is under way or done.</summary>
    /// <param name="cancellationToken">Stops this caller's wait (not the start itself).</param>
    /// <returns>A task that completes once the start has succeeded.</returns>
    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        var initialization = _initialization;
        if (initialization is { IsCompletedSuccessfully: true })
        {
            return initialization;
        }

        lock (_gate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = initialize();
            }

            return _initialization.WaitAsync(cancellationToken);
        }
    }
}
