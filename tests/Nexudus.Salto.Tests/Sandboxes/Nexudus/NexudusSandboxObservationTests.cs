using System.Net;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.Tests.Sandboxes.Nexudus.NexudusSandboxHttp;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>The Nexudus sandbox's request log and counters.</summary>
public sealed class NexudusSandboxObservationTests
{
    [Fact]
    public async Task Requests_RecordMethodPathQueryRouteAndStatus()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        using var response = await client.GetAsync("api/spaces/coworkers?page=2&size=10");

        var entry = Assert.Single(sandbox.Requests.GetRequests());
        Assert.Equal("GET", entry.Method);
        Assert.Equal("/api/spaces/coworkers", entry.Path);
        Assert.Equal("?page=2&size=10", entry.Query);
        Assert.Equal("/api/spaces/coworkers", entry.Route);
        Assert.Equal(200, entry.StatusCode);
        Assert.False(entry.IsWrite);
    }

    [Fact]
    public async Task Counters_CountCallsPerRouteTemplate()
    {
        await using var sandbox = await StartAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);
        var sam = seed.Customer("sam@example.com").Id;
        var kim = seed.Customer("kim@example.com").Id;

        (await client.GetAsync($"api/spaces/coworkers/{sam}")).Dispose();
        (await client.GetAsync($"api/spaces/coworkers/{kim}")).Dispose();
        (await client.GetAsync($"api/spaces/coworkers?id=[{sam},{kim}]")).Dispose();

        var counters = sandbox.Requests.GetCounters();
        Assert.Equal(2, counters.CallsPerRoute["GET /api/spaces/coworkers/{id}"]);
        Assert.Equal(1, counters.CallsPerRoute["GET /api/spaces/coworkers"]);
        Assert.Equal(2, sandbox.Requests.Count("GET", "/api/spaces/coworkers/{id}"));
    }

    [Fact]
    public async Task Counters_CountEntityWritesButNotTokenRequests()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        (await client.PostAsync("api/token", Form(("grant_type", "password"), ("username", sandbox.Username), ("password", sandbox.Password)))).Dispose();
        (await client.DeleteAsync("api/sys/webhooks/1499999999")).Dispose();
        (await client.GetAsync("api/sys/webhooks")).Dispose();

        var counters = sandbox.Requests.GetCounters();
        Assert.Equal(1, counters.Writes);
        Assert.Equal(3, counters.Requests);
    }

    [Fact]
    public async Task Clear_ForgetsRequestsAndCounters()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);
        (await client.DeleteAsync("api/sys/webhooks/1499999999")).Dispose();

        sandbox.Requests.Clear();

        var counters = sandbox.Requests.GetCounters();
        Assert.Equal(0, counters.Requests);
        Assert.Equal(0, counters.Writes);
        Assert.Empty(counters.CallsPerRoute);
    }

    [Fact]
    public async Task Requests_NeverKeepCredentials()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        (await client.PostAsync("api/token", Form(("grant_type", "password"), ("username", sandbox.Username), ("password", sandbox.Password)))).Dispose();

        Assert.DoesNotContain(sandbox.Password, Assert.Single(sandbox.Requests.GetRequests()).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_FromManyClientsAtOnce_AreAllServedAndRecorded()
    {
        await using var sandbox = await StartAsync();
        SeedCentral(sandbox);
        using var client = Client(sandbox);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync("api/spaces/coworkers")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(40, sandbox.Requests.Count("GET", "/api/spaces/coworkers"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
