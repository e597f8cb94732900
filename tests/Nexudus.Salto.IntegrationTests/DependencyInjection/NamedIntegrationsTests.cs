using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.DependencyInjection;

/// <summary>
/// Two named integrations in one host (<c>AddSaltoIntegration("operator-a", section)</c>), each against its own pair of
/// sandboxes on loopback: each syncs its own account and sites, a bad key in one names its section, and one whose
/// Nexudus hangs or fails never delays the other's worker.
/// </summary>
public sealed class NamedIntegrationsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 6, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly Dictionary<string, Operator> _operators = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        _operators["operator-a"] = await Operator.StartAsync(_time, "5a1e0000-0000-4000-8000-0000000000a1", "ada@a.example");
        _operators["operator-b"] = await Operator.StartAsync(_time, "5a1e0000-0000-4000-8000-0000000000b1", "bob@b.example");
    }

    public async Task DisposeAsync()
    {
        foreach (var op in _operators.Values)
        {
            await op.DisposeAsync();
        }
    }

    [Fact]
    public async Task AddSaltoIntegration_TwoNamedIntegrations_EachSyncsItsOwnAccountAndSites()
    {
        using var host = BuildHost();
        await host.StartAsync();

        var a = await host.Services.GetRequiredKeyedService<AccessSynchronizer>("operator-a").SynchronizeAsync();
        var b = await host.Services.GetRequiredKeyedService<AccessSynchronizer>("operator-b").SynchronizeAsync();

        Assert.Equal(SyncResult.Completed, a.Result);
        Assert.Equal(SyncResult.Completed, b.Result);
        foreach (var (name, op) in _operators)
        {
            var member = Assert.Single(op.Salto.GetAccessGroupMembers(op.SiteId, Operator.Group));
            var site = await op.Store.LoadSiteAsync(op.SiteId);
            Assert.Equal(member, Assert.Single(site.Identities).PlatformUserId);
            Assert.Equal(op.Seed.Customer(op.Email).Id, site.Identities[0].CustomerId);
            Assert.Empty((await op.Store.LoadSiteAsync(Other(name).SiteId)).Identities); // nothing of the other's sites in its state
        }

        Assert.NotSame(host.Services.GetRequiredKeyedService<INexudusClient>("operator-a"), host.Services.GetRequiredKeyedService<INexudusClient>("operator-b"));
        Assert.Null(host.Services.GetService<AccessSynchronizer>()); // no default integration was registered
        await host.StopAsync();
    }

    [Fact]
    public async Task AddSaltoIntegration_KeyedServices_ResolveIntoConstructorsByName()
    {
        using var host = BuildHost(services => services.AddSingleton<OperatorBConsumer>());

        var consumer = host.Services.GetRequiredService<OperatorBConsumer>();

        Assert.Same(host.Services.GetRequiredKeyedService<AccessSynchronizer>("operator-b"), consumer.Sync);
        Assert.Same(_operators["operator-b"].Store, consumer.Store);
    }

    [Fact]
    public async Task Start_BadKeyInOneIntegration_FailsNamingItsSectionOnly()
    {
        using var host = BuildHost(configure: values =>
        {
            values.Remove("Integrations:operator-b:SaltoIntegration:Locations:0:SaltoSiteId");
            values["Integrations:operator-b:Nexudus:BaseUrl"] = "http://nexudus.example";
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Integrations:operator-b:SaltoIntegration:Locations:0:SaltoSiteId is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Integrations:operator-b:Nexudus:BaseUrl must use https", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("operator-a", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_OneIntegrationsNexudusHangs_TheOtherSyncsAndEachReportsItsOwnHealth()
    {
        // Operator A's Nexudus never answers (its delay runs on the frozen fake clock).
        _operators["operator-a"].Nexudus.Faults.Add(SandboxFaultRule.On(null, "/**", SandboxFault.Latency(TimeSpan.FromDays(1))));
        using var host = BuildHost(worker: true);
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await host.StartAsync(safety.Token);
        var b = host.Services.GetRequiredKeyedService<WorkerStatus>("operator-b");
        while (b[WorkerJob.Sync].LastSuccessAt is null)
        {
            await Task.Delay(20, safety.Token);
        }

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(safety.Token);
        var op = _operators["operator-b"];
        Assert.Single(op.Salto.GetAccessGroupMembers(op.SiteId, Operator.Group));
        Assert.Null(host.Services.GetRequiredKeyedService<WorkerStatus>("operator-a")[WorkerJob.Sync].LastSuccessAt);
        Assert.Equal(HealthStatus.Healthy, health.Entries["nexudus-salto:operator-b"].Status);
        Assert.True(health.Entries.ContainsKey("nexudus-salto:operator-a"));
        Assert.Empty(_operators["operator-a"].Salto.GetAccessGroupMembers(_operators["operator-a"].SiteId, Operator.Group));
        await host.StopAsync(safety.Token);
    }

    [Fact]
    public async Task Worker_OneIntegrationFails_TheOtherSyncsAndOnlyTheFailingOneIsDegraded()
    {
        // Operator A's Nexudus refuses everything: its runs fail and back off, on the fake clock.
        _operators["operator-a"].Nexudus.Faults.Add(SandboxFaultRule.On(null, "/api/**", SandboxFault.Response(403, """{"Message":"Forbidden"}""")));
        using var host = BuildHost(worker: true);
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await host.StartAsync(safety.Token);
        var a = host.Services.GetRequiredKeyedService<WorkerStatus>("operator-a");
        var b = host.Services.GetRequiredKeyedService<WorkerStatus>("operator-b");
        while (b[WorkerJob.Sync].LastSuccessAt is null || a[WorkerJob.Sync].ConsecutiveFailures == 0)
        {
            await Task.Delay(20, safety.Token);
        }

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(safety.Token);
        Assert.Equal(HealthStatus.Degraded, health.Entries["nexudus-salto:operator-a"].Status);
        Assert.Equal(HealthStatus.Healthy, health.Entries["nexudus-salto:operator-b"].Status);
        var op = _operators["operator-b"];
        Assert.Single(op.Salto.GetAccessGroupMembers(op.SiteId, Operator.Group));
        await host.StopAsync(safety.Token);
    }

    private Operator Other(string name) => _operators.Single(o => o.Key != name).Value;

    private IHost BuildHost(Action<IServiceCollection>? services = null, Action<Dictionary<string, string?>>? configure = null, bool worker = false)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, op) in _operators)
        {
            foreach (var (key, value) in op.Configuration())
            {
                values[$"Integrations:{name}:{key}"] = value;
            }
        }

        configure?.Invoke(values);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddLogging();
        builder.Services.AddMetrics();
        foreach (var (name, op) in _operators)
        {
            builder.Services.AddKeyedSingleton<ISyncStateStore>(name, op.Store);
            var integration = builder.Services.AddSaltoIntegration(name, builder.Configuration.GetSection($"Integrations:{name}"));
            if (worker)
            {
                integration.AddWorker(o => o.EnableCheckIns = false).AddHealthCheck();
            }
        }

        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>A service that takes operator B's parts by key, as an application's would.</summary>
    private sealed class OperatorBConsumer([FromKeyedServices("operator-b")] AccessSynchronizer sync, [FromKeyedServices("operator-b")] ISyncStateStore store)
    {
        public AccessSynchronizer Sync { get; } = sync;

        public ISyncStateStore Store { get; } = store;
    }

    /// <summary>One operator: its own Nexudus account and SALTO KS site, with one customer holding a day pass.</summary>
    private sealed class Operator : IAsyncDisposable
    {
        public const string Group = "5a1e0000-0000-4000-8000-0000000000d1";

        private Operator(NexudusSandbox nexudus, SaltoKsSandbox salto, NexudusSeed seed, string siteId, string email)
        {
            Nexudus = nexudus;
            Salto = salto;
            Seed = seed;
            SiteId = siteId;
            Email = email;
        }

        public NexudusSandbox Nexudus { get; }

        public SaltoKsSandbox Salto { get; }

        public NexudusSeed Seed { get; }

        public string SiteId { get; }

        public string Email { get; }

        public InMemorySyncStateStore Store { get; } = new();

        public static async Task<Operator> StartAsync(TimeProvider time, string siteId, string email)
        {
            var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { TimeProvider = time, RateLimits = NexudusRateLimits.Disabled });
            var seed = nexudus.Seed(b => b
                .Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))
                .Pass("Day Pass")
                .Customer(email, "Member " + email)
                .CustomerPass(email, "Day Pass"));
            var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions { TimeProvider = time, AccessTokenLifetime = TimeSpan.FromDays(30) });
            salto.Seed(b => b.Site(siteId, "Central", timeZone: "Europe/London").AccessGroup(Group, "Day pass holders"));
            return new Operator(nexudus, salto, seed, siteId, email);
        }

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
            ["SaltoIntegration:Locations:0:NexudusBusinessId"] = Seed.Location("Central").Id.ToString(CultureInfo.InvariantCulture),
            ["SaltoIntegration:Locations:0:SaltoSiteId"] = SiteId,
            ["SaltoIntegration:Locations:0:TimePassGroups:" + Seed.Pass("Day Pass").Id.ToString(CultureInfo.InvariantCulture) + ":0"] = Group,
            ["SaltoIntegration:Locations:0:UseNexudusLinkFields"] = "false",
        };

        public async ValueTask DisposeAsync()
        {
            await Nexudus.DisposeAsync();
            await Salto.DisposeAsync();
        }
    }
}
