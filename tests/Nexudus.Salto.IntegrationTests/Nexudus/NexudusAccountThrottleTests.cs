using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// While Nexudus throttles an account it refuses every call of it: after a 409 the client sends nothing, of any kind,
/// until the announced wait has passed. On the real clock, since the point is what goes on the wire when.
/// </summary>
public sealed class NexudusAccountThrottleTests
{
    [Fact]
    public async Task AnyCalls_409WithRetryAfter2_NoCallOfAnyKindIsSentFor2Seconds()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync(
            s => s.TimeProvider = TimeProvider.System,
            c =>
            {
                // Pipelined pacing, so calls are queued in the limiter when the 409 comes back.
                c.MinRequestInterval = TimeSpan.FromMilliseconds(100);
                c.MaxTransitSkew = TimeSpan.FromMilliseconds(50);
            });
        var central = env.World!.Location("Central").Id;
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers", NexudusFaults.Throttled(TimeSpan.FromSeconds(2))).ForNextCalls(1));

        await Task.WhenAll(
            env.Client.ListCoworkersAsync().ToListAsync().AsTask(),
            env.Client.GetBusinessAsync(central),
            env.Client.ListWebhooksAsync(new WebhookQuery { BusinessId = central }).ToListAsync().AsTask(),
            env.Client.CreateWebhookAsync(new Webhook { BusinessId = central, Name = "Door", Action = WebhookAction.CoworkerCheckin, Url = "https://example.com/hook" }));

        var requests = env.Sandbox.Requests.GetRequests();
        var throttle = Assert.Single(requests, r => r.Fault == SandboxFaultKind.Throttle);
        var quietUntil = throttle.Timestamp + TimeSpan.FromSeconds(2);
        Assert.DoesNotContain(requests, r => r.Timestamp > throttle.AnsweredAt && r.Timestamp < quietUntil);
        Assert.Contains(requests, r => r.Timestamp >= quietUntil && r.Path == "/api/spaces/coworkers" && r.StatusCode == 200);
        Assert.DoesNotContain(requests, r => r.StatusCode == 409 && r.Fault is null);
    }

    [Fact]
    public async Task AnyCall_429WithTheWaitOnlyInTheMessage_PausesTheAccountForThatWait()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync(
            s => s.TimeProvider = TimeProvider.System,
            c =>
            {
                // Paced, so the second call waits in the limiter rather than being on the wire with the first.
                c.MinRequestInterval = TimeSpan.FromMilliseconds(100);
                c.MaxTransitSkew = TimeSpan.FromMilliseconds(50);
            });
        var central = env.World!.Location("Central").Id;
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/sys/businesses/*", SandboxFault.Response(429, """{"Message":"Too many requests. Wait 2 seconds."}""")).ForNextCalls(1));

        await Task.WhenAll(env.Client.GetBusinessAsync(central), env.Client.ListCoworkersAsync().ToListAsync().AsTask());

        var requests = env.Sandbox.Requests.GetRequests();
        var refused = Assert.Single(requests, r => r.StatusCode == 429);
        Assert.DoesNotContain(requests, r => r.Timestamp > refused.AnsweredAt && r.Timestamp < refused.Timestamp + TimeSpan.FromSeconds(2));
        Assert.Contains(requests, r => r.Path.StartsWith("/api/sys/businesses/", StringComparison.Ordinal) && r.StatusCode == 200);
    }
}
