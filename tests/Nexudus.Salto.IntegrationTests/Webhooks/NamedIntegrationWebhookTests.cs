using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.IntegrationTests.Webhooks;

/// <summary>
/// Webhooks of two named integrations in one web application on Kestrel (<c>MapNexudusWebhooksFor</c>): each Nexudus
/// account (its own sandbox, signing with its own secret) delivers to its integration's URL, which verifies with that
/// integration's secret, records in its own inbox and wakes its own worker against its own SALTO sandbox.
/// </summary>
public sealed class NamedIntegrationWebhookTests : IAsyncLifetime
{
    private const string SecretA = "wh-0perator-A-S3cret";
    private const string SecretB = "wh-0perator-B-S3cret";

    private WebhookWorld _a = null!;
    private WebhookWorld _b = null!;
    private WebApplication? _app;
    private Uri _baseUrl = null!;

    public async Task InitializeAsync()
    {
        _a = await WebhookWorld.CreateAsync(secret: SecretA);
        _b = await WebhookWorld.CreateAsync(secret: SecretB);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private static Uri Endpoint(Uri baseUrl, string integration, string action) => new(baseUrl, $"webhooks/nexudus/{integration}/{action}");

    /// <summary>Starts the application with integrations <c>operator-a</c> (world A) and <c>operator-b</c> (world B), each with a worker.</summary>
    private async Task StartAsync()
    {
        var values = new Dictionary<string, string?>();
        foreach (var (name, world) in new[] { ("operator-a", _a), ("operator-b", _b) })
        {
            foreach (var (key, value) in world.Configuration())
            {
                values[$"Integrations:{name}:{key}"] = value;
            }
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddMetrics();
        foreach (var (name, world) in new[] { ("operator-a", _a), ("operator-b", _b) })
        {
            builder.Services.AddKeyedSingleton(name, world.Store);
            builder.Services.AddSaltoIntegration(name, builder.Configuration.GetSection($"Integrations:{name}")).AddWorker(o =>
            {
                o.SyncInterval = TimeSpan.FromHours(6);
                o.EnableCheckIns = false;
            });
        }

        var app = builder.Build();
        app.UseRouting();
        app.MapNexudusWebhooksFor("operator-a");
        app.MapNexudusWebhooksFor("operator-b");
        await app.StartAsync();
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _baseUrl = new Uri(address.TrimEnd('/') + "/");
        await WebhookWorld.EventuallyAsync(() => _a.InGroupAsync("eve@example.com", WebhookWorld.DayGroup), "operator-a's first sync has granted the day passes");
        await WebhookWorld.EventuallyAsync(() => _b.InGroupAsync("eve@example.com", WebhookWorld.DayGroup), "operator-b's first sync has granted the day passes");
    }

    private void RegisterBookingWebhook(WebhookWorld world, string integration) =>
        world.Nexudus.Seed(b => b.AtLocation("Central").Webhook($"salto-{integration}", WebhookAction.BookingCreate, Endpoint(_baseUrl, integration, "BookingCreate")));

    private static Booking RoomBooking(WebhookWorld world, string email) => new()
    {
        CoworkerId = world.CustomerId(email),
        ResourceId = world.Seed.Resource("Room 1").Id,
        FromTime = DateTimeOffset.UtcNow.AddMinutes(-5),
        ToTime = DateTimeOffset.UtcNow.AddHours(1),
        Tentative = false,
    };

    private async Task<HttpResponseMessage> PostAsync(string integration, string action, string body, string secret)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(_baseUrl, integration, action))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(
            NexudusWebhookVerifier.SignatureHeaderName, Convert.ToHexString(HMACSHA256.HashData(Encoding.ASCII.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Fact]
    public async Task MapNexudusWebhooksFor_TwoIntegrations_EachAccountsDeliveryReachesOnlyItsOwnIntegration()
    {
        await StartAsync();
        RegisterBookingWebhook(_a, "operator-a");
        RegisterBookingWebhook(_b, "operator-b");

        // Ada books the room in account A, Bob in account B: each sandbox signs with its own secret.
        _a.Nexudus.Put(RoomBooking(_a, "ada@example.com"));
        _b.Nexudus.Put(RoomBooking(_b, "bob@example.com"));
        await _a.Nexudus.WhenWebhooksDeliveredAsync();
        await _b.Nexudus.WhenWebhooksDeliveredAsync();

        Assert.Equal(0, Assert.Single(_a.Nexudus.GetAll<Webhook>()).ErrorCount ?? 0);
        Assert.Equal(0, Assert.Single(_b.Nexudus.GetAll<Webhook>()).ErrorCount ?? 0);
        await WebhookWorld.EventuallyAsync(() => _a.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup), "Ada is in operator-a's room group");
        await WebhookWorld.EventuallyAsync(() => _b.InGroupAsync("bob@example.com", WebhookWorld.RoomGroup), "Bob is in operator-b's room group");
        await WebhookWorld.EventuallyAsync(async () => (await _a.Inbox.ReadWebhookEventsAsync(10)).Count == 0, "operator-a's inbox is empty");
        await WebhookWorld.EventuallyAsync(async () => (await _b.Inbox.ReadWebhookEventsAsync(10)).Count == 0, "operator-b's inbox is empty");
        Assert.False(await _a.InGroupAsync("bob@example.com", WebhookWorld.RoomGroup));
        Assert.False(await _b.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup));
    }

    [Fact]
    public async Task MapNexudusWebhooksFor_DeliverySignedWithTheOtherIntegrationsSecret_Answers401AndTheOtherStillApplies()
    {
        await StartAsync();
        var bookingA = _a.Nexudus.Put(RoomBooking(_a, "ada@example.com"));
        var bodyA = $$"""[{"Id":{{bookingA.Id}},"CoworkerId":{{bookingA.CoworkerId}},"ResourceId":{{bookingA.ResourceId}}}]""";
        var bookingB = _b.Nexudus.Put(RoomBooking(_b, "bob@example.com"));
        var bodyB = $$"""[{"Id":{{bookingB.Id}},"CoworkerId":{{bookingB.CoworkerId}},"ResourceId":{{bookingB.ResourceId}}}]""";

        // Signed with B's secret, posted to A: refused by A, and nothing reaches B's inbox either.
        using var wrong = await PostAsync("operator-a", "BookingCreate", bodyA, SecretB);
        using var right = await PostAsync("operator-b", "BookingCreate", bodyB, SecretB);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Empty(await _a.Inbox.ReadWebhookEventsAsync(10));
        await WebhookWorld.EventuallyAsync(() => _b.InGroupAsync("bob@example.com", WebhookWorld.RoomGroup), "Bob is in operator-b's room group");
        Assert.False(await _a.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup));

        // A's own secret still works on A.
        using var retried = await PostAsync("operator-a", "BookingCreate", bodyA, SecretA);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await WebhookWorld.EventuallyAsync(() => _a.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup), "Ada is in operator-a's room group");
    }

    [Fact]
    public async Task MapNexudusWebhooksFor_IntegrationNotRegistered_ThrowsNamingIt()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddSaltoIntegration("operator-a", new ConfigurationBuilder().Build());
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapNexudusWebhooksFor("operator-z"));

        Assert.Contains("'operator-z'", error.Message, StringComparison.Ordinal);
    }
}
