using Microsoft.Extensions.Logging.Testing;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// Throttling between the real client and the sandbox: the documented limits on both sides, on
/// the real clock, and the sandbox's 409 with <c>Retry-After</c>.
/// </summary>
public sealed class NexudusClientThrottlingTests
{
    /// <summary>
    /// Both sides with the documented limits (one call per 100 ms, 120 a minute, 5000 an hour,
    /// 60 writes a minute) on the system clock, so the client's waits are real; tests keep to a
    /// handful of calls.
    /// </summary>
    private static Task<NexudusSandboxEnvironment> StartWithDocumentedLimitsAsync() =>
        NexudusSandboxEnvironment.StartAsync(
            s =>
            {
                s.TimeProvider = TimeProvider.System;
                s.RateLimits = new NexudusRateLimits();
                s.MaxPageSize = 2;

                // The world's dates are fixed in 2025 while this sandbox runs on the real clock.
                s.OpenCheckInsOnlyToday = false;
            },
            c =>
            {
                var documented = new NexudusClientOptions();
                c.MinRequestInterval = documented.MinRequestInterval;
                c.MaxRequestsPerMinute = documented.MaxRequestsPerMinute;
                c.MaxRequestsPerHour = documented.MaxRequestsPerHour;
                c.MaxWritesPerMinute = documented.MaxWritesPerMinute;
            });

    [Fact]
    public async Task ListCoworkersAsync_DocumentedLimitsOnBothSides_StaysUnderThemWithoutBeingThrottled()
    {
        await using var env = await StartWithDocumentedLimitsAsync();

        var coworkers = await env.Client.ListCoworkersAsync().ToListAsync();
        var checkIn = await env.Client.CreateCheckInAsync(new CheckIn
        {
            BusinessId = env.World!.Location("Central").Id,
            CoworkerId = env.World.Customer(NexudusWorld.Member(1)).Id,
            FromTime = NexudusSandboxEnvironment.Start.AddHours(1),
        });

        Assert.Equal(11, coworkers.Count);
        Assert.NotNull(env.Sandbox.Get<CheckIn>(checkIn));
        var counters = env.Sandbox.Requests.GetCounters();
        Assert.Equal(8, counters.Requests); // the token, six pages of two, the check-in
        Assert.Equal(0, counters.ThrottlesServed);
    }

    [Fact]
    public async Task ListCoworkersAsync_SandboxThrottlesAnyway_WaitsForRetryAfterAndGetsEveryCustomer()
    {
        await using var env = await StartWithDocumentedLimitsAsync();
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers", NexudusFaults.Throttled(TimeSpan.FromSeconds(1))).ForNextCalls(1));

        var coworkers = await env.Client.ListCoworkersAsync().ToListAsync();

        Assert.Equal(11, coworkers.Count);
        var calls = env.Sandbox.Requests.GetRequests().Where(r => r.Path == "/api/spaces/coworkers").ToList();
        Assert.Equal([409, 200, 200, 200, 200, 200, 200], calls.Select(r => r.StatusCode));
        Assert.Equal(1, env.Sandbox.Requests.GetCounters().ThrottlesServed);

        // The one retry waited the announced second (the unit tests prove the wait on a fake clock).
        var retry = Assert.Single(env.Logs.GetSnapshot(), r => r.Id.Id == 3105);
        Assert.Equal(TimeSpan.FromSeconds(1).ToString(), retry.GetStructuredStateValue("Delay"));
        Assert.Equal("HTTP 409", retry.GetStructuredStateValue("Outcome"));
    }

    [Fact]
    public async Task CreateCheckInAsync_ThrottledWith409_IsRetriedAndCreatesExactlyOneCheckIn()
    {
        // 409 means throttled, never a conflict: the service did not process the create.
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        env.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", NexudusFaults.Throttled(TimeSpan.Zero)).ForNextCalls(1));
        var before = env.Sandbox.GetAll<CheckIn>().Count;

        var id = await env.Client.CreateCheckInAsync(new CheckIn
        {
            BusinessId = env.World!.Location("Central").Id,
            CoworkerId = env.World.Customer(NexudusWorld.Member(1)).Id,
            FromTime = NexudusSandboxEnvironment.Start,
        });

        Assert.Equal(["POST /api/spaces/checkins 409", "POST /api/spaces/checkins 200"], env.RequestsTo("/api/spaces/checkins"));
        Assert.Equal(before + 1, env.Sandbox.GetAll<CheckIn>().Count);
        Assert.NotNull(env.Sandbox.Get<CheckIn>(id));
    }
}
