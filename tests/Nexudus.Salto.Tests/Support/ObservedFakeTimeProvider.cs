using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Nexudus.Salto.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records the due time of every timer created on it, so a
/// test can wait until the code under test has actually started a delay before moving the clock.
/// Advancing the clock before the delay is scheduled would let the delay start later and never end.
/// </summary>
internal sealed class ObservedFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    /// <summary>Gets the due times of the timers created so far, in creation order.</summary>
    public IReadOnlyCollection<TimeSpan> DueTimes => _dueTimes;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Enqueue(dueTime);
        return timer;
    }
}
