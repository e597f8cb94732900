using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.Tests.Sandboxes.Nexudus.NexudusSandboxHttp;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>Fault injection on the Nexudus sandbox: exact failures per route, error rates, latency, dropped connections, expiry, malformed bodies.</summary>
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
    public async Task Fault_ForTheNextTwoCalls_FailsExactlyTheNextTwoMatchingCalls()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers", SandboxFault.HtmlError(503)).ForNextCalls(2));
        var statuses = await GetStatusesAsync(client, Path, 3);

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Fault_HtmlError_SendsAnHtmlBody()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On(null, "/api/spaces/coworkers", SandboxFault.HtmlError(500)));
        using var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Fault_OnAnotherRoute_LeavesThisOneAlone()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/billing/**", SandboxFault.HtmlError()));
        using var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Fault_OnARecordRouteTemplate_MatchesRecordsButNotTheList()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers/{id}", SandboxFault.HtmlError()));
        var byId = await GetStatusesAsync(client, "api/spaces/coworkers/1414000001", 1);
        var list = await GetStatusesAsync(client, Path, 1);

        Assert.Equal([HttpStatusCode.ServiceUnavailable], byId);
        Assert.Equal([HttpStatusCode.OK], list);
    }

    [Fact]
    public async Task Throttled_Returns409WithRetryAfterAndTheDocumentedMessage()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On(null, "/api/**", NexudusFaults.Throttled(TimeSpan.FromSeconds(3))).ForNextCalls(1));
        using var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Equal("You must wait before accessing this url again.", (await ReadJsonAsync(response)).GetProperty("Message").GetString());
        Assert.Equal(1, sandbox.Requests.GetCounters().ThrottlesServed);
    }

    [Fact]
    public async Task DropConnection_FailsTheRequestWithoutAResponse()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On(null, "/api/spaces/coworkers", SandboxFault.DropConnection()));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(Path));
        Assert.Null(Assert.Single(sandbox.Requests.GetRequests()).StatusCode);
    }

    [Fact]
    public async Task MalformedBody_SendsTruncatedJson()
    {
        await using var sandbox = await StartAsync();
        SeedCentral(sandbox);
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On(null, "/api/spaces/coworkers", SandboxFault.MalformedBody()));
        using var response = await client.GetAsync(Path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Unauthorized_OnceWithAValidToken_LetsTheRepeatedCallThrough()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);
        using var tokenResponse = await client.PostAsync("api/token", Form(("grant_type", "password"), ("username", sandbox.Username), ("password", sandbox.Password)));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await ReadJsonAsync(tokenResponse)).GetProperty("access_token").GetString());

        sandbox.Faults.Add(SandboxFaultRule.On(null, "/api/spaces/coworkers", NexudusFaults.Unauthorized()).ForNextCalls(1));
        var statuses = await GetStatusesAsync(client, Path, 2);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task WriteRefused_Returns200WithWasSuccessfulFalse()
    {
        await using var sandbox = await StartAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", NexudusFaults.WriteRefused("Sam Example is already checked in.")));
        using var response = await client.PostAsync("api/spaces/checkins", Json(
            $$"""{ "BusinessId": {{seed.Location("Central").Id}}, "CoworkerId": {{seed.Customer("sam@example.com").Id}}, "FromTime": "2025-01-15T09:00:00Z" }"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await ReadJsonAsync(response)).GetProperty("WasSuccessful").GetBoolean());
        Assert.Empty(sandbox.GetAll<global::Nexudus.Salto.Nexudus.CheckIn>());
    }

    [Fact]
    public async Task ValidationFailed_Returns400NamingTheProperty()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On("PUT", "/api/spaces/checkins", NexudusFaults.ValidationFailed("ToTime", "The end must follow the start.")));
        using var response = await client.PutAsync("api/spaces/checkins", Json("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("ToTime", body.GetProperty("Errors")[0].GetProperty("PropertyName").GetString());
        Assert.Equal("ToTime: The end must follow the start.", body.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Latency_HoldsTheResponseUntilTheSandboxClockHasAdvanced()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartAsync(o => o.TimeProvider = time);
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On(null, "/api/spaces/coworkers", SandboxFault.Latency(TimeSpan.FromSeconds(30))));
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
    public async Task WithProbability_AtTheExtremes_FailsNoneOrAll(double probability, int expectedFailures)
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        sandbox.Faults.Add(SandboxFaultRule.On(null, "/api/spaces/coworkers", SandboxFault.HtmlError()).WithProbability(probability, seed: 3));
        var statuses = await GetStatusesAsync(client, Path, 20);

        Assert.Equal(expectedFailures, statuses.Count(s => s == HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public async Task WithProbability_SameSeed_FailsTheSameCalls()
    {
        static async Task<List<HttpStatusCode>> RunAsync()
        {
            await using var sandbox = await StartAsync();
            using var client = Client(sandbox);
            sandbox.Faults.Add(SandboxFaultRule.On(null, "/api/spaces/coworkers", SandboxFault.HtmlError()).WithProbability(0.5, seed: 7));
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
        sandbox.Faults.Add(SandboxFaultRule.On(null, "/**", SandboxFault.HtmlError()));

        sandbox.Faults.Clear();
        var statuses = await GetStatusesAsync(client, Path, 1);

        Assert.Equal([HttpStatusCode.OK], statuses);
    }
}
