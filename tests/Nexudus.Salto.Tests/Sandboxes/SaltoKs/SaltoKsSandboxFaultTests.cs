using System.Net;
using System.Text.Json;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>Fault injection, rate limiting and the request log.</summary>
public sealed class SaltoKsSandboxFaultTests
{
    private const string Users = $"v1.1/sites/{SaltoKsTestHost.SiteId}/users";
    private const string MembersPattern = "/v1.1/sites/{site_id}/access_groups/{access_group_id}/users";

    [Fact]
    public async Task ErrorFault_ForNextCalls_FailsThoseCallsThenServesNormally()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/v1.1/sites/*/users", SaltoKsFaults.InternalError()).ForNextCalls(2));

        SaltoKsTestHost.Reply first = await host.GetAsync(Users);
        SaltoKsTestHost.Reply second = await host.GetAsync(Users);
        SaltoKsTestHost.Reply third = await host.GetAsync(Users);

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal("2201", first.Code);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task ErrorFault_OtherMethodOnSamePath_IsNotAffected()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On("PATCH", MembersPattern, SaltoKsFaults.InternalError()));

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/access_groups/{SaltoKsTestHost.Members}/users");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task HtmlErrorFault_Answers503WithHtmlBody()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On(null, "/**", SandboxFault.HtmlError()));

        using HttpResponseMessage response = await host.Http.GetAsync(Users);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TooManyRequestsFault_Answers429WithRetryAfterAndCountsAThrottle()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On(null, "/v1.1/**", SaltoKsFaults.TooManyRequests(TimeSpan.FromSeconds(7))).ForNextCalls(1));

        SaltoKsTestHost.Reply reply = await host.GetAsync(Users);

        Assert.Equal(HttpStatusCode.TooManyRequests, reply.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), reply.Headers.RetryAfter?.Delta);
        Assert.Equal(1, host.Sandbox.Requests.GetCounters().ThrottlesServed);
    }

    [Fact]
    public async Task DropConnectionFault_ClientSeesANetworkFailure()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/v1.1/sites/*/users", SandboxFault.DropConnection()).ForNextCalls(1));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.Http.GetAsync(Users));
        Assert.Null(Assert.Single(host.Sandbox.Requests.GetRequests(), r => r.Path.EndsWith("/users", StringComparison.Ordinal)).StatusCode);
    }

    [Fact]
    public async Task DropConnectionFault_OnACreate_CreatesNothing()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/v1.1/sites/*/users", SandboxFault.DropConnection()).ForNextCalls(1));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.PostAsync(Users, """{"first_name":"Sam","email":"sam@example.com","role_ids":[]}"""));

        Assert.Null(host.Sandbox.FindSiteUserByEmail(SaltoKsTestHost.SiteId, "sam@example.com"));
    }

    [Fact]
    public async Task DropResponseFault_OnACreate_CreatesTheUserButTheClientSeesANetworkFailure()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/v1.1/sites/*/users", SandboxFault.DropResponse()).ForNextCalls(1));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.PostAsync(Users, """{"first_name":"Sam","email":"sam@example.com","role_ids":[]}"""));

        Assert.NotNull(host.Sandbox.FindSiteUserByEmail(SaltoKsTestHost.SiteId, "sam@example.com"));
        Assert.Single(host.Sandbox.GetInvitations());
        SandboxRequest logged = Assert.Single(host.Sandbox.Requests.GetRequests(), r => r.Method == "POST" && r.Path.EndsWith("/users", StringComparison.Ordinal));
        Assert.Equal((null, SandboxFaultKind.DropResponse, true), (logged.StatusCode, logged.Fault, logged.IsWrite));
    }

    [Fact]
    public async Task DropResponseFault_ForNextCalls_ServesTheFollowingCallNormally()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/v1.1/sites/*/users", SandboxFault.DropResponse()).ForNextCalls(1));

        await Assert.ThrowsAsync<HttpRequestException>(() => host.GetAsync(Users));
        SaltoKsTestHost.Reply reply = await host.GetAsync(Users);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task MalformedBodyFault_ServesACutOffJsonBody()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/v1.1/sites/*/users", SandboxFault.MalformedBody()));

        SaltoKsTestHost.Reply reply = await host.GetAsync(Users);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(reply.Body));
    }

    [Fact]
    public async Task LatencyFault_OnFakeClock_AnswersOnlyAfterTheClockAdvances()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/v1.1/sites", SandboxFault.Latency(TimeSpan.FromSeconds(30))));

        Task<SaltoKsTestHost.Reply> pending = host.GetAsync("v1.1/sites");

        // The server waits on the fake clock; keep moving it until the delay it started has passed.
        for (int i = 0; i < 1000 && !pending.IsCompleted; i++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(10));
        }

        SaltoKsTestHost.Reply reply = await pending;

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(SandboxFaultKind.Latency, host.Sandbox.Requests.GetRequests()[^1].Fault);
    }

    [Fact]
    public async Task ProbabilityFault_SameSeed_FailsTheSameCallsEveryRun()
    {
        static async Task<List<HttpStatusCode>> RunAsync()
        {
            await using var host = await SaltoKsTestHost.StartAsync();
            host.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/v1.1/sites", SaltoKsFaults.InternalError()).WithProbability(0.5, seed: 42));
            var statuses = new List<HttpStatusCode>();
            for (int i = 0; i < 12; i++)
            {
                statuses.Add((await host.GetAsync("v1.1/sites")).Status);
            }

            return statuses;
        }

        List<HttpStatusCode> first = await RunAsync();
        List<HttpStatusCode> second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
    }

    [Fact]
    public async Task FaultsClear_RemovesEveryRule()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Sandbox.Faults.Add(SandboxFaultRule.On(null, "/**", SandboxFault.HtmlError()));

        host.Sandbox.Faults.Clear();

        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("v1.1/sites")).Status);
    }

    [Fact]
    public async Task RateLimit_PastThePermitLimit_Answers429WithRetryAfterUntilTheWindowEnds()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.RateLimit = new SaltoKsRateLimit { PermitLimit = 2, Window = TimeSpan.FromMinutes(1) });

        SaltoKsTestHost.Reply first = await host.GetAsync("v1.1/sites");
        SaltoKsTestHost.Reply second = await host.GetAsync("v1.1/sites");
        SaltoKsTestHost.Reply third = await host.GetAsync("v1.1/sites");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        SaltoKsTestHost.Reply fourth = await host.GetAsync("v1.1/sites");

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal(TimeSpan.FromMinutes(1), third.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, fourth.Status);
        Assert.Equal(HttpStatusCode.OK, first.Status);
    }

    [Fact]
    public async Task RequestLog_Counters_CountCallsPerRouteWritesAndTokenRequests()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        string group = $"v1.1/sites/{SaltoKsTestHost.SiteId}/access_groups/{SaltoKsTestHost.Members}/users";

        await host.PatchAsync(group, $$"""{"add_ids":["{{SaltoKsTestHost.BobUser}}"],"remove_ids":[]}""");
        await host.PatchAsync(group, $$"""{"add_ids":[],"remove_ids":["{{SaltoKsTestHost.BobUser}}"]}""");
        await host.GetAsync(Users);

        SandboxCounters counters = host.Sandbox.Requests.GetCounters();
        Assert.Equal(4, counters.Requests); // the log-in, two PATCHes and one GET
        Assert.Equal(2, counters.Writes);
        Assert.Equal(2, counters.CallsPerRoute["PATCH " + MembersPattern]);
        Assert.Equal(1, counters.CallsPerRoute["GET /v1.1/sites/{site_id}/users"]);
        Assert.Equal(1, counters.CallsPerRoute["POST /identity/connect/token"]);
        Assert.Equal(2, host.Sandbox.Requests.Count("PATCH", MembersPattern));
    }

    [Fact]
    public async Task RequestLog_Entry_KeepsMethodPathQueryStatusAndFakeClockTime()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        host.Time.Advance(TimeSpan.FromMinutes(3));

        await host.GetAsync($"{Users}?$top=1");

        SandboxRequest request = host.Sandbox.Requests.GetRequests()[^1];
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/{Users}", request.Path);
        Assert.Equal("?$top=1", request.Query);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal(SaltoKsTestHost.Start.AddMinutes(3), request.Timestamp);
        Assert.False(request.IsWrite);
    }

    [Fact]
    public async Task RequestLogClear_ResetsTheCounters()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        await host.GetAsync(Users);

        host.Sandbox.Requests.Clear();

        Assert.Equal(0, host.Sandbox.Requests.GetCounters().Requests);
    }
}
