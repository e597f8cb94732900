using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Nexudus;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AcquireAsync_SecondCallWithin100Milliseconds_WaitsForTheInterval()
    {
        using var limiter = Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = TimeSpan.Zero;
        });
        using var first = await limiter.AcquireAsync(Get(), 1);

        var second = limiter.AcquireAsync(Get(), 1).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(99));
        await Settle();
        var waitingAt99 = !second.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second;

        Assert.True(waitingAt99);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_121stCallInAMinute_WaitsUntilTheFirstLeavesTheWindow()
    {
        using var limiter = Create(o => o.MaxRequestsPerMinute = 120);
        for (var i = 0; i < 120; i++)
        {
            // Each response arrives at once, so each call leaves the window 60 s after it started.
            (await limiter.AcquireAsync(Get(), 1)).Dispose();
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // 120 calls took 12 s; the 121st may start 60 s after the first.
        var next = limiter.AcquireAsync(Get(), 1).AsTask();
        _time.Advance(TimeSpan.FromSeconds(47.9));
        await Settle();
        var waitingBeforeWindow = !next.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(0.1));
        using var granted = await next;

        Assert.True(waitingBeforeWindow);
        Assert.True(granted.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_NoSkewAllowedAndPreviousResponseLate_WaitsTheIntervalFromThatResponse()
    {
        // Without a bound on how long a request travels, only an interval measured from the previous response is
        // sure to separate two arrivals by 100 ms.
        using var limiter = Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = null;
        });
        var first = await limiter.AcquireAsync(Get(), 1);

        var second = limiter.AcquireAsync(Get(), 1).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(250));
        await Settle();
        var waitingWhileInFlight = !second.IsCompleted;
        first.Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(99));
        await Settle();
        var waitingAt99 = !second.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second;

        Assert.True(waitingWhileInFlight);
        Assert.True(waitingAt99);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_SkewAllowedAndPreviousCallInFlight_StartsTheIntervalPlusTheSkewAfterItsStart()
    {
        using var limiter = Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = TimeSpan.FromMilliseconds(50);
        });
        using var first = await limiter.AcquireAsync(Get(), 1); // its response has not come back

        var second = limiter.AcquireAsync(Get(), 1).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(149));
        await Settle();
        var waitingAt149 = !second.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second;

        Assert.True(waitingAt149);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_SkewAllowedAndPreviousResponseCameSooner_StartsTheIntervalAfterThatResponse()
    {
        using var limiter = Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = TimeSpan.FromMilliseconds(50);
        });
        var first = await limiter.AcquireAsync(Get(), 1);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        first.Dispose(); // it arrived by 20 ms at the latest

        var second = limiter.AcquireAsync(Get(), 1).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(99));
        await Settle();
        var waitingAt119 = !second.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second;

        Assert.True(waitingAt119);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_PreviousCallPacedByResponse_WaitsForItsResponseDespiteTheSkew()
    {
        // A token request opens its own connection, so its arrival may lag more than the skew allows for.
        using var limiter = Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = TimeSpan.FromMilliseconds(10);
        });
        var token = new HttpRequestMessage(HttpMethod.Post, "api/token");
        token.Options.Set(NexudusRequestOptions.PacedByResponse, true);
        var first = await limiter.AcquireAsync(token, 1);

        var second = limiter.AcquireAsync(Get(), 1).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(150));
        await Settle();
        var waitingWhileTokenInFlight = !second.IsCompleted;
        first.Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(99));
        await Settle();
        var waitingAt99AfterResponse = !second.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second;

        Assert.True(waitingWhileTokenInFlight);
        Assert.True(waitingAt99AfterResponse);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_SkewAllowed_ManyCallsOverlapAtTheIntervalPlusTheSkew()
    {
        using var limiter = Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = TimeSpan.FromMilliseconds(10);
        });
        var leases = new List<System.Threading.RateLimiting.RateLimitLease> { await limiter.AcquireAsync(Get(), 1) };
        var waitingAt109 = new List<bool>();
        for (var i = 1; i < 5; i++)
        {
            // None of the earlier calls has had its response: each starts 110 ms after the one before.
            var next = limiter.AcquireAsync(Get(), 1).AsTask();
            _time.Advance(TimeSpan.FromMilliseconds(109));
            await Settle();
            waitingAt109.Add(!next.IsCompleted);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            leases.Add(await next);
        }

        foreach (var lease in leases)
        {
            lease.Dispose();
        }

        Assert.Equal([true, true, true, true], waitingAt109);
        Assert.All(leases, l => Assert.True(l.IsAcquired));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 20)]
    [InlineData(50, 100)]
    [InlineData(700, 1000)]
    [InlineData(1000, 1000)]
    public void OnThrottled_SkewAllowed_GrowsTheSkewUpToOneSecond(int skewMs, int expectedMs)
    {
        using var limiter = Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = TimeSpan.FromMilliseconds(skewMs);
        });

        limiter.OnThrottled();

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), limiter.CurrentSkew);
    }

    [Fact]
    public void OnThrottled_NoSkewAllowed_StaysSerial()
    {
        using var limiter = Create(o => o.MaxTransitSkew = null);

        limiter.OnThrottled();

        Assert.Null(limiter.CurrentSkew);
    }

    [Fact]
    public async Task AcquireAsync_AfterAThrottle_SpacesCallsInFlightByTheGrownSkew()
    {
        using var limiter = Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = TimeSpan.FromMilliseconds(10);
        });
        limiter.OnThrottled();
        using var first = await limiter.AcquireAsync(Get(), 1);

        var second = limiter.AcquireAsync(Get(), 1).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(119));
        await Settle();
        var waitingAt119 = !second.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await second;

        Assert.True(waitingAt119);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Client_Throttled_GrowsTheLimitersSkew()
    {
        using var harness = NexudusHarness.Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = TimeSpan.FromMilliseconds(10);
        });
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("a", "r", 3600));
        harness.Http.Expect(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers/1")
            .Respond(System.Net.HttpStatusCode.Conflict, [new KeyValuePair<string, string>("Retry-After", "1")], "application/json", """{"Message":"You must wait before accessing this url again."}""");
        harness.Http.Expect(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers/1").Respond("application/json", """{"Id":1}""");

        await harness.RunWithClockAsync(() => harness.Client.GetCoworkerAsync(1), TimeSpan.FromMilliseconds(50));

        harness.Http.VerifyNoOutstandingExpectation();
        Assert.Equal(TimeSpan.FromMilliseconds(20), harness.Services.GetRequiredService<NexudusRateLimiter>().CurrentSkew);
    }

    [Fact]
    public async Task AcquireAsync_WindowFullOfCallsInFlight_WaitsUntilTheFirstResponseLeavesTheWindow()
    {
        using var limiter = Create(o => o.MaxRequestsPerMinute = 2);
        var first = await limiter.AcquireAsync(Get(), 1);
        using var second = await limiter.AcquireAsync(Get(), 1);

        var third = limiter.AcquireAsync(Get(), 1).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));
        await Settle();
        var waitingWhileInFlight = !third.IsCompleted;
        first.Dispose(); // its response arrives at 5 s, so it leaves the window at 65 s
        _time.Advance(TimeSpan.FromSeconds(59.9));
        await Settle();
        var waitingBeforeWindow = !third.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(0.1));
        using var granted = await third;

        Assert.True(waitingWhileInFlight);
        Assert.True(waitingBeforeWindow);
        Assert.True(granted.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_61stWriteInAMinute_WaitsWhileReadsStillPass()
    {
        using var limiter = Create(o => o.MaxWritesPerMinute = 60);
        for (var i = 0; i < 60; i++)
        {
            using var lease = await limiter.AcquireAsync(Post(), 1);
        }

        using var read = limiter.AttemptAcquire(Get(), 1);
        using var write = limiter.AttemptAcquire(Post(), 1);

        Assert.True(read.IsAcquired);
        Assert.False(write.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_WaitingCallCancelled_ThrowsAndFreesTheTurn()
    {
        using var limiter = Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromSeconds(1);
            o.MaxTransitSkew = TimeSpan.Zero;
        });
        using var first = await limiter.AcquireAsync(Get(), 1);
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(Get(), 1, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var next = await limiter.AcquireAsync(Get(), 1);
        Assert.True(next.IsAcquired);
    }

    [Fact]
    public async Task Client_DefaultLimits_SpaceCallsAtLeast100MillisecondsApart()
    {
        using var harness = NexudusHarness.Create(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxRequestsPerMinute = 120;
        });
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("a", "r", 3600));
        var starts = new List<DateTimeOffset>();
        harness.Http.When(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers/1")
            .With(_ =>
            {
                starts.Add(harness.Time.GetUtcNow());
                return true;
            })
            .Respond("application/json", """{"Id":1}""");

        await harness.RunWithClockAsync(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await harness.Client.GetCoworkerAsync(1);
            }
        }, TimeSpan.FromMilliseconds(10));

        Assert.Equal(5, starts.Count);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Pause_CallsWaitingAndNew_StartOnlyAfterTheWait()
    {
        using var limiter = Create(o => o.MinRequestInterval = TimeSpan.FromMilliseconds(100));
        using (await limiter.AcquireAsync(Get(), 1))
        {
        }

        var queued = limiter.AcquireAsync(Post(), 1).AsTask();
        limiter.Pause(TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        await Settle();
        var queuedWaitingAt1999 = !queued.IsCompleted;
        var newDenied = !limiter.AttemptAcquire(Get(), 1).IsAcquired;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await queued;

        Assert.True(queuedWaitingAt1999);
        Assert.True(newDenied);
        Assert.True(lease.IsAcquired);
        Assert.Null(limiter.PausedUntil);
    }

    [Fact]
    public void Pause_ShorterAfterLonger_KeepsTheLongerWait()
    {
        using var limiter = Create(o => o.MaxRetryAfter = TimeSpan.FromMinutes(1));

        limiter.Pause(TimeSpan.FromSeconds(5));
        limiter.Pause(TimeSpan.FromSeconds(1));

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(5), limiter.PausedUntil);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(0d, 1)]
    [InlineData(600d, 600)]
    public void Pause_NoWaitOrAWait_PausesOneSecondOrTheWait(double? seconds, int expectedSeconds)
    {
        using var limiter = Create(o => o.MaxRetryAfter = TimeSpan.FromMinutes(1));

        limiter.Pause(seconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(expectedSeconds), limiter.PausedUntil);
    }

    [Fact]
    public async Task AcquireAsync_PausedLongerThanMaxRetryAfter_RefusesAtOnceInsteadOfWaiting()
    {
        using var limiter = Create(o => o.MaxRetryAfter = TimeSpan.FromMinutes(1));
        limiter.Pause(TimeSpan.FromMinutes(5));

        using var refused = await limiter.AcquireAsync(Get(), 1);
        _time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(1));
        var waitsAgain = limiter.RemainingPause() is null;

        Assert.False(refused.IsAcquired);
        Assert.True(waitsAgain);
    }

    [Fact]
    public async Task Client_AccountThrottledLongerThanMaxRetryAfter_OtherCallsFailAsThrottledWithoutBeingSent()
    {
        using var harness = NexudusHarness.WithToken(o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));
        harness.Http.Expect(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers/1")
            .Respond(_ => NexudusHarness.Json(System.Net.HttpStatusCode.Conflict, """{"Message":"You must wait before accessing this url again."}""", TimeSpan.FromMinutes(5)));
        var second = harness.Http.When(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers/2").Respond("application/json", """{"Id":2}""");

        await Assert.ThrowsAsync<NexudusThrottledException>(() => harness.Client.GetCoworkerAsync(1));
        var error = await Assert.ThrowsAsync<NexudusThrottledException>(() => harness.Client.GetCoworkerAsync(2));

        harness.Http.VerifyNoOutstandingExpectation();
        Assert.Equal(0, harness.Http.GetMatchCount(second));
        Assert.Equal(TimeSpan.FromMinutes(5), error.RetryAfter);
    }

    [Theory]
    [InlineData("""{"Message":"Too many requests. Wait 5 seconds before trying again."}""", 5d)]
    [InlineData("wait 2.5 sec", 2.5d)]
    [InlineData("""{"Message":"You must wait before accessing this url again."}""", null)]
    [InlineData("", null)]
    public void ParseWait_ThrottlingMessage_ReadsTheSeconds(string text, double? expectedSeconds)
    {
        var wait = NexudusRateLimitHandler.ParseWait(text);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, wait);
    }

    [Fact]
    public async Task Client_409WithRetryAfter2_NoCallOfAnyKindStartsFor2Seconds()
    {
        using var harness = NexudusHarness.WithToken(o =>
        {
            o.MinRequestInterval = TimeSpan.FromMilliseconds(100);
            o.MaxTransitSkew = TimeSpan.FromMilliseconds(50);
        });
        var starts = new List<(string Call, DateTimeOffset At)>();
        DateTimeOffset? throttledAt = null;
        var firstCalls = 0;
        bool Log(HttpRequestMessage request)
        {
            lock (starts)
            {
                starts.Add((request.Method + " " + request.RequestUri!.AbsolutePath, harness.Time.GetUtcNow()));
            }

            return true;
        }

        harness.Http.When(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers/1").With(Log).Respond(_ =>
        {
            if (Interlocked.Increment(ref firstCalls) == 1)
            {
                throttledAt = harness.Time.GetUtcNow();
                return NexudusHarness.Json(System.Net.HttpStatusCode.Conflict, """{"Message":"You must wait before accessing this url again."}""", TimeSpan.FromSeconds(2));
            }

            return NexudusHarness.Json(System.Net.HttpStatusCode.OK, """{"Id":1}""");
        });
        harness.Http.When(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers/2").With(Log).Respond("application/json", """{"Id":2}""");
        harness.Http.When(HttpMethod.Post, NexudusHarness.BaseUrl + "api/spaces/checkins").With(Log).Respond("application/json", NexudusHarness.WriteResult(7));

        await harness.RunWithClockAsync(
            () => Task.WhenAll(
                harness.Client.GetCoworkerAsync(1),
                harness.Client.GetCoworkerAsync(2),
                harness.Client.CreateCheckInAsync(new CheckIn { BusinessId = 1, CoworkerId = 1, FromTime = harness.Time.GetUtcNow() })),
            TimeSpan.FromMilliseconds(10));

        Assert.NotNull(throttledAt);
        Assert.Equal(4, starts.Count);
        var during = starts.Where(s => s.At > throttledAt && s.At < throttledAt + TimeSpan.FromSeconds(2)).ToList();
        Assert.Empty(during);
        Assert.Equal(3, starts.Count(s => s.At >= throttledAt + TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Client_429WithTheWaitOnlyInTheMessage_PausesEveryCallForThatWaitAndRetries()
    {
        using var harness = NexudusHarness.WithToken(o => o.MinRequestInterval = TimeSpan.FromMilliseconds(100));
        var starts = new List<DateTimeOffset>();
        var calls = 0;
        harness.Http.When(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/coworkers/1").Respond(_ =>
        {
            lock (starts)
            {
                starts.Add(harness.Time.GetUtcNow());
            }

            return Interlocked.Increment(ref calls) == 1
                ? NexudusHarness.Json(System.Net.HttpStatusCode.TooManyRequests, """{"Message":"Rate limit exceeded. Wait 5 seconds."}""")
                : NexudusHarness.Json(System.Net.HttpStatusCode.OK, """{"Id":1}""");
        });

        await harness.RunWithClockAsync(() => harness.Client.GetCoworkerAsync(1), TimeSpan.FromMilliseconds(50));

        Assert.Equal(2, starts.Count);
        Assert.True(starts[1] - starts[0] >= TimeSpan.FromSeconds(5), $"retried after {starts[1] - starts[0]}");
    }

    private NexudusRateLimiter Create(Action<NexudusClientOptions> configure)
    {
        var options = new NexudusClientOptions
        {
            MinRequestInterval = TimeSpan.Zero,
            MaxRequestsPerMinute = 0,
            MaxRequestsPerHour = 0,
            MaxWritesPerMinute = 0,
        };
        configure(options);
        return new NexudusRateLimiter(Options.Create(options), _time, NullLogger<NexudusRateLimiter>.Instance);
    }

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "api/spaces/coworkers");

    private static HttpRequestMessage Post() => new(HttpMethod.Post, "api/spaces/checkins");

    private static Task Settle() => Task.Delay(20);
}
