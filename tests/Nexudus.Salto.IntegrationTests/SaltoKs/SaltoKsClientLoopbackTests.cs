using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>
/// The client as registered by <c>AddSaltoKsClient</c>, against a small stand-in for the identity server and the
/// Connect API served by Kestrel on loopback: real HTTP, real handlers, real resilience pipeline.
/// </summary>
public sealed class SaltoKsClientLoopbackTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _requests = new();
    private WebApplication _server = null!;
    private int _patchCalls;
    private int _tokenCalls;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.Use(async (context, next) =>
        {
            _requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} auth={context.Request.Headers.Authorization}");
            await next(context);
        });
        _server.MapPost("/connect/token", (HttpContext _) =>
        {
            Interlocked.Increment(ref _tokenCalls);
            return Results.Text("""{"access_token":"loopback-access","token_type":"Bearer","expires_in":3600,"refresh_token":"r1"}""", "application/json");
        });
        _server.MapGet("/v1.1/sites/s1/users", (HttpContext context) => Results.Text(
            _requests.Any(r => r.StartsWith("POST /v1.1/sites/s1/users", StringComparison.Ordinal))
                ? """[{"id":"su-1","user":{"id":"pu-1","email":"o'brien@example.com"}}]"""
                : """{"items":[],"next_page_link":null,"count":0}""",
            "application/json"));
        _server.MapPost("/v1.1/sites/s1/users", () => Results.Text("""{"id":"su-1","user":{"id":"pu-1","email":"o'brien@example.com"}}""", "application/json", statusCode: 201));
        _server.MapMethods("/v1.1/sites/s1/access_groups/g1/users", ["PATCH"], (HttpContext context) =>
        {
            if (Interlocked.Increment(ref _patchCalls) == 1)
            {
                context.Response.Headers.RetryAfter = "0";
                return Results.StatusCode(429);
            }

            return Results.Ok();
        });
        _server.MapGet("/v1.1/sites/s1/entries", (HttpContext context) => Results.Text(
            context.Request.Headers["CLP-Continuation-Token"].ToString() switch
            {
                "" => """{"items":[{"id":"e1","utc_date_time":"2025-03-04T08:00:00Z","user_id":"pu-1"}],"continuation_token":"{\"p\":2}"}""",
                """{"p":2}""" => """{"items":[],"continuation_token":"{\"p\":3}"}""",
                _ => """{"items":[{"id":"e2","utc_date_time":"2025-03-04T08:05:00Z","user_id":"pu-1"}]}""",
            },
            "application/json"));
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task WholeFlow_CreateUserGrantGroupReadEntries_WorksOverRealHttp()
    {
        string address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await using ServiceProvider services = new ServiceCollection()
            .AddSaltoKsClient(o =>
            {
                o.BaseUrl = new Uri(address);
                o.IdentityUrl = new Uri(address);
                o.ClientId = "c";
                o.ClientSecret = "s";
                o.Username = "integration@example.com";
                o.Password = "p";
                o.RetryBaseDelay = TimeSpan.Zero;
            }).Services
            .BuildServiceProvider();
        ISaltoKsClient client = services.GetRequiredService<ISaltoKsClient>();

        SiteUserCreateResult created = await client.CreateSiteUserAsync(
            "s1", new SiteUserCreateRequest { FirstName = "Pat", LastName = "O'Brien", Email = "o'brien@example.com" });
        AccessGroupMembersChangeResult granted = await client.ChangeAccessGroupMembersAsync(
            "s1", "g1", new AccessGroupUsersChange { AddIds = [created.User.User!.Id] });
        List<Entry> entries = await client.GetEntriesAsync("s1").ToListAsync();

        Assert.Equal(SiteUserCreateOutcome.Created, created.Outcome);
        Assert.True(granted.Succeeded);
        Assert.Equal(2, _patchCalls);
        Assert.Equal(["e1", "e2"], entries.Select(e => e.Id));
        Assert.Equal(1, _tokenCalls);
        Assert.Contains(_requests, r => r.StartsWith("GET /v1.1/sites/s1/users auth=", StringComparison.Ordinal));
        Assert.DoesNotContain(_requests, r => r.Contains("$filter", StringComparison.Ordinal));
        Assert.All(_requests.Where(r => r.Contains("/v1.1/", StringComparison.Ordinal)), r => Assert.EndsWith("auth=Bearer loopback-access", r, StringComparison.Ordinal));
    }
}
