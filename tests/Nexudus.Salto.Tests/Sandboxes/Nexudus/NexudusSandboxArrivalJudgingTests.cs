using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>
/// The sandbox counts a call when it arrives, not when a busy handler gets round to judging it, so
/// a slow machine running the sandbox does not throttle a client that kept to the limits.
/// </summary>
public sealed class NexudusSandboxArrivalJudgingTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryAdmit_FirstJudgedLateButArrivalsSpacedByTheInterval_AdmitsBoth()
    {
        var time = new FakeTimeProvider(Start);
        var limiter = new NexudusRateLimiter(new NexudusRateLimits(), time);

        time.Advance(TimeSpan.FromMilliseconds(60)); // the handler judges the first call 60 ms after it arrived
        var first = limiter.TryAdmit(isWrite: false, arrivedAt: Start);
        time.Advance(TimeSpan.FromMilliseconds(40));
        var second = limiter.TryAdmit(isWrite: false, arrivedAt: Start.AddMilliseconds(100));

        Assert.Null(first);
        Assert.Null(second);
    }

    [Fact]
    public void TryAdmit_ArrivalsCloserThanTheIntervalJudgedOutOfOrder_ThrottlesTheOneJudgedSecond()
    {
        var time = new FakeTimeProvider(Start.AddMilliseconds(200));
        var limiter = new NexudusRateLimiter(new NexudusRateLimits(), time);

        var later = limiter.TryAdmit(isWrite: false, arrivedAt: Start.AddMilliseconds(150));
        var earlier = limiter.TryAdmit(isWrite: false, arrivedAt: Start.AddMilliseconds(100));

        Assert.Null(later);
        Assert.Equal(TimeSpan.FromMilliseconds(50), earlier);
    }

    [Fact]
    public void TryAdmit_NoArrivalGiven_JudgesNow()
    {
        var time = new FakeTimeProvider(Start);
        var limiter = new NexudusRateLimiter(new NexudusRateLimits(), time);

        var first = limiter.TryAdmit(isWrite: false);
        time.Advance(TimeSpan.FromMilliseconds(30));
        var second = limiter.TryAdmit(isWrite: false);

        Assert.Null(first);
        Assert.Equal(TimeSpan.FromMilliseconds(70), second);
    }
}
