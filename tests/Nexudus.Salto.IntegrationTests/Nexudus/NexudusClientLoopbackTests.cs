using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// The whole client (real sockets, real clock, default rate limits and resilience) against a
/// minimal Nexudus-shaped server on loopback: token grant, paging a server that caps the page
/// size, throttling with 409 + Retry-After, batch get and a check-in round trip.
/// </summary>
public sealed class NexudusClientLoopbackTests : IAsyncLifetime
{
    private const int ServerPageCap = 3;
    private const string Token = "loopback-access-token";
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentDictionary<long, JsonObject> _checkins = new();
    private WebApplication? _app;
    private Uri _baseUrl = null!;
    private int _throttleOnce = 1;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            _requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (context.Request.Path != "/api/token" && context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                context.Response.StatusCode = 401;
                return;
            }

            await next(context);
        });
        _app.MapPost("/api/token", async context =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["grant_type"] != "password" || form["password"] != "pw-loopback")
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsJsonAsync(new { error = "invalid_grant" });
                return;
            }

            await context.Response.WriteAsync($$"""{"access_token":"{{Token}}","token_type":"bearer","expires_in":3600,"refresh_token":"r"}""");
        });
        _app.MapGet("/api/spaces/coworkers", async context =>
        {
            // Batch get (".../coworkers/?id=[1,2,3]") and the listing share one route.
            if (context.Request.Query.ContainsKey("id"))
            {
                var batchIds = context.Request.Query["id"].ToString().Trim('[', ']').Split(',');
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("[" + string.Join(",", batchIds.Select(id => $$"""{"Id":{{id}},"Teams":[77]}""")) + "]");
                return;
            }

            if (Interlocked.Exchange(ref _throttleOnce, 0) == 1)
            {
                context.Response.StatusCode = 409;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsync("""{"Message":"You must wait before accessing this url again."}""");
                return;
            }

            var page = int.Parse(context.Request.Query["page"]!, System.Globalization.CultureInfo.InvariantCulture);
            var ids = Enumerable.Range(1, 8).Skip((page - 1) * ServerPageCap).Take(ServerPageCap).ToList();
            var records = string.Join(",", ids.Select(id => $$"""{"Id":{{id}},"FullName":"Customer {{id}}"}"""));
            var hasNext = page * ServerPageCap < 8 ? "true" : "false";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"Records":[{{records}}],"CurrentPage":{{page}},"CurrentPageSize":{{ServerPageCap}},"HasNextPage":{{hasNext}}}""");
        });
        _app.MapPost("/api/spaces/checkins", async context =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            var id = 1419000000L + _checkins.Count + 1;
            body["Id"] = id;
            _checkins[id] = body;
            await context.Response.WriteAsync($$"""{"Status":200,"Value":{"Id":{{id}}},"WasSuccessful":true}""");
        });
        _app.MapGet("/api/spaces/checkins/{id:long}", async (long id, HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(_checkins[id].ToJsonString());
        });
        _app.MapPut("/api/spaces/checkins", async context =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            var id = body["Id"]!.GetValue<long>();
            _checkins[id] = body;
            await context.Response.WriteAsync($$"""{"Status":200,"Value":{"Id":{{id}}},"WasSuccessful":true}""");
        });

        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _baseUrl = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ListCoworkersAsync_ThrottledOnceAndPageSizeCapped_ReturnsEveryCustomerOnce()
    {
        using var services = CreateServices();
        var client = services.GetRequiredService<INexudusClient>();

        var coworkers = await client.ListCoworkersAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), coworkers.Select(c => c.Id));
        Assert.Equal(
            ["POST /api/token", "GET /api/spaces/coworkers?page=1&size=500", "GET /api/spaces/coworkers?page=1&size=500",
             "GET /api/spaces/coworkers?page=2&size=500", "GET /api/spaces/coworkers?page=3&size=500"],
            _requests);
    }

    [Fact]
    public async Task ListCoworkersAsync_FullRecords_FillsCollectionsThroughBatchGet()
    {
        _throttleOnce = 0;
        using var services = CreateServices();
        var client = services.GetRequiredService<INexudusClient>();

        var coworkers = await client.ListCoworkersAsync(new CoworkerQuery { FullRecords = true }).ToListAsync();

        Assert.Equal(8, coworkers.Count);
        Assert.All(coworkers, c => Assert.Equal([77L], c.Teams));
        Assert.Contains("GET /api/spaces/coworkers/?id=[1,2,3]", _requests);
    }

    [Fact]
    public async Task CheckInRoundTrip_CreateThenClose_StoresBothTimesInUtc()
    {
        using var services = CreateServices();
        var client = services.GetRequiredService<INexudusClient>();
        var arrived = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));

        var id = await client.CreateCheckInAsync(new CheckIn { BusinessId = 1414000001, CoworkerId = 1415604543, FromTime = arrived });
        await client.CloseCheckInAsync(id, arrived.AddHours(8));
        var checkIn = await client.GetCheckInAsync(id);

        Assert.Equal(arrived, checkIn.FromTime);
        Assert.Equal(arrived.AddHours(8), checkIn.ToTime);
        Assert.Equal(TimeSpan.Zero, checkIn.ToTime!.Value.Offset);
        Assert.Equal("2025-01-15T17:00:00Z", _checkins[id]["ToTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnyCall_WrongPassword_ThrowsAuthenticationException()
    {
        using var services = CreateServices(password: "wrong");
        var client = services.GetRequiredService<INexudusClient>();

        var error = await Assert.ThrowsAsync<NexudusAuthenticationException>(() => client.GetCoworkerAsync(1));

        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider CreateServices(string password = "pw-loopback")
    {
        var services = new ServiceCollection();
        services.AddNexudusClient(o =>
        {
            o.BaseUrl = _baseUrl;
            o.Username = "admin@example.com";
            o.Password = password;
            o.ClientId = "loopback-client";
        });
        return services.BuildServiceProvider();
    }
}
