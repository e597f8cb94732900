using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.DependencyInjection;

/// <summary>
/// A generic host whose integration is registered by <c>AddSaltoIntegration(configuration)</c> alone, the
/// configuration pointing at both sandboxes over loopback. Every log of every category is captured (fake
/// logging at Trace), and every bearer or refresh token the sandboxes issue is recorded, so tests can look
/// for secrets wherever the SDK writes text.
/// </summary>
/// <remarks>
/// The location "Central" (London) links the Day Pass to SALTO group <see cref="DayGroup"/> and the room
/// "Room 1" to <see cref="RoomGroup"/>; its SALTO site has a check-in reader (front door) and a check-out
/// reader (exit). Ada holds a Day Pass, a PIN and two card numbers, one of them registered at the site.
/// </remarks>
internal sealed class IntegrationHostWorld : IAsyncDisposable
{
    public const string SiteId = "5a1e0000-0000-4000-8000-0000000000c1";
    public const string FrontDoor = "5a1e0000-0000-4000-8000-00000000f001";
    public const string Exit = "5a1e0000-0000-4000-8000-00000000f002";
    public const string DayGroup = "5a1e0000-0000-4000-8000-0000000000a1";
    public const string RoomGroup = "5a1e0000-0000-4000-8000-0000000000a2";

    public const string NexudusPassword = "nx-Pa55!wörd-7Q9z";
    public const string SaltoClientSecret = "ks-client-S3cr3t-Z4p2";
    public const string SaltoPassword = "ks-Pa55!wörd-M8r5";
    public const string AdaPincode = "739146";
    public const string AdaRegisteredCard = "88007766";
    public const string AdaUnknownCard = "88007799";

    private readonly ConcurrentBag<string> _issuedTokens = [];

    private IntegrationHostWorld(NexudusSandbox nexudus, SaltoKsSandbox salto, NexudusSeed seed, TimeProvider time)
    {
        Nexudus = nexudus;
        Salto = salto;
        Seed = seed;
        Time = time;
    }

    public NexudusSandbox Nexudus { get; }

    public SaltoKsSandbox Salto { get; }

    public NexudusSeed Seed { get; }

    public TimeProvider Time { get; }

    public IHost Host { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public InMemorySyncStateStore Store { get; } = new();

    /// <summary>Gets every access and refresh token the sandboxes issued to the SDK.</summary>
    public IReadOnlyCollection<string> IssuedTokens => _issuedTokens;

    public long CentralId => Seed.Location("Central").Id;

    public static async Task<IntegrationHostWorld> StartAsync(
        TimeProvider? time = null,
        Action<Dictionary<string, string?>>? configure = null,
        Action<SaltoIntegrationBuilder>? integration = null)
    {
        time ??= TimeProvider.System;
        var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions
        {
            TimeProvider = time,
            RateLimits = NexudusRateLimits.Disabled,
            Password = NexudusPassword,
        });
        var now = time.GetUtcNow();
        var seed = nexudus.Seed(b => b
            .Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))
            .Pass("Day Pass")
            .Resource("Room 1")
            .Customer("ada@example.com", "Ada Lovelace", c => c with { AccessPincode = AdaPincode, AccessCardId = $"{AdaRegisteredCard}, {AdaUnknownCard}" })
            .CustomerPass("ada@example.com", "Day Pass")
            .Customer("bob@example.com", "Bob Example", c => c with { AccessPincode = "551903" })
            .Booking("bob@example.com", "Room 1", now.AddMinutes(30), now.AddMinutes(90), b => b with { Tentative = false }));

        var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions
        {
            TimeProvider = time,
            AccessTokenLifetime = TimeSpan.FromDays(30),
            ClientSecret = SaltoClientSecret,
            Password = SaltoPassword,

            // The world assigns registered cards: the older tag reading, with the tag routes.
            ServeTagEndpoints = true,
            SiteUsersShowTagId = true,
        });
        salto.Seed(b => b
            .Site(SiteId, "Central", timeZone: "Europe/London")
            .Lock(FrontDoor, "Front door")
            .Lock(Exit, "Exit")
            .AccessGroup(DayGroup, "Day pass holders")
            .AccessGroup(RoomGroup, "Room 1 bookers")
            .GroupLock(DayGroup, FrontDoor)
            .GroupLock(RoomGroup, FrontDoor)
            .Tag("5a1e0000-0000-4000-8000-00000000e001", AdaRegisteredCard));

        var world = new IntegrationHostWorld(nexudus, salto, seed, time);
        var values = world.Configuration();
        configure?.Invoke(values);
        world.Host = world.BuildHost(values, integration);
        return world;
    }

    /// <summary>The configuration for this world, as a deployment would write it.</summary>
    public Dictionary<string, string?> Configuration() => new()
    {
        ["Nexudus:BaseUrl"] = Nexudus.BaseUrl.ToString(),
        ["Nexudus:Username"] = Nexudus.Username,
        ["Nexudus:Password"] = NexudusPassword,
        ["Nexudus:MinRequestInterval"] = "00:00:00",
        ["Nexudus:MaxRequestsPerMinute"] = "0",
        ["Nexudus:MaxRequestsPerHour"] = "0",
        ["Nexudus:MaxWritesPerMinute"] = "0",
        ["SaltoKs:BaseUrl"] = Salto.BaseUrl.ToString(),
        ["SaltoKs:IdentityUrl"] = Salto.IdentityUrl.ToString(),
        ["SaltoKs:ClientId"] = Salto.ClientId,
        ["SaltoKs:ClientSecret"] = SaltoClientSecret,
        ["SaltoKs:Username"] = Salto.Username,
        ["SaltoKs:Password"] = SaltoPassword,
        ["SaltoIntegration:StatePath"] = "unused-in-memory-store.db",
        ["SaltoIntegration:Locations:0:NexudusBusinessId"] = CentralId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SaltoIntegration:Locations:0:SaltoSiteId"] = SiteId,
        ["SaltoIntegration:Locations:0:TimePassGroups:" + Seed.Pass("Day Pass").Id + ":0"] = DayGroup,
        ["SaltoIntegration:Locations:0:ResourceGroups:" + Seed.Resource("Room 1").Id + ":0"] = RoomGroup,
        ["SaltoIntegration:Locations:0:Readers:" + FrontDoor] = "CheckIn",
        ["SaltoIntegration:Locations:0:Readers:" + Exit] = "CheckOut",
        ["SaltoIntegration:Locations:0:BookingAccessBefore"] = "00:15:00",
        ["SaltoIntegration:Locations:0:BookingAccessAfter"] = "00:15:00",
        ["SaltoIntegration:Locations:0:UseNexudusLinkFields"] = "false",
    };

    private IHost BuildHost(Dictionary<string, string?> values, Action<SaltoIntegrationBuilder>? integration)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton<ISyncStateStore>(Store);
        builder.Services.AddSingleton(Time);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = true);
        builder.Services.AddMetrics();

        var added = builder.Services.AddSaltoIntegration(builder.Configuration);

        // Record the tokens the services issue: they are secrets the SDK must never write anywhere.
        added.NexudusClient.AddHttpMessageHandler(() => new TokenRecorder(_issuedTokens));
        added.SaltoKsClient.AddHttpMessageHandler(() => new TokenRecorder(_issuedTokens));
        builder.Services.AddHttpClient(NexudusTokenSource.HttpClientName).AddHttpMessageHandler(() => new TokenRecorder(_issuedTokens));
        builder.Services.AddHttpClient(SaltoKsHttpClientNames.Identity).AddHttpMessageHandler(() => new TokenRecorder(_issuedTokens));
        integration?.Invoke(added);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Nexudus.DisposeAsync();
        await Salto.DisposeAsync();
    }

    /// <summary>Notes bearer tokens sent and the access and refresh tokens in token responses.</summary>
    private sealed class TokenRecorder(ConcurrentBag<string> tokens) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } bearer })
            {
                tokens.Add(bearer);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Content is { } content && content.Headers.ContentType?.MediaType == "application/json")
            {
                await content.LoadIntoBufferAsync(cancellationToken);
                var text = await content.ReadAsStringAsync(cancellationToken);
                if (text.Contains("access_token", StringComparison.Ordinal))
                {
                    using var json = System.Text.Json.JsonDocument.Parse(text);
                    foreach (var name in new[] { "access_token", "refresh_token" })
                    {
                        if (json.RootElement.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } token)
                        {
                            tokens.Add(token);
                        }
                    }
                }
            }

            return response;
        }
    }
}
