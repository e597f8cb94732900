using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Keeps calls under the documented Nexudus limits (one call per 100 ms, 120 a minute, 5000 an
/// hour, 60 writes a minute), so a normal sync never meets the service's 409 throttling.
/// </summary>
/// <remarks>
/// <para>
/// Sliding windows over past calls, read from <see cref="TimeProvider"/> so that tests drive it
/// with a fake clock (the built-in System.Threading.RateLimiting limiters run on the real clock).
/// Callers wait in arrival order; nothing is ever rejected, only delayed.
/// </para>
/// <para>
/// The service counts a call when it arrives, some unknown instant between the moment the client
/// sends it and the moment its response comes back, so spacing the sends 100 ms apart is not
/// enough: a call that takes longer to reach the service than the one after it squeezes the two
/// arrivals together, and the service answers 409. How far apart two calls' travel times may be is
/// <see cref="NexudusClientOptions.MaxTransitSkew"/>: a call starts the minimum interval after the
/// previous call started plus that skew, or after the previous call's response if that came sooner
/// (its arrival is then known to be past). So calls overlap, and a read takes about as long as the
/// limits allow rather than the sum of every response's latency. With no skew given, every call
/// waits for the previous calls' responses (calls never overlap). The minute and hour windows count
/// a call from its start until its response is older than the window: calls in flight stay in them.
/// </para>
/// </remarks>
internal sealed class NexudusRateLimiter : PartitionedRateLimiter<HttpRequestMessage>
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    private readonly SlidingWindow[] _allCalls;
    private readonly SlidingWindow[] _writes;
    private readonly TimeSpan _minInterval;
    private readonly TimeSpan _maxPause;
    private TimeSpan? _maxSkew;
    private DateTimeOffset? _pausedUntil;
    private readonly List<Call> _recent = [];
    private TaskCompletionSource _callEnded = NewSignal();
    private long _waiting;
    private long _granted;

    public NexudusRateLimiter(IOptions<NexudusClientOptions> options, TimeProvider time, ILogger<NexudusRateLimiter> logger)
    {
        var o = options.Value;
        _time = time;
        _logger = logger;
        _minInterval = o.MinRequestInterval;
        _maxSkew = o.MaxTransitSkew;
        _maxPause = o.MaxRetryAfter > TimeSpan.Zero ? o.MaxRetryAfter : DefaultPause;
        _allCalls = [.. Windows((o.MaxRequestsPerMinute, TimeSpan.FromMinutes(1)), (o.MaxRequestsPerHour, TimeSpan.FromHours(1)))];
        _writes = [.. Windows((o.MaxWritesPerMinute, TimeSpan.FromMinutes(1)))];
    }

    /// <summary>The longest skew the limiter grows to after throttling: beyond it, a 409 is not about travel times.</summary>
    internal static readonly TimeSpan MaxLearnedSkew = TimeSpan.FromSeconds(1);

    /// <summary>How long every call waits after a throttling answer that names no wait.</summary>
    internal static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    /// <summary>Gets the instant before which no call starts, after a throttling answer; <see langword="null"/> when none is pending.</summary>
    internal DateTimeOffset? PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil is { } until && until > _time.GetUtcNow() ? until : null;
            }
        }
    }

    /// <summary>The longest pause kept; an announced wait beyond it is taken as this.</summary>
    internal static readonly TimeSpan MaxPause = TimeSpan.FromDays(1);

    /// <summary>
    /// Nexudus refused a call as throttled (409, or 429): while it is throttled it refuses every call of the account,
    /// so no call starts (calls already waiting here included) until <paramref name="wait"/> has passed. The wait is
    /// the one the service announced (<see cref="DefaultPause"/> when it named none); a later pause never shortens an
    /// earlier one. A call that would have to wait longer than <see cref="NexudusClientOptions.MaxRetryAfter"/> is not
    /// kept waiting: acquiring refuses it at once (<see cref="RemainingPause"/> says how long is left).
    /// </summary>
    /// <param name="wait">The announced wait, or <see langword="null"/> when the answer named none.</param>
    public void Pause(TimeSpan? wait)
    {
        var length = wait is { } w && w > TimeSpan.Zero ? (w > MaxPause ? MaxPause : w) : DefaultPause;
        DateTimeOffset until;
        TaskCompletionSource changed;
        lock (_gate)
        {
            until = _time.GetUtcNow() + length;
            if (_pausedUntil is { } current && current >= until)
            {
                return;
            }

            _pausedUntil = until;
            changed = _callEnded;
            _callEnded = NewSignal();
        }

        // Callers already waiting for a slot recompute their wait and find the pause.
        changed.TrySetResult();
        NexudusLog.AccountPaused(_logger, length);
    }

    /// <summary>How long the pause after a throttling answer still lasts, when it lasts longer than the client waits for one.</summary>
    /// <returns>The time left, or <see langword="null"/> when a call may wait for its turn.</returns>
    public TimeSpan? RemainingPause()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return _pausedUntil is { } until && until - now > _maxPause ? until - now : null;
        }
    }

    /// <summary>Gets the travel-time skew the pacing currently allows for (<see langword="null"/>: calls never overlap).</summary>
    internal TimeSpan? CurrentSkew
    {
        get
        {
            lock (_gate)
            {
                return _maxSkew;
            }
        }
    }

    /// <summary>
    /// Nexudus throttled a call although the limiter let it start: two arrivals came closer than the skew allowed for
    /// (or another client shares the quota). The allowed skew doubles (at least 10 ms more, at most
    /// <see cref="MaxLearnedSkew"/>) for the rest of this limiter's life, so a slow link costs one 409, not one a call.
    /// </summary>
    public void OnThrottled()
    {
        TimeSpan? grown;
        lock (_gate)
        {
            if (_maxSkew is not { } skew || skew >= MaxLearnedSkew)
            {
                return;
            }

            var doubled = skew + (skew > TimeSpan.FromMilliseconds(10) ? skew : TimeSpan.FromMilliseconds(10));
            _maxSkew = grown = doubled > MaxLearnedSkew ? MaxLearnedSkew : doubled;
        }

        NexudusLog.TransitSkewGrown(_logger, grown.Value);
    }

    public static bool IsWrite(HttpRequestMessage request) =>
        request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options;

    public override RateLimiterStatistics? GetStatistics(HttpRequestMessage resource) => new()
    {
        CurrentAvailablePermits = 0,
        CurrentQueuedCount = Interlocked.Read(ref _waiting),
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = 0,
    };

    protected override RateLimitLease AttemptAcquireCore(HttpRequestMessage resource, int permitCount)
    {
        if (!_turn.Wait(0))
        {
            return Lease.Denied;
        }

        try
        {
            var write = IsWrite(resource);
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (TimeUntilAllowed(write, now) is not { } wait || wait > TimeSpan.Zero)
                {
                    return Lease.Denied;
                }

                return permitCount > 0 ? Grant(write, now, PacedByResponse(resource)) : Lease.Granted;
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpRequestMessage resource, int permitCount, CancellationToken cancellationToken)
    {
        var write = IsWrite(resource);
        if (RemainingPause() is not null)
        {
            // Throttled for longer than the client waits: the call would be refused, so it is not kept waiting.
            return Lease.Denied;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            // One caller at a time decides, so waiting callers are served in arrival order.
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _waiting);
            throw;
        }

        try
        {
            var started = _time.GetUtcNow();
            while (true)
            {
                TimeSpan? wait;
                Task callEnded;
                lock (_gate)
                {
                    var now = _time.GetUtcNow();
                    wait = TimeUntilAllowed(write, now);
                    if (wait <= TimeSpan.Zero)
                    {
                        var lease = permitCount > 0 ? Grant(write, now, PacedByResponse(resource)) : Lease.Granted;
                        if (now > started)
                        {
                            LogWait(resource, now - started);
                        }

                        return lease;
                    }

                    callEnded = _callEnded.Task;
                }

                // Until the time computed, or until a call in flight ends, which may free a place
                // (or, when only calls in flight fill a window, is the only thing that can).
                if (wait is { } delay)
                {
                    using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    var delayed = Task.Delay(delay, _time, stopDelay.Token);
                    await Task.WhenAny(delayed, callEnded).ConfigureAwait(false);
                    await stopDelay.CancelAsync().ConfigureAwait(false);
                }
                else
                {
                    await callEnded.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            _turn.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turn.Dispose();
        }

        base.Dispose(disposing);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void LogWait(HttpRequestMessage request, TimeSpan waited)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var endpoint = NexudusRequestOptions.GetEndpoint(request);
            NexudusLog.RateLimited(_logger, endpoint, waited);
        }
    }

    private static IEnumerable<SlidingWindow> Windows(params (int Limit, TimeSpan Length)[] limits) =>
        limits.Where(l => l.Limit > 0).Select(l => new SlidingWindow(l.Limit, l.Length));

    /// <summary>How long until a call may start; <see langword="null"/> when only the end of a call in flight can tell.</summary>
    private TimeSpan? TimeUntilAllowed(bool write, DateTimeOffset now)
    {
        TimeSpan? wait = TimeSpan.Zero;
        if (_pausedUntil is { } pausedUntil)
        {
            if (pausedUntil > now)
            {
                wait = pausedUntil - now;
            }
            else
            {
                _pausedUntil = null;
            }
        }

        if (_minInterval > TimeSpan.Zero)
        {
            // Every recent call's arrival must be at least the interval behind this one's.
            _recent.RemoveAll(c => ArrivalBound(c) is { } bound && bound + _minInterval <= now);
            foreach (var call in _recent)
            {
                wait = Max(wait, ArrivalBound(call) is { } bound ? bound + _minInterval - now : null);
            }
        }

        foreach (var window in write ? _allCalls.Concat(_writes) : _allCalls)
        {
            wait = Max(wait, window.TimeUntilFree(now));
        }

        return wait;
    }

    /// <summary>
    /// The latest instant at which <paramref name="call"/> can have reached the service, as far as pacing a call sent
    /// now is concerned: its start plus the allowed skew, or its response if that came first; unknown while neither is known.
    /// </summary>
    private DateTimeOffset? ArrivalBound(Call call)
    {
        var bySkew = _maxSkew is { } skew && !call.PacedByResponse ? call.Start + skew : (DateTimeOffset?)null;
        return (bySkew, call.End) switch
        {
            ({ } s, { } e) => s < e ? s : e,
            ({ } s, null) => s,
            (null, { } e) => e,
            _ => null,
        };
    }

    private static bool PacedByResponse(HttpRequestMessage request) =>
        request.Options.TryGetValue(NexudusRequestOptions.PacedByResponse, out var paced) && paced;

    private Lease Grant(bool write, DateTimeOffset now, bool pacedByResponse)
    {
        Interlocked.Increment(ref _granted);
        var call = new Call(now, pacedByResponse);
        if (_minInterval > TimeSpan.Zero)
        {
            _recent.Add(call);
        }
        foreach (var window in write ? _allCalls.Concat(_writes) : _allCalls)
        {
            window.Add(call);
        }

        return new Lease(this, call);
    }

    private void End(Call call)
    {
        TaskCompletionSource ended;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            call.End = now;
            ended = _callEnded;
            _callEnded = NewSignal();
        }

        ended.TrySetResult();
    }

    /// <summary>Both waits known: the longer. Either unknown (a call in flight must end first): unknown.</summary>
    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is { } x && b is { } y ? (x > y ? x : y) : null;

    /// <summary>One granted call: in flight until <see cref="End"/> is set.</summary>
    private sealed class Call(DateTimeOffset start, bool pacedByResponse)
    {
        public DateTimeOffset Start { get; } = start;

        /// <summary>Gets whether the next call waits for this one's response (no transit skew is assumed for it).</summary>
        public bool PacedByResponse { get; } = pacedByResponse;

        public DateTimeOffset? End { get; set; }
    }

    private sealed class SlidingWindow(int limit, TimeSpan length)
    {
        private readonly List<Call> _calls = [];

        /// <summary>Zero when a call may start now; <see langword="null"/> when calls in flight alone fill the window.</summary>
        public TimeSpan? TimeUntilFree(DateTimeOffset now)
        {
            _calls.RemoveAll(c => c.End is { } end && end + length <= now);
            if (_calls.Count < limit)
            {
                return TimeSpan.Zero;
            }

            // Enough calls must leave to make room for one more; those that ended leave in order.
            var mustLeave = _calls.Count - limit + 1;
            var leaving = _calls.Where(c => c.End is not null).Select(c => c.End!.Value + length).Order().ToList();
            return leaving.Count >= mustLeave ? leaving[mustLeave - 1] - now : null;
        }

        public void Add(Call call) => _calls.Add(call);
    }

    private sealed class Lease : RateLimitLease
    {
        public static readonly Lease Granted = new(null, null);
        public static readonly Lease Denied = new(null, null, acquired: false);

        private readonly NexudusRateLimiter? _limiter;
        private Call? _call;

        public Lease(NexudusRateLimiter? limiter, Call? call, bool acquired = true)
        {
            _limiter = limiter;
            _call = call;
            IsAcquired = acquired;
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            // The call's response has arrived (or it failed): from now on it ages out of the windows.
            if (disposing && Interlocked.Exchange(ref _call, null) is { } call)
            {
                _limiter!.End(call);
            }

            base.Dispose(disposing);
        }
    }
}
