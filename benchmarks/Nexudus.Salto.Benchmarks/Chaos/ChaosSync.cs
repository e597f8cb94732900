using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Benchmarks.Chaos;

/// <summary>
/// The soak's business clock: a fixed start, plus the real time elapsed since, plus the jumps the soak makes between
/// cycles. The sandboxes, the sync and the oracle all read it; a child process rebuilds it from its origin.
/// </summary>
internal sealed class ChaosClock(DateTimeOffset origin) : TimeProvider
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private long _shiftTicks;

    public void Jump(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => origin + _elapsed.Elapsed + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));
}

/// <summary>Everything a sync needs, as the parent hands it to a child process (a JSON file).</summary>
internal sealed record ChaosSyncConfig
{
    public required string NexudusUrl { get; init; }

    public required string NexudusUsername { get; init; }

    public required string NexudusPassword { get; init; }

    public required string SaltoUrl { get; init; }

    public required string SaltoIdentityUrl { get; init; }

    public required string SaltoClientId { get; init; }

    public required string SaltoClientSecret { get; init; }

    public required string SaltoUsername { get; init; }

    public required string SaltoPassword { get; init; }

    public required string StatePath { get; init; }

    public required long BusinessId { get; init; }

    public required string SiteId { get; init; }

    public required Dictionary<long, string[]> PassGroups { get; init; }

    public required Dictionary<long, string[]> DeskGroups { get; init; }

    public required Dictionary<long, string[]> ResourceGroups { get; init; }

    /// <summary>The business time when the child was started; its clock runs on from there.</summary>
    public DateTimeOffset ClockOrigin { get; init; }

    public LocationLinks Links() => new()
    {
        NexudusBusinessId = BusinessId,
        SaltoSiteId = SiteId,
        TimePassGroups = PassGroups.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value),
        FloorPlanDeskGroups = DeskGroups.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value),
        ResourceGroups = ResourceGroups.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value),
        UseNexudusLinkFields = false,
    };

    public static ChaosSyncConfig Read(string path) =>
        JsonSerializer.Deserialize<ChaosSyncConfig>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} holds no configuration.");

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));
}

/// <summary>
/// Builds the sync the soak runs, the same in the soak's process and in a child: both clients as
/// <c>AddNexudusClient</c>/<c>AddSaltoKsClient</c> register them (short retries and attempt timeouts, so a slow reply
/// is also a timed-out attempt), a SQLite state file, and the guard's thresholds lifted: no removal may depend on a
/// threshold to be right.
/// </summary>
internal sealed class ChaosSync : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ChaosSyncConfig _config;
    private readonly TimeProvider _clock;

    public ChaosSync(ChaosSyncConfig config, TimeProvider clock)
    {
        _config = config;
        _clock = clock;
        var services = new ServiceCollection();
        services.AddNexudusClient(o =>
        {
            o.BaseUrl = new Uri(config.NexudusUrl);
            o.Username = config.NexudusUsername;
            o.Password = config.NexudusPassword;
            o.PageSize = 100;
            o.MinRequestInterval = TimeSpan.Zero;
            o.MaxTransitSkew = null;
            o.MaxRequestsPerMinute = 0;
            o.MaxRequestsPerHour = 0;
            o.MaxWritesPerMinute = 0;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.TotalTimeout = TimeSpan.FromSeconds(60);
            o.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(1);
        });
        services.AddSaltoKsClient(o =>
        {
            o.BaseUrl = new Uri(config.SaltoUrl);
            o.IdentityUrl = new Uri(config.SaltoIdentityUrl);
            o.ClientId = config.SaltoClientId;
            o.ClientSecret = config.SaltoClientSecret;
            o.Username = config.SaltoUsername;
            o.Password = config.SaltoPassword;
            o.ListPageSize = 100;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.TotalRequestTimeout = TimeSpan.FromSeconds(60);
            o.PostCreateRetryDelay = TimeSpan.FromMilliseconds(200);
        });
        _services = services.BuildServiceProvider();
    }

    public static AccessSyncOptions Options(LocationLinks links) => new()
    {
        Locations = [new IntegrationLocation { Links = links }],
        Safety = new RevocationSafety { MaxRevocations = 100_000, MaxRevocationPercent = 100 },
        GroupRetryBaseDelay = TimeSpan.FromMinutes(1),
        GroupRetryMaxDelay = TimeSpan.FromMinutes(30),
    };

    public Task<SyncReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = _config.StatePath });
        var synchronizer = new AccessSynchronizer(
            _services.GetRequiredService<INexudusClient>(), _services.GetRequiredService<ISaltoKsClient>(), store, Options(_config.Links()), _clock);
        return synchronizer.SynchronizeAsync(cancellationToken);
    }

    public ISaltoKsClient SaltoClient => _services.GetRequiredService<ISaltoKsClient>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
