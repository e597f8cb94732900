using System.Globalization;
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
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Webhooks;

/// <summary>
/// A web application on Kestrel (127.0.0.1, a free port) that serves <c>MapNexudusWebhooks("/webhooks/nexudus")</c>
/// and runs the integration's worker, against both sandboxes on the real clock. The Nexudus sandbox signs its
/// deliveries with <see cref="Secret"/>.
/// </summary>
/// <remarks>
/// Location "Central" links the Day Pass to <see cref="DayGroup"/> and "Room 1" to <see cref="RoomGroup"/>. Ada, Bob,
/// Carol, Dan and Eve each hold a Day Pass; nobody has booked the room.
/// </remarks>
internal sealed class WebhookWorld : IAsyncDisposable
{
    public const string Secret = "wh-Sh4red-S3cret-K9";
    public const string SiteId = "5a1e0000-0000-4000-8000-0000000000c1";
    public const string FrontDoor = "5a1e0000-0000-4000-8000-00000000f001";
    public const string DayGroup = "5a1e0000-0000-4000-8000-0000000000a1";
    public const string RoomGroup = "5a1e0000-0000-4000-8000-0000000000a2";
    public const string Prefix = "/webhooks/nexudus";

    public static readonly string[] Emails = ["ada@example.com", "bob@example.com", "carol@example.com", "dan@example.com", "eve@example.com"];

    private WebhookWorld(NexudusSandbox nexudus, SaltoKsSandbox salto, NexudusSeed seed, ISyncStateStore store, string secret)
    {
        WebhookSecret = secret;
        Nexudus = nexudus;
        Salto = salto;
        Seed = seed;
        Store = store;
    }

    public NexudusSandbox Nexudus { get; }

    /// <summary>Gets the secret the Nexudus sandbox signs its deliveries with (<see cref="Secret"/> unless given).</summary>
    public string WebhookSecret { get; }

    public SaltoKsSandbox Salto { get; }

    public NexudusSeed Seed { get; }

    public ISyncStateStore Store { get; private set; }

    public IWebhookInbox Inbox => (IWebhookInbox)Store;

    public WebApplication? App { get; private set; }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Endpoint => new(BaseUrl, Prefix.TrimStart('/') + "/");

    public static async Task<WebhookWorld> CreateAsync(ISyncStateStore? store = null, string secret = Secret)
    {
        var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { RateLimits = NexudusRateLimits.Disabled, WebhookSecret = secret });
        var seed = nexudus.Seed(b =>
        {
            b.Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Pass("Day Pass").Resource("Room 1");
            foreach (var email in Emails)
            {
                b.Customer(email, email.Split('@')[0]).CustomerPass(email, "Day Pass");
            }
        });
        var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions { AccessTokenLifetime = TimeSpan.FromDays(30) });
        salto.Seed(b => b
            .Site(SiteId, "Central", timeZone: "Europe/London")
            .Lock(FrontDoor, "Front door")
            .AccessGroup(DayGroup, "Day pass holders")
            .AccessGroup(RoomGroup, "Room 1 bookers")
            .GroupLock(DayGroup, FrontDoor)
            .GroupLock(RoomGroup, FrontDoor));
        return new WebhookWorld(nexudus, salto, seed, store ?? new InMemorySyncStateStore(), secret);
    }

    public long CustomerId(string email) => Seed.Customer(email).Id;

    /// <summary>Starts the web application; <paramref name="worker"/> false serves the endpoint alone (nothing applies events).</summary>
    public async Task StartAsync(bool worker = true, Action<Dictionary<string, string?>>? configure = null)
    {
        var values = Configuration();
        configure?.Invoke(values);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton(Store);
        builder.Services.AddMetrics();
        var integration = builder.Services.AddSaltoIntegration(builder.Configuration);
        if (worker)
        {
            integration.AddWorker(o =>
            {
                o.SyncInterval = TimeSpan.FromHours(6);
                o.EnableCheckIns = false;
            });
        }

        var app = builder.Build();
        app.UseRouting();
        app.MapNexudusWebhooks(Prefix);
        await app.StartAsync();
        App = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Stops the application, as a process that ends.</summary>
    public async Task StopAsync()
    {
        if (App is { } app)
        {
            App = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Replaces the state store (for a restart on the same file).</summary>
    public void UseStore(ISyncStateStore store) => Store = store;

    /// <summary>Registers the access webhooks of Central in the Nexudus sandbox, pointing at this application.</summary>
    public void RegisterWebhooks(params WebhookAction[] actions) =>
        Nexudus.Seed(b =>
        {
            foreach (var action in actions)
            {
                b.AtLocation("Central").Webhook($"salto-{action}", action, new Uri(Endpoint, action.ToString()));
            }
        });

    public Dictionary<string, string?> Configuration() => new()
    {
        ["Nexudus:BaseUrl"] = Nexudus.BaseUrl.ToString(),
        ["Nexudus:Username"] = Nexudus.Username,
        ["Nexudus:Password"] = Nexudus.Password,
        ["Nexudus:MinRequestInterval"] = "00:00:00",
        ["Nexudus:MaxRequestsPerMinute"] = "0",
        ["Nexudus:MaxRequestsPerHour"] = "0",
        ["Nexudus:MaxWritesPerMinute"] = "0",
        ["SaltoKs:BaseUrl"] = Salto.BaseUrl.ToString(),
        ["SaltoKs:IdentityUrl"] = Salto.IdentityUrl.ToString(),
        ["SaltoKs:ClientId"] = Salto.ClientId,
        ["SaltoKs:ClientSecret"] = Salto.ClientSecret,
        ["SaltoKs:Username"] = Salto.Username,
        ["SaltoKs:Password"] = Salto.Password,
        ["SaltoIntegration:StatePath"] = "unused.db",
        ["SaltoIntegration:Locations:0:NexudusBusinessId"] = Seed.Location("Central").Id.ToString(CultureInfo.InvariantCulture),
        ["SaltoIntegration:Locations:0:SaltoSiteId"] = SiteId,
        ["SaltoIntegration:Locations:0:TimePassGroups:" + Seed.Pass("Day Pass").Id + ":0"] = DayGroup,
        ["SaltoIntegration:Locations:0:ResourceGroups:" + Seed.Resource("Room 1").Id + ":0"] = RoomGroup,
        ["SaltoIntegration:Locations:0:BookingAccessBefore"] = "00:15:00",
        ["SaltoIntegration:Locations:0:BookingAccessAfter"] = "00:15:00",
        ["SaltoIntegration:Locations:0:UseNexudusLinkFields"] = "false",
        ["SaltoIntegration:Safety:MaxRevocationPercent"] = "100",
        ["SaltoIntegration:Webhooks:SharedSecret"] = WebhookSecret,
        ["SaltoIntegration:Webhooks:CoalesceWindow"] = "00:00:00.200",
    };

    /// <summary>The SALTO user the integration linked to a customer, if any.</summary>
    public async Task<PlatformUserId?> UserOfAsync(string email)
    {
        var site = await Store.LoadSiteAsync(SiteId);
        return site.Identities.SingleOrDefault(i => i.CustomerId == CustomerId(email))?.PlatformUserId;
    }

    public async Task<bool> InGroupAsync(string email, string groupId) =>
        await UserOfAsync(email) is { } user && Salto.GetAccessGroupMembers(SiteId, groupId).Contains(user);

    /// <summary>Waits (up to a minute, polling) until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (60 * TimeProvider.System.TimestampFrequency);
        while (!await condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Posts a delivery the way Nexudus does, signed with <paramref name="secret"/> (none: unsigned).</summary>
    public async Task<HttpResponseMessage> PostAsync(string action, string body, string? secret = Secret, string? signature = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, action)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        signature ??= secret is null ? null : Convert.ToHexString(HMACSHA256.HashData(Encoding.ASCII.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(NexudusWebhookVerifier.SignatureHeaderName, signature);
        }

        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Nexudus.DisposeAsync();
        await Salto.DisposeAsync();
    }
}
