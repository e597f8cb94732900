using Nexudus.Salto.Entitlements;
using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.IntegrationTests.Sandboxes;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.CheckIns;

/// <summary>
/// Both sandboxes, the real clients pointed at them (a <see cref="SandboxClients"/>) and a state store: one coworking location, "Central" in London, whose
/// SALTO site has a check-in reader (front door), a check-out reader (exit) and a side door that is
/// no reader.
/// </summary>
/// <remarks>
/// <para>
/// The sandboxes and the bridge share one <see cref="FakeTimeProvider"/>, so entries, ingestion and
/// watermarks move only when a test moves the clock. The clients keep the system clock for their own
/// waits (Retry-After, back-off), so a throttled call waits briefly in real time instead of forever.
/// </para>
/// <para>
/// People: Ada and Bob hold day passes and are linked in the identity map; Cy is linked but holds no
/// pass; Dee holds a pass but is not linked (matched by e-mail); Eve is a SALTO user with no Nexudus
/// customer.
/// </para>
/// </remarks>
internal sealed class CheckInWorld : IAsyncDisposable
{
    public const string SiteId = "7c0f2c1e-0000-4000-8000-000000000001";
    public const string FrontDoor = "3f1c0000-0000-4000-8000-00000000f001";
    public const string Exit = "3f1c0000-0000-4000-8000-00000000f002";
    public const string SideDoor = "3f1c0000-0000-4000-8000-00000000f003";

    /// <summary>Tuesday 4 March 2025, 09:00 UTC (and in London).</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly SandboxClients _sandboxes;

    private CheckInWorld(SandboxClients sandboxes, NexudusSeed seed)
    {
        _sandboxes = sandboxes;
        Seed = seed;
    }

    public FakeTimeProvider Time => _sandboxes.Time;

    public NexudusSandbox Nexudus => _sandboxes.Nexudus;

    public SaltoKsSandbox Salto => _sandboxes.Salto;

    public NexudusSeed Seed { get; }

    public InMemorySyncStateStore Store { get; } = new();

    public INexudusClient NexudusClient => _sandboxes.NexudusClient;

    public ISaltoKsClient SaltoClient => _sandboxes.SaltoClient;

    public long CentralId => Seed.Location("Central").Id;

    public static PlatformUserId Ada { get; } = new("pu-ada");

    public static PlatformUserId Bob { get; } = new("pu-bob");

    public static PlatformUserId Cy { get; } = new("pu-cy");

    public static PlatformUserId Dee { get; } = new("pu-dee");

    public static PlatformUserId Eve { get; } = new("pu-eve");

    public long CustomerId(string email) => Seed.Customer(email).Id;

    public static async Task<CheckInWorld> StartAsync(
        Action<NexudusSandboxOptions>? nexudusSandbox = null,
        Action<IHttpClientBuilder>? nexudusPipeline = null,
        Action<NexudusClientOptions>? nexudusClient = null,
        bool clientsShareTheClock = false)
    {
        var sandboxes = await SandboxClients.StartAsync(
            Start,
            nexudusSandbox,
            saltoSandbox: o =>
            {
                o.AccessTokenLifetime = TimeSpan.FromDays(30);
                o.MaxEntryPageSize = 3;
            },
            nexudusClient: nexudusClient,
            nexudusPipeline: nexudusPipeline,
            clientsShareTheClock: clientsShareTheClock);
        var seed = sandboxes.Nexudus.Seed(b => b
            .Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))
            .Pass("Day Pass")
            .Customer("ada@example.com", "Ada Lovelace").CustomerPass("ada@example.com", "Day Pass")
            .Customer("bob@example.com", "Bob Example").CustomerPass("bob@example.com", "Day Pass")
            .Customer("cy@example.com", "Cy Nopass")
            .Customer("dee@example.com", "Dee Email").CustomerPass("dee@example.com", "Day Pass"));
        sandboxes.Salto.Seed(b => b
            .Site(SiteId, "Central", timeZone: "Europe/London")
            .Lock(FrontDoor, "Front door")
            .Lock(Exit, "Exit")
            .Lock(SideDoor, "Side door")
            .User(new SiteUserId("su-ada"), Ada, "ada@example.com", "Ada", "Lovelace")
            .User(new SiteUserId("su-bob"), Bob, "bob@example.com", "Bob", "Example")
            .User(new SiteUserId("su-cy"), Cy, "cy@example.com", "Cy", "Nopass")
            .User(new SiteUserId("su-dee"), Dee, " DEE@Example.com ", "Dee", "Email")
            .User(new SiteUserId("su-eve"), Eve, "eve@example.com", "Eve", "Stranger"));

        var world = new CheckInWorld(sandboxes, seed);
        await world.LinkAsync("ada@example.com", "su-ada", Ada);
        await world.LinkAsync("bob@example.com", "su-bob", Bob);
        await world.LinkAsync("cy@example.com", "su-cy", Cy);
        return world;
    }

    public Task LinkAsync(string email, string siteUserId, PlatformUserId platformUserId) =>
        Store.ApplyAsync(new SyncStateChanges
        {
            IdentitiesToSave =
            [
                new IdentityLink
                {
                    SiteId = SiteId,
                    CustomerId = CustomerId(email),
                    SiteUserId = new SiteUserId(siteUserId),
                    PlatformUserId = platformUserId,
                    Email = email,
                    LinkedAt = Start,
                },
            ],
        });

    public CheckInBridgeOptions Options() => new()
    {
        Locations =
        [
            new IntegrationLocation
            {
                Links = new LocationLinks { NexudusBusinessId = CentralId, SaltoSiteId = SiteId },
                Readers = new ReadOnlyDictionary<string, ReaderRole>(new Dictionary<string, ReaderRole>
                {
                    [FrontDoor] = ReaderRole.CheckIn,
                    [Exit] = ReaderRole.CheckOut,
                }),
            },
        ],
    };

    public CheckInBridge Bridge(Func<CheckInBridgeOptions, CheckInBridgeOptions>? configure = null, ISyncStateStore? store = null) =>
        new(NexudusClient, SaltoClient, store ?? Store, configure?.Invoke(Options()) ?? Options(), Time);

    /// <summary>Records a door entry that happened <paramref name="minutesAgo"/> before now, visible at once.</summary>
    public Entry Open(PlatformUserId? user, string lockId, double minutesAgo = 1, string category = "lock_opened", string? detail = null, DateTimeOffset? visibleAt = null)
    {
        var at = Time.GetUtcNow().AddMinutes(-minutesAgo);
        var id = $"entry-{Guid.NewGuid():N}";
        Salto.Seed(b => b.UseSite(SiteId).Entry(lockId, at, user, new EntryEventCategory(category), detail, "tag", id, visibleAt));
        return new Entry { Id = id, UtcDateTime = at, LockId = lockId, UserId = user };
    }

    public int CheckInPosts => Nexudus.Requests.GetRequests().Count(r => r.Method == "POST" && r.Path == "/api/spaces/checkins");

    public IReadOnlyList<CheckIn> CheckIns => Nexudus.GetAll<CheckIn>();

    public ValueTask DisposeAsync() => _sandboxes.DisposeAsync();
}
