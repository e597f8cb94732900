namespace Nexudus.Salto.Testing;

/// <summary>
/// Sliding-window rate limits on the sandbox's clock. Only admitted requests
/// are counted, so waiting for the announced <c>Retry-After</c> always gets a client through.
/// </summary>
internal sealed class NexudusRateLimiter
{
    private readonly object _gate = new();
    private readonly NexudusRateLimits _limits;
    private readonly TimeProvider _time;
    private readonly Window _minute = new(TimeSpan.FromMinutes(1));
    private readonly Window _hour = new(TimeSpan.FromHours(1));
    private readonly Window _day = new(TimeSpan.FromDays(1));
    private readonly Window _writesMinute = new(TimeSpan.FromMinutes(1));
    private readonly Window _writesDay = new(TimeSpan.FromDays(1));
    private DateTimeOffset? _last;

    public NexudusRateLimiter(NexudusRateLimits limits, TimeProvider time)
    {
        _limits = limits;
        _time = time;
    }

    /// <summary>Admits the request, or returns how long the client must wait.</summary>
    /// <param name="isWrite">Whether the request counts against the write limits.</param>
    /// <param name="arrivedAt">When the request arrived; now when unknown.</param>
    public TimeSpan? TryAdmit(bool isWrite, DateTimeOffset? arrivedAt = null)
    {
        if (!_limits.Enabled)
        {
            return null;
        }

        var now = arrivedAt ?? _time.GetUtcNow();
        lock (_gate)
        {
            // Concurrent requests may be judged in another order than they arrived: the gap is what counts.
            TimeSpan? wait = null;
            if (_limits.MinInterval > TimeSpan.Zero && _last is { } last && (now - last).Duration() < _limits.MinInterval)
            {
                wait = Max(wait, _limits.MinInterval - (now - last).Duration());
            }

            wait = Max(wait, _minute.WaitFor(now, _limits.RequestsPerMinute));
            wait = Max(wait, _hour.WaitFor(now, _limits.RequestsPerHour));
            wait = Max(wait, _day.WaitFor(now, _limits.RequestsPerDay));
            if (isWrite)
            {
                wait = Max(wait, _writesMinute.WaitFor(now, _limits.WritesPerMinute));
                wait = Max(wait, _writesDay.WaitFor(now, _limits.WritesPerDay));
            }

            if (wait is not null)
            {
                return wait;
            }

            _last = _last is { } previous && previous > now ? previous : now;
            _minute.Add(now);
            _hour.Add(now);
            _day.Add(now);
            if (isWrite)
            {
                _writesMinute.Add(now);
                _writesDay.Add(now);
            }

            return null;
        }
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private sealed class Window(TimeSpan length)
    {
        private readonly Queue<DateTimeOffset> _admitted = new();

        public TimeSpan? WaitFor(DateTimeOffset now, int limit)
        {
            while (_admitted.Count > 0 && _admitted.Peek() <= now - length)
            {
                _admitted.Dequeue();
            }

            return limit > 0 && _admitted.Count >= limit ? _admitted.Peek() + length - now : null;
        }

        public void Add(DateTimeOffset now) => _admitted.Enqueue(now);
    }
}
