using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.DependencyInjection;

public sealed class SaltoIntegrationRegistrationTests
{
    private static IHost BuildHost(Dictionary<string, string?> values, Action<IServiceCollection>? more = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSaltoIntegration(builder.Configuration);
        more?.Invoke(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task AddSaltoIntegration_FromConfigurationAlone_StartsAndResolvesEveryService()
    {
        using var host = BuildHost(IntegrationConfiguration.Valid());

        await host.StartAsync();

        var services = host.Services;
        Assert.IsType<NexudusClient>(services.GetRequiredService<INexudusClient>());
        Assert.IsType<SaltoKsClient>(services.GetRequiredService<ISaltoKsClient>());
        Assert.NotNull(services.GetRequiredService<EntitlementResolver>());
        Assert.NotNull(services.GetRequiredService<AccessSynchronizer>());
        Assert.NotNull(services.GetRequiredService<CheckInBridge>());
        Assert.NotNull(services.GetRequiredService<AccessReportBuilder>());
        var store = Assert.IsType<SqliteSyncStateStore>(services.GetRequiredService<ISyncStateStore>());
        Assert.Equal(Path.GetFullPath("state/nexudus-salto.db"), store.FullPath);
        await host.StopAsync();
    }

    [Fact]
    public void AddSaltoIntegration_WithWorkerAndHealthCheck_ResolvesThemFromConfigurationAlone()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSaltoIntegration(IntegrationConfiguration.Build(IntegrationConfiguration.Valid())).AddWorker().AddHealthCheck();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Single(provider.GetServices<IHostedService>().OfType<SaltoIntegrationWorker>());
        Assert.IsType<GatedIntegrationRuns>(provider.GetRequiredService<IIntegrationRuns>()); // the default integration shares the host's run slots too
        Assert.NotNull(provider.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>());
    }

    [Fact]
    public void AddSaltoIntegration_FromConfiguration_BindsEveryIntegrationKey()
    {
        using var host = BuildHost(IntegrationConfiguration.Valid());

        var options = host.Services.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value;

        Assert.Equal("state/nexudus-salto.db", options.StatePath);
        var location = Assert.Single(options.Locations);
        Assert.Equal(1414000001, location.NexudusBusinessId);
        Assert.Equal("site-a", location.SaltoSiteId);
        Assert.Equal(["group-day"], location.TimePassGroups[1414999001]);
        Assert.Equal(["group-office", "group-lobby"], location.FloorPlanDeskGroups[1414888001]);
        Assert.Equal(["group-room"], location.ResourceGroups[1414777001]);
        Assert.Equal(ReaderRole.CheckIn, location.Readers["lock-front"]);
        Assert.Equal(ReaderRole.CheckOut, location.Readers["lock-exit"]);
        Assert.Equal(GroupOwnership.Exclusive, location.GroupOwnership["group-office"]);
        Assert.Equal(TimeSpan.FromMinutes(10), location.BookingAccessBefore);
        Assert.Equal(TimeSpan.FromMinutes(5), location.BookingAccessAfter);
        Assert.True(location.IncludeTentativeBookings);
        Assert.Equal(TimeSpan.FromHours(4), location.PassDayCutoff);
        Assert.True(location.PassExpireDateIsLocal);
        Assert.False(location.UseNexudusLinkFields);
        Assert.True(location.WritePassSchedules);
        Assert.Equal(10, options.Safety.MaxRevocations);
        Assert.Equal(12.5, options.Safety.MaxRevocationPercent);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Worker.SyncInterval);
        Assert.Equal(6, options.SaltoWriteConcurrency);
    }

    [Fact]
    public void AddSaltoIntegration_FromConfiguration_BindsBothClientSections()
    {
        using var host = BuildHost(IntegrationConfiguration.Valid());

        var nexudus = host.Services.GetRequiredService<IOptions<NexudusClientOptions>>().Value;
        var saltoKs = host.Services.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value;

        Assert.Equal("admin@example.com", nexudus.Username);
        Assert.Equal(250, nexudus.PageSize);
        Assert.Equal("salto-client", saltoKs.ClientId);
        Assert.Equal("door@example.com", saltoKs.Username);
    }

    [Fact]
    public async Task AddSaltoIntegration_MisspeltKeys_FailsStartNamingEachFullKeyAndTheClosestKnownOne()
    {
        var values = IntegrationConfiguration.Valid();
        values["Nexudus:Pasword"] = "typo";
        values["SaltoKs:Tags:Unknwn"] = "x";
        values["SaltoIntegration:Locations:0:TimePasGroups:1414000099:0"] = "group-1";
        values["SaltoIntegration:Safety:Nonsense"] = "1";
        using var host = BuildHost(values);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Nexudus:Pasword is not a known setting; it would be ignored. Did you mean Nexudus:Password?", error.Failures);
        Assert.Contains(
            "SaltoIntegration:Locations:0:TimePasGroups is not a known setting; it would be ignored. Did you mean SaltoIntegration:Locations:0:TimePassGroups?",
            error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("SaltoKs:Tags:Unknwn is not a known setting", StringComparison.Ordinal));
        Assert.Contains("SaltoIntegration:Safety:Nonsense is not a known setting; it would be ignored.", error.Failures);
        Assert.DoesNotContain("typo", string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSaltoIntegration_EveryKnownKindOfKey_StartsWithoutUnknownKeyErrors()
    {
        var values = IntegrationConfiguration.Valid();
        values["SaltoIntegration:Locations:0:Readers:3f1c0000-0000-4000-8000-00000000f001"] = "CheckIn";
        values["SaltoIntegration:Locations:0:TimePassGroups:1414000099:0"] = "group-1";
        values["saltointegration:pastdaydefaultstay"] = "02:00:00";
        values["SaltoIntegration:PostgreSql:ConnectionString"] = "Host=db";
        using var host = BuildHost(values);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task AddSaltoIntegration_BadKeysInEverySection_FailsStartWithOneErrorNamingEachKey()
    {
        var values = IntegrationConfiguration.Valid();
        values["Nexudus:BaseUrl"] = "http://spaces.nexudus.com";
        values.Remove("Nexudus:Password");
        values["SaltoKs:IdentityUrl"] = "http://identity.eu.my-clay.com";
        values["SaltoIntegration:Locations:0:SaltoSiteId"] = "";
        values["SaltoIntegration:Locations:0:BookingAccessBefore"] = "-00:05:00";
        values["SaltoIntegration:Locations:1:NexudusBusinessId"] = "1414000001";
        values["SaltoIntegration:Locations:1:SaltoSiteId"] = "site-b";
        values["SaltoIntegration:Safety:MaxRevocationPercent"] = "150";
        using var host = BuildHost(values);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "Nexudus:BaseUrl must use https (http is allowed only for loopback addresses).",
                "Nexudus:Password is required.",
                "SaltoKs:IdentityUrl must use https (plain http is allowed only for loopback addresses).",
                "SaltoIntegration:Locations:0:SaltoSiteId is required.",
                "SaltoIntegration:Safety:MaxRevocationPercent must be between 0 and 100.",
                "SaltoIntegration:Locations:0:BookingAccessBefore must be between 00:00:00 and 1.00:00:00 (got -00:05:00).",
                "SaltoIntegration:Locations:1:NexudusBusinessId repeats the location of SaltoIntegration:Locations:0; each Nexudus location may be listed once.",
            ],
            error.Failures);
    }

    [Fact]
    public async Task AddWorker_BadKeysInTwoSections_FailsStartWithOneErrorNamingEachKey()
    {
        // The host builds the worker before its start-up validation; the worker must not build a client first and
        // fail with that client's keys alone.
        var values = IntegrationConfiguration.Valid();
        values.Remove("Nexudus:Password");
        values["SaltoKs:IdentityUrl"] = "http://identity.eu.my-clay.com";
        values["SaltoIntegration:Locations:0:SaltoSiteId"] = "";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSaltoIntegration(builder.Configuration).AddWorker().AddHealthCheck();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "Nexudus:Password is required.",
                "SaltoKs:IdentityUrl must use https (plain http is allowed only for loopback addresses).",
                "SaltoIntegration:Locations:0:SaltoSiteId is required.",
            ],
            error.Failures);
    }

    [Fact]
    public async Task AddSaltoIntegration_SaltoWriteConcurrencyOutOfRange_FailsStartNamingItsFullKey()
    {
        var values = IntegrationConfiguration.Valid();
        values["SaltoIntegration:SaltoWriteConcurrency"] = "0";
        using var host = BuildHost(values);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["SaltoIntegration:SaltoWriteConcurrency must be between 1 and 32."], error.Failures);
    }

    [Fact]
    public async Task AddSaltoIntegration_BadConfiguration_KeepsSecretsOutOfTheError()
    {
        var values = IntegrationConfiguration.Valid();
        values["Nexudus:BaseUrl"] = "ftp://spaces.nexudus.com";
        values["SaltoKs:Username"] = "";
        using var host = BuildHost(values);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.DoesNotContain("nexudus-password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("salto-password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("salto-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSaltoIntegration_LoopbackHttp_IsAccepted()
    {
        var values = IntegrationConfiguration.Valid();
        values["Nexudus:BaseUrl"] = "http://127.0.0.1:5080";
        values["SaltoKs:BaseUrl"] = "http://localhost:5081";
        values["SaltoKs:IdentityUrl"] = "http://[::1]:5082";
        using var host = BuildHost(values);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task AddSaltoIntegration_ReaderRoleThatIsNotOne_FailsStartNamingTheKey()
    {
        var values = IntegrationConfiguration.Valid();
        values["SaltoIntegration:Locations:0:Readers:lock-side"] = "Enter";
        using var host = BuildHost(values);

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("SaltoIntegration:Locations:0:Readers:lock-side", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSaltoIntegration_CalledTwice_RegistersNothingTwice()
    {
        var configuration = IntegrationConfiguration.Build(IntegrationConfiguration.Valid());
        var once = new ServiceCollection();
        once.AddSaltoIntegration(configuration);
        var twice = new ServiceCollection();
        twice.AddSaltoIntegration(configuration);
        twice.AddSaltoIntegration(configuration);

        Assert.Equal(Describe(once, countBindings: false), Describe(twice, countBindings: false));
        Assert.Equal(HandlerActions(once, NexudusClient.HttpClientName), HandlerActions(twice, NexudusClient.HttpClientName));
        Assert.Equal(HandlerActions(once, SaltoKsHttpClientNames.Api), HandlerActions(twice, SaltoKsHttpClientNames.Api));
    }

    [Fact]
    public async Task AddSaltoIntegration_CalledTwice_StillStartsAndValidatesOnce()
    {
        var values = IntegrationConfiguration.Valid();
        values.Remove("Nexudus:Username");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSaltoIntegration(builder.Configuration);
        builder.Services.AddSaltoIntegration(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["Nexudus:Username is required."], error.Failures);
    }

    [Fact]
    public void AddSaltoIntegration_OwnServicesRegisteredFirst_AreKept()
    {
        var store = new InMemorySyncStateStore();
        var services = new ServiceCollection()
            .AddSingleton<ISyncStateStore>(store)
            .AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        services.AddSaltoIntegration(IntegrationConfiguration.Build(IntegrationConfiguration.Valid()));
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<ISyncStateStore>());
        Assert.IsType<Microsoft.Extensions.Time.Testing.FakeTimeProvider>(provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task AddSaltoIntegration_InCode_ConfiguresClientsThroughTheBuilder()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSaltoIntegration(o => o.Locations.Add(new SaltoLocationOptions { NexudusBusinessId = 1, SaltoSiteId = "site-a" }))
            .ConfigureNexudus(o =>
            {
                o.Username = "admin@example.com";
                o.Password = "p";
            })
            .ConfigureSaltoKs(o => o.ClientId = "c");
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal("admin@example.com", host.Services.GetRequiredService<IOptions<NexudusClientOptions>>().Value.Username);
        Assert.Equal("site-a", host.Services.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value.Locations[0].SaltoSiteId);
        await host.StopAsync();
    }

    [Fact]
    public void AddSaltoIntegration_Builder_ExposesBothTypedClients()
    {
        var integration = new ServiceCollection().AddSaltoIntegration(_ => { });

        Assert.Equal(NexudusClient.HttpClientName, integration.NexudusClient.Name);
        Assert.Equal(SaltoKsHttpClientNames.Api, integration.SaltoKsClient.Name);
    }

    [Fact]
    public void AddWorker_CalledTwice_RegistersOneWorkerWithBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddSaltoIntegration(IntegrationConfiguration.Build(IntegrationConfiguration.Valid()))
            .AddWorker(o => o.CheckInInterval = TimeSpan.FromMinutes(2))
            .AddWorker(o => o.EdgeMargin = TimeSpan.FromSeconds(3));
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IHostedService>().OfType<SaltoIntegrationWorker>());
        var worker = provider.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value.Worker;
        Assert.Equal(TimeSpan.FromMinutes(2), worker.CheckInInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), worker.EdgeMargin);
        Assert.Equal(TimeSpan.FromMinutes(5), worker.SyncInterval);
    }

    [Fact]
    public void AddWorker_LocationsWithReaders_RunsTheCheckInBridge()
    {
        var services = new ServiceCollection();
        services.AddSaltoIntegration(IntegrationConfiguration.Build(IntegrationConfiguration.Valid())).AddWorker();
        using var provider = services.BuildServiceProvider();

        Assert.True(provider.GetRequiredService<IIntegrationRuns>().HasCheckIns);
    }

    [Fact]
    public async Task AddHealthCheck_CalledTwice_RegistersOneCheckThatReportsTheWorker()
    {
        var services = new ServiceCollection();
        services.AddSaltoIntegration(IntegrationConfiguration.Build(IntegrationConfiguration.Valid()))
            .AddHealthCheck(tags: "ready")
            .AddHealthCheck(tags: "ready");
        using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(report.Entries);
        Assert.Equal("nexudus-salto", entry.Key);
        Assert.Equal(["ready"], entry.Value.Tags);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, entry.Value.Status);
    }

    private static List<string> Describe(IServiceCollection services, bool countBindings) =>
        [.. services
            .Where(d => countBindings || !IsOptionsSetup(d.ServiceType))
            .Select(d => $"{d.ServiceType.FullName}|{d.ImplementationType?.FullName}|{d.Lifetime}")];

    // Each call binds the configuration again (harmless: same values); everything else must not repeat.
    private static bool IsOptionsSetup(Type type) =>
        type.IsGenericType &&
        (type.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) ||
         type.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>));

    private static int HandlerActions(IServiceCollection services, string clientName)
    {
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(clientName);
        return options.HttpMessageHandlerBuilderActions.Count + options.HttpClientActions.Count;
    }
}
