using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.Tests.Sandboxes.Nexudus.NexudusSandboxHttp;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>Fault injection: exact failures per route, error rates, latency, dropped connections, expiry, malformed bodies.</summary>
public sealed class NexudusSandboxFaultTests
{
    private const string Path = "api/spaces/coworkers";

    private static async Task<List<HttpStatusCode>> GetStatusesAsync(HttpClient client, string path, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(path);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    [Fact]
    public async Task Inject_StatusForTwoCalls_FailsExactlyTheNextTwoMatchingCalls()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Inject("GET /api/spaces/coworkers", SandboxFault.Status(503), times: 2);
        var statuses = await GetStatusesAsync(client, Path, 3);

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(0, sandbox.Faults.ActiveRules);
    }

    [Fact]
    public async Task Inject_Status500_SendsAnHtmlBody()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Inject("/api/spaces/coworkers", SandboxFault.Status(500));
        using var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Inject_OnAnotherRoute_LeavesThisOneAlone()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.InjectAlways("GET /api/billing/*", SandboxFault.Status(503));
        using var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Inject_WildcardPath_MatchesEveryRecordRoute()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.InjectAlways("GET /api/spaces/*", SandboxFault.Status(503));
        var statuses = await GetStatusesAsync(client, "api/spaces/coworkers/1414000001", 1);

        Assert.Equal([HttpStatusCode.ServiceUnavailable], statuses);
    }

    [Fact]
    public async Task Inject_RouteTemplate_MatchesThatRouteOnly()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.InjectAlways("GET /api/spaces/coworkers/{id}", SandboxFault.Status(503));
        var byId = await GetStatusesAsync(client, "api/spaces/coworkers/1414000001", 1);
        var list = await GetStatusesAsync(client, Path, 1);

        Assert.Equal([HttpStatusCode.ServiceUnavailable], byId);
        Assert.Equal([HttpStatusCode.OK], list);
    }

    [Fact]
    public async Task Inject_Throttle_Returns409WithRetryAfter()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Inject("/api/spaces/coworkers", SandboxFault.Throttle(TimeSpan.FromSeconds(3)));
        using var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, sandbox.Requests.ThrottlesServed);
    }

    [Fact]
    public async Task Inject_DropConnection_FailsTheRequestWithoutAResponse()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Inject("/api/spaces/coworkers", SandboxFault.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(Path));
        Assert.Equal(0, Assert.Single(sandbox.Requests.Entries).StatusCode);
    }

    [Fact]
    public async Task Inject_MalformedBody_SendsTruncatedJson()
    {
        await using var sandbox = await StartAsync();
        SeedCentral(sandbox);
        using var client = Client(sandbox);

        sandbox.Faults.Inject("/api/spaces/coworkers", SandboxFault.MalformedBody());
        using var response = await client.GetAsync(Path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Inject_ExpireToken_MakesTheBearerTokenFailWith401()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);
        using var tokenResponse = await client.PostAsync("api/token", Form(("grant_type", "password"), ("username", sandbox.Username), ("password", sandbox.Password)));
        var token = (await ReadJsonAsync(tokenResponse)).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        sandbox.Faults.Inject("/api/spaces/coworkers", SandboxFault.ExpireToken());
        var statuses = await GetStatusesAsync(client, Path, 2);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
    }

    [Fact]
    public async Task Inject_Latency_HoldsTheResponseUntilTheSandboxClockHasAdvanced()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartAsync(o => o.TimeProvider = time);
        using var client = Client(sandbox);

        sandbox.Faults.Inject("/api/spaces/coworkers", SandboxFault.Latency(TimeSpan.FromSeconds(30)));
        var pending = client.GetAsync(Path);
        var advanced = TimeSpan.Zero;
        for (var step = 0; step < 2000 && !pending.IsCompleted; step++)
        {
            await Task.Delay(5);
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(advanced >= TimeSpan.FromSeconds(30), $"answered after {advanced} of sandbox time");
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 20)]
    public async Task InjectRandomly_AtTheExtremes_FailsNoneOrAll(double probability, int expectedFailures)
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.InjectRandomly("/api/spaces/coworkers", SandboxFault.Status(503), probability);
        var statuses = await GetStatusesAsync(client, Path, 20);

        Assert.Equal(expectedFailures, statuses.Count(s => s == HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public async Task InjectRandomly_WithTheSameSeed_FailsTheSameCalls()
    {
        async Task<List<HttpStatusCode>> RunAsync()
        {
            await using var sandbox = await StartAsync(o => o.FaultSeed = 7);
            using var client = Client(sandbox);
            sandbox.Faults.InjectRandomly("/api/spaces/coworkers", SandboxFault.Status(503), 0.5);
            return await GetStatusesAsync(client, Path, 30);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
        Assert.Contains(HttpStatusCode.OK, first);
    }

    [Fact]
    public async Task Clear_RemovesEveryRule()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);
        sandbox.Faults.InjectAlways("*", SandboxFault.Status(503));

        sandbox.Faults.Clear();
        var statuses = await GetStatusesAsync(client, Path, 1);

        Assert.Equal([HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Inject_PatternWithARelativePath_IsRejected()
    {
        await using var sandbox = await StartAsync();

        Assert.Throws<ArgumentException>(() => sandbox.Faults.Inject("GET api/spaces/coworkers", SandboxFault.Status(503)));
    }
}
