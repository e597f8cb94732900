using System.Net;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.Tests.Sandboxes.Nexudus.NexudusSandboxHttp;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>Throttling: 409 (not 429) with <c>Retry-After</c> in seconds.</summary>
public sealed class NexudusSandboxRateLimitTests
{
    private const string Path = "api/spaces/coworkers";

    private static Task<NexudusSandbox> StartLimitedAsync(FakeTimeProvider time, NexudusRateLimits? limits = null) =>
        StartAsync(o =>
        {
            o.TimeProvider = time;
            o.RateLimits = limits ?? new NexudusRateLimits();

            // These tests judge each limit on its own; the account-wide block that follows a 409 has its own tests below.
            o.ThrottleBlocksAllCalls = false;
        });

    [Fact]
    public async Task Request_Within100MsOfThePrevious_Gets409WithRetryAfterAndTheDocumentedMessage()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartLimitedAsync(time);
        using var client = Client(sandbox);

        using var first = await client.GetAsync(Path);
        time.Advance(TimeSpan.FromMilliseconds(50));
        using var second = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), second.Headers.RetryAfter?.Delta);
        Assert.Equal("You must wait before accessing this url again.", (await ReadJsonAsync(second)).GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Request_100MsAfterThePrevious_IsServed()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartLimitedAsync(time);
        using var client = Client(sandbox);

        using var first = await client.GetAsync(Path);
        time.Advance(TimeSpan.FromMilliseconds(100));
        using var second = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Request_121stWithinAMinute_Gets409UntilTheOldestLeavesTheWindow()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartLimitedAsync(time);
        using var client = Client(sandbox);
        for (var i = 0; i < 120; i++)
        {
            using var admitted = await client.GetAsync(Path);
            Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        using var throttled = await client.GetAsync(Path);
        time.Advance(throttled.Headers.RetryAfter!.Delta!.Value);
        using var retried = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Conflict, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), throttled.Headers.RetryAfter.Delta);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task Write_OverTheScaledWriteLimit_Gets409WhileReadsStillPass()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartLimitedAsync(time, new NexudusRateLimits { MinInterval = TimeSpan.Zero, WritesPerMinute = 2 });
        using var client = Client(sandbox);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var write = await client.DeleteAsync("api/sys/webhooks/1499999999");
            statuses.Add(write.StatusCode);
        }

        using var read = await client.GetAsync(Path);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Conflict], statuses);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public void Scale_DividesTheCountLimits()
    {
        var scaled = new NexudusRateLimits().Scale(0.05);

        Assert.Equal(6, scaled.RequestsPerMinute);
        Assert.Equal(3, scaled.WritesPerMinute);
        Assert.Equal(TimeSpan.FromMilliseconds(100), scaled.MinInterval);
    }

    [Fact]
    public async Task Requests_WithLimitsDisabled_AreNeverThrottled()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartLimitedAsync(time, NexudusRateLimits.Disabled);
        using var client = Client(sandbox);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync(Path);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(0, sandbox.Requests.GetCounters().ThrottlesServed);
    }

    [Fact]
    public async Task Throttle_IsCountedAsAThrottleServed()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartLimitedAsync(time);
        using var client = Client(sandbox);

        using var first = await client.GetAsync(Path);
        using var second = await client.GetAsync(Path);

        Assert.Equal(1, sandbox.Requests.GetCounters().ThrottlesServed);
        Assert.True(sandbox.Requests.GetRequests()[1].Throttled);
    }

    [Fact]
    public async Task AnyCall_AfterA409ByDefault_IsRefusedOnEveryPathUntilTheAnnouncedWaitHasPassed()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartAsync(o => o.TimeProvider = time);
        sandbox.Faults.Add(SandboxFaultRule.On("GET", "/" + Path, NexudusFaults.Throttled(TimeSpan.FromSeconds(2))).ForNextCalls(1));
        using var client = Client(sandbox);

        using var refused = await client.GetAsync(Path);
        time.Advance(TimeSpan.FromMilliseconds(500));
        using var otherRead = await client.GetAsync("api/sys/businesses");
        using var write = await client.DeleteAsync("api/sys/webhooks/1499999999");
        time.Advance(TimeSpan.FromMilliseconds(1500));
        using var after = await client.GetAsync("api/sys/businesses");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherRead.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), otherRead.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Conflict, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task AnyCall_AfterALimitIsBrokenByDefault_IsRefusedForTheAnnouncedWait()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartAsync(o =>
        {
            o.TimeProvider = time;
            o.RateLimits = new NexudusRateLimits { MinInterval = TimeSpan.Zero, WritesPerMinute = 2 };
        });
        using var client = Client(sandbox);
        for (var i = 0; i < 3; i++)
        {
            using var write = await client.DeleteAsync("api/sys/webhooks/1499999999");
        }

        using var read = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Conflict, read.StatusCode);
    }

    [Fact]
    public async Task AnyCall_AfterA409WithTheOldReading_IsJudgedOnItsOwn()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartAsync(o =>
        {
            o.TimeProvider = time;
            o.ThrottleBlocksAllCalls = false;
        });
        sandbox.Faults.Add(SandboxFaultRule.On("GET", "/" + Path, NexudusFaults.Throttled(TimeSpan.FromSeconds(2))).ForNextCalls(1));
        using var client = Client(sandbox);

        using var refused = await client.GetAsync(Path);
        using var other = await client.GetAsync("api/sys/businesses");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
