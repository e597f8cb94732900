using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// Both sandboxes on loopback, both clients as <c>AddNexudusClient</c>/<c>AddSaltoKsClient</c> register them, an
/// in-memory state store and a fake clock for the business time (the sandboxes' data and the resolver's "now").
/// The clients keep the real clock for their own waits, with zero retry delays, so nothing waits long.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    public const string SiteId = "7c0f2c1e-0000-4000-8000-000000000001";
    public const string PassGroup = "9a1e0000-0000-4000-8000-00000000a001";
    public const string OfficeGroup = "9a1e0000-0000-4000-8000-00000000a002";
    public const string RoomGroup = "9a1e0000-0000-4000-8000-00000000a003";
    public const string HandGroup = "9a1e0000-0000-4000-8000-00000000a004";
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private readonly ServiceProvider _services;

    private SyncHarness(FakeTimeProvider time, NexudusSandbox nexudus, SaltoKsSandbox salto, ServiceProvider services, RequestHook hook)
    {
        Time = time;
        Nexudus = nexudus;
        Salto = salto;
        _services = services;
        Hook = hook;
    }

    public FakeTimeProvider Time { get; }

    public NexudusSandbox Nexudus { get; }

    public SaltoKsSandbox Salto { get; }

    public RequestHook Hook { get; }

    public ISyncStateStore Store { get; set; } = new InMemorySyncStateStore();

    public INexudusClient NexudusClient => _services.GetRequiredService<INexudusClient>();

    public ISaltoKsClient SaltoClient => _services.GetRequiredService<ISaltoKsClient>();

    public static async Task<SyncHarness> StartAsync(
        Action<NexudusSandboxOptions>? nexudus = null,
        Action<SaltoKsSandboxOptions>? salto = null,
        Action<SaltoKsClientOptions>? saltoClient = null,
        Action<NexudusClientOptions>? nexudusClient = null)
    {
        var time = new FakeTimeProvider(Start);
        var nexudusOptions = new NexudusSandboxOptions { TimeProvider = time, RateLimits = NexudusRateLimits.Disabled, MaxPageSize = 1000 };
        nexudus?.Invoke(nexudusOptions);
        var saltoOptions = new SaltoKsSandboxOptions { TimeProvider = time, MaxPageSize = 1000 };
        salto?.Invoke(saltoOptions);
        var nexudusSandbox = await NexudusSandbox.StartAsync(nexudusOptions);
        var saltoSandbox = await SaltoKsSandbox.StartAsync(saltoOptions);
        var hook = new RequestHook();

        var services = new ServiceCollection();
        services.AddNexudusClient(o =>
        {
            o.BaseUrl = nexudusSandbox.BaseUrl;
            o.Username = nexudusSandbox.Username;
            o.Password = nexudusSandbox.Password;
            o.PageSize = 1000;
            o.MinRequestInterval = TimeSpan.Zero;
            o.MaxRequestsPerMinute = 0;
            o.MaxRequestsPerHour = 0;
            o.MaxWritesPerMinute = 0;
            o.RetryBaseDelay = TimeSpan.Zero;
            nexudusClient?.Invoke(o);
        }).AddHttpMessageHandler(hook.CreateHandler);
        services.AddSaltoKsClient(o =>
        {
            o.BaseUrl = saltoSandbox.BaseUrl;
            o.IdentityUrl = saltoSandbox.IdentityUrl;
            o.ClientId = saltoSandbox.ClientId;
            o.ClientSecret = saltoSandbox.ClientSecret;
            o.Username = saltoSandbox.Username;
            o.Password = saltoSandbox.Password;
            o.ListPageSize = 1000;
            o.RetryBaseDelay = TimeSpan.Zero;
            o.PostCreateRetryDelay = TimeSpan.Zero;
            saltoClient?.Invoke(o);
        }).AddHttpMessageHandler(hook.CreateHandler);
        return new SyncHarness(time, nexudusSandbox, saltoSandbox, services.BuildServiceProvider(), hook);
    }

    public AccessSynchronizer Synchronizer(AccessSyncOptions options, ISaltoTagResolver? tags = null) =>
        new(NexudusClient, SaltoClient, Store, options, Time, tags);

    public Task<SyncReport> SyncAsync(AccessSyncOptions options, CancellationToken cancellationToken = default) =>
        Synchronizer(options).SynchronizeAsync(cancellationToken);

    public IReadOnlyList<PlatformUserId> Members(string group) => Salto.GetAccessGroupMembers(SiteId, group);

    public PlatformUserId UserOf(string email) =>
        Salto.FindSiteUserByEmail(SiteId, email)?.User?.Id ?? throw new InvalidOperationException($"No SALTO user has {email}.");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Nexudus.DisposeAsync();
        await Salto.DisposeAsync();
    }

    /// <summary>The standard location: one pass, one office and one room, each linked to its own group by configuration.</summary>
    public static SyncLocation Location(NexudusSeed seed, GroupOwnership passGroupOwnership = GroupOwnership.Shared, bool schedules = false) => new()
    {
        WritePassSchedules = schedules,
        Links = new LocationLinks
        {
            NexudusBusinessId = seed.Location("Central").Id,
            SaltoSiteId = SiteId,
            TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [seed.Pass("Day Pass").Id] = [PassGroup] },
            FloorPlanDeskGroups = new Dictionary<long, IReadOnlyList<string>> { [seed.Desk("Office 101").Id] = [OfficeGroup] },
            ResourceGroups = new Dictionary<long, IReadOnlyList<string>> { [seed.Resource("Meeting room").Id] = [RoomGroup] },
            GroupOwnership = new Dictionary<string, GroupOwnership> { [PassGroup] = passGroupOwnership },
            UseNexudusLinkFields = false,
        },
    };

    /// <summary>Seeds the standard location in Nexudus (and lets the test add more) and the site with its groups in SALTO.</summary>
    public NexudusSeed Seed(Action<NexudusSeedBuilder>? more = null, Action<SaltoKsSeedBuilder>? saltoMore = null)
    {
        var seed = Nexudus.Seed(b =>
        {
            b.Location("Central", London)
                .Pass("Day Pass")
                .Plan("Office plan", SystemTariffType.FullTimePrivateOffice)
                .Desk("Office 101")
                .Resource("Meeting room");
            more?.Invoke(b);
        });
        Salto.Seed(b =>
        {
            b.Site(SiteId, "Central", timeZone: "Europe/London")
                .AccessGroup(PassGroup, "Day pass")
                .AccessGroup(OfficeGroup, "Office 101")
                .AccessGroup(RoomGroup, "Meeting room")
                .AccessGroup(HandGroup, "Managed by hand");
            saltoMore?.Invoke(b);
        });
        return seed;
    }

    /// <summary>
    /// Options for the standard location. The guard's percentage is lifted (a tiny site trips 20 % with one removal);
    /// the guard's own tests set it back.
    /// </summary>
    public static AccessSyncOptions Options(NexudusSeed seed, Func<AccessSyncOptions, AccessSyncOptions>? change = null) =>
        Options([Location(seed)], change);

    public static AccessSyncOptions Options(IReadOnlyList<SyncLocation> locations, Func<AccessSyncOptions, AccessSyncOptions>? change = null)
    {
        var options = new AccessSyncOptions { Locations = locations, Safety = new RevocationSafety { MaxRevocationPercent = 100 } };
        return change is null ? options : change(options);
    }
}
