namespace Nexudus.Salto.Diagnostics;

/// <summary>
/// The bound of one service call, from the request to the last byte of the answer: the resilience pipeline's timeouts
/// end when the headers arrive, so a body sent one byte a second would otherwise hold a run forever.
/// </summary>
internal sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _caller;

    /// <summary>Starts the clock.</summary>
    /// <param name="limit">How long the whole call may take; zero, negative or infinite for no bound.</param>
    /// <param name="time">The clock.</param>
    /// <param name="caller">The caller's token, which still cancels the call.</param>
    public CallDeadline(TimeSpan limit, TimeProvider time, CancellationToken caller)
    {
        _caller = caller;
        _timer = limit <= TimeSpan.Zero || limit == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(limit, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _timer.Token);
        Limit = limit;
    }

    /// <summary>Gets the bound.</summary>
    public TimeSpan Limit { get; }

    /// <summary>Gets the token to pass to the send and to every read of the body.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Whether <paramref name="exception"/> is this deadline passing (not the caller cancelling).</summary>
    /// <param name="exception">What the call threw.</param>
    /// <returns><see langword="true"/> when the call ran out of time.</returns>
    public bool Expired(Exception exception) =>
        exception is OperationCanceledException && _timer.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <inheritdoc/>
    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
