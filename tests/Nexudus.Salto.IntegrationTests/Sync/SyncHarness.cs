using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.IntegrationTests.Sandboxes;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// Both sandboxes on loopback and both clients as <c>AddNexudusClient</c>/<c>AddSaltoKsClient</c> register them
/// (a <see cref="SandboxClients"/>, here with pages of 1,000 and every call counted by <see cref="Hook"/>), an
/// in-memory state store and a fake clock for the business time (the sandboxes' data and the resolver's "now").
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

    private readonly SandboxClients _sandboxes;

    private SyncHarness(SandboxClients sandboxes, RequestHook hook)
    {
        _sandboxes = sandboxes;
        Hook = hook;
    }

    public FakeTimeProvider Time => _sandboxes.Time;

    public NexudusSandbox Nexudus => _sandboxes.Nexudus;

    public SaltoKsSandbox Salto => _sandboxes.Salto;

    public RequestHook Hook { get; }

    public ISyncStateStore Store { get; set; } = new InMemorySyncStateStore();

    public INexudusClient NexudusClient => _sandboxes.NexudusClient;

    public ISaltoKsClient SaltoClient => _sandboxes.SaltoClient;

    public IServiceProvider Services => _sandboxes.Services;

    public static async Task<SyncHarness> StartAsync(
        Action<NexudusSandboxOptions>? nexudus = null,
        Action<SaltoKsSandboxOptions>? salto = null,
        Action<SaltoKsClientOptions>? saltoClient = null,
        Action<NexudusClientOptions>? nexudusClient = null,
        Action<IServiceCollection>? services = null)
    {
        var hook = new RequestHook();
        var sandboxes = await SandboxClients.StartAsync(
            Start,
            nexudusSandbox: o =>
            {
                o.MaxPageSize = 1000;
                nexudus?.Invoke(o);
            },
            saltoSandbox: o =>
            {
                o.MaxPageSize = 1000;
                salto?.Invoke(o);
            },
            nexudusClient: o =>
            {
                o.PageSize = 1000;
                nexudusClient?.Invoke(o);
            },
            saltoClient: o =>
            {
                o.ListPageSize = 1000;
                o.PostCreateRetryDelay = TimeSpan.Zero;
                saltoClient?.Invoke(o);
            },
            nexudusPipeline: builder => builder.AddHttpMessageHandler(hook.CreateHandler),
            saltoPipeline: builder => builder.AddHttpMessageHandler(hook.CreateHandler),
            services: services);
        return new SyncHarness(sandboxes, hook);
    }

    /// <summary>The older tag reading: a site that lists and assigns tags and shows <c>tag_id</c> on its users.</summary>
    public static void OlderTagReading(SaltoKsSandboxOptions o)
    {
        o.ServeTagEndpoints = true;
        o.SiteUsersShowTagId = true;
    }

    public AccessSynchronizer Synchronizer(AccessSyncOptions options, ISaltoTagResolver? tags = null) =>
        new(NexudusClient, SaltoClient, Store, options, Time, tags);

    public Task<SyncReport> SyncAsync(AccessSyncOptions options, SyncRunOptions run, CancellationToken cancellationToken = default) =>
        Synchronizer(options).SynchronizeAsync(run, cancellationToken);

    public Task<SyncReport> SyncAsync(AccessSyncOptions options, CancellationToken cancellationToken = default) =>
        Synchronizer(options).SynchronizeAsync(cancellationToken);

    public IReadOnlyList<PlatformUserId> Members(string group) => Salto.GetAccessGroupMembers(SiteId, group);

    public PlatformUserId UserOf(string email) =>
        Salto.FindSiteUserByEmail(SiteId, email)?.User?.Id ?? throw new InvalidOperationException($"No SALTO user has {email}.");

    public ValueTask DisposeAsync() => _sandboxes.DisposeAsync();

    /// <summary>The standard location: one pass, one office and one room, each linked to its own group by configuration.</summary>
    public static IntegrationLocation Location(NexudusSeed seed, GroupOwnership passGroupOwnership = GroupOwnership.Shared, bool schedules = false) => new()
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

    public static AccessSyncOptions Options(IReadOnlyList<IntegrationLocation> locations, Func<AccessSyncOptions, AccessSyncOptions>? change = null)
    {
        var options = new AccessSyncOptions { Locations = locations, Safety = new RevocationSafety { MaxRevocationPercent = 100 } };
        return change is null ? options : change(options);
    }
}
