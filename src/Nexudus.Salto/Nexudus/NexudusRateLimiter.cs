using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Keeps calls under the documented Nexudus limits (one call per 100 ms, 120 a minute, 5000 an
/// hour, 60 writes a minute), so a normal sync never meets the service's 409 throttling.
/// </summary>
/// <remarks>
/// Sliding windows over the start times of past calls, read from <see cref="TimeProvider"/> so that
/// tests drive it with a fake clock (the built-in System.Threading.RateLimiting limiters run on the
/// real clock). Callers wait in arrival order; nothing is ever rejected, only delayed.
/// </remarks>
internal sealed class NexudusRateLimiter : PartitionedRateLimiter<HttpRequestMessage>
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SlidingWindow[] _allCalls;
    private readonly SlidingWindow[] _writes;
    private readonly TimeSpan _minInterval;
    private DateTimeOffset? _lastStart;
    private long _waiting;
    private long _granted;

    public NexudusRateLimiter(IOptions<NexudusClientOptions> options, TimeProvider time, ILogger<NexudusRateLimiter> logger)
    {
        var o = options.Value;
        _time = time;
        _logger = logger;
        _minInterval = o.MinRequestInterval;
        _allCalls = [.. Windows((o.MaxRequestsPerMinute, TimeSpan.FromMinutes(1)), (o.MaxRequestsPerHour, TimeSpan.FromHours(1)))];
        _writes = [.. Windows((o.MaxWritesPerMinute, TimeSpan.FromMinutes(1)))];
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
            var now = _time.GetUtcNow();
            var write = IsWrite(resource);
            if (TimeUntilAllowed(write, now) > TimeSpan.Zero)
            {
                return Lease.Denied;
            }

            if (permitCount > 0)
            {
                Record(write, now);
            }

            return Lease.Granted;
        }
        finally
        {
            _turn.Release();
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpRequestMessage resource, int permitCount, CancellationToken cancellationToken)
    {
        var write = IsWrite(resource);
        Interlocked.Increment(ref _waiting);
        try
        {
            // One caller at a time decides, so the windows are read and written consistently and
            // waiting callers are served in arrival order.
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _waiting);
            throw;
        }

        try
        {
            var waited = TimeSpan.Zero;
            while (true)
            {
                var now = _time.GetUtcNow();
                var wait = TimeUntilAllowed(write, now);
                if (wait <= TimeSpan.Zero)
                {
                    if (permitCount > 0)
                    {
                        Record(write, now);
                    }

                    if (waited > TimeSpan.Zero)
                    {
                        LogWait(resource, waited);
                    }

                    return Lease.Granted;
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                waited += wait;
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

    private TimeSpan TimeUntilAllowed(bool write, DateTimeOffset now)
    {
        var wait = _lastStart is { } last ? last + _minInterval - now : TimeSpan.Zero;
        foreach (var window in _allCalls)
        {
            wait = Max(wait, window.TimeUntilFree(now));
        }

        if (write)
        {
            foreach (var window in _writes)
            {
                wait = Max(wait, window.TimeUntilFree(now));
            }
        }

        return wait;
    }

    private void Record(bool write, DateTimeOffset now)
    {
        _lastStart = now;
        Interlocked.Increment(ref _granted);
        foreach (var window in _allCalls)
        {
            window.Add(now);
        }

        if (write)
        {
            foreach (var window in _writes)
            {
                window.Add(now);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class SlidingWindow(int limit, TimeSpan length)
    {
        private readonly Queue<DateTimeOffset> _starts = new();

        public TimeSpan TimeUntilFree(DateTimeOffset now)
        {
            while (_starts.Count > 0 && _starts.Peek() + length <= now)
            {
                _starts.Dequeue();
            }

            return _starts.Count < limit ? TimeSpan.Zero : _starts.Peek() + length - now;
        }

        public void Add(DateTimeOffset start) => _starts.Enqueue(start);
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Denied = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
