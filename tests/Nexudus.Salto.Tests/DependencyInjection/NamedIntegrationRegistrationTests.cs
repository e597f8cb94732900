using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.PostgreSql;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.DependencyInjection;

/// <summary>Named integrations next to the default one: keyed services, their own options, state and clients.</summary>
public sealed class NamedIntegrationRegistrationTests
{
    private static Dictionary<string, string?> Named(string name, Dictionary<string, string?> values) =>
        values.ToDictionary(p => $"Integrations:{name}:{p.Key}", p => p.Value);

    private static IHost BuildHost(Dictionary<string, string?> values, Action<IHostApplicationBuilder> register)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        register(builder);
        return builder.Build();
    }

    [Fact]
    public async Task AddSaltoIntegration_DefaultAndNamed_EachHasItsOwnOptionsClientsAndState()
    {
        var b = IntegrationConfiguration.Valid();
        b["SaltoIntegration:Locations:0:SaltoSiteId"] = "site-b";
        b.Remove("SaltoIntegration:StatePath");
        b["Nexudus:Username"] = "operator-b@example.com";
        var values = IntegrationConfiguration.Valid().Concat(Named("operator-b", b)).ToDictionary();
        using var host = BuildHost(values, h =>
        {
            h.Services.AddSaltoIntegration(h.Configuration);
            h.Services.AddSaltoIntegration("operator-b", h.Configuration.GetSection("Integrations:operator-b"));
        });

        await host.StartAsync();

        var services = host.Services;
        Assert.NotSame(services.GetRequiredService<AccessSynchronizer>(), services.GetRequiredKeyedService<AccessSynchronizer>("operator-b"));
        Assert.Equal("site-b", services.GetRequiredService<IOptionsMonitor<SaltoIntegrationOptions>>().Get("operator-b").Locations[0].SaltoSiteId);
        Assert.Equal("site-a", services.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value.Locations[0].SaltoSiteId);
        Assert.Equal("operator-b@example.com", services.GetRequiredService<IOptionsMonitor<NexudusClientOptions>>().Get("operator-b").Username);
        Assert.IsType<SaltoKsClient>(services.GetRequiredKeyedService<ISaltoKsClient>("operator-b"));
        Assert.IsType<NexudusClient>(services.GetRequiredKeyedService<INexudusClient>("operator-b"));
        var store = Assert.IsType<SqliteSyncStateStore>(services.GetRequiredKeyedService<ISyncStateStore>("operator-b"));
        Assert.Equal(Path.GetFullPath("nexudus-salto.operator-b.db"), store.FullPath);
        Assert.NotSame(services.GetRequiredService<ISyncStateStore>(), store);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddSaltoIntegration_MisspeltKeyInANamedSection_FailsStartNamingItUnderThatSectionOnly()
    {
        var b = IntegrationConfiguration.Valid();
        b["SaltoIntegration:Locations:0:SaltoSiteId"] = "site-b";
        b["Nexudus:Pasword"] = "typo";
        b["SaltoIntegration:PostgreSql:Schema"] = "left_to_the_postgresql_package";
        var values = IntegrationConfiguration.Valid().Concat(Named("operator-b", b)).ToDictionary();
        using var host = BuildHost(values, h =>
        {
            h.Services.AddSaltoIntegration(h.Configuration);
            h.Services.AddSaltoIntegration("operator-b", h.Configuration.GetSection("Integrations:operator-b"));
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.Equal(
            "Integrations:operator-b:Nexudus:Pasword is not a known setting; it would be ignored. Did you mean Integrations:operator-b:Nexudus:Password?",
            failure);
    }

    [Fact]
    public void AddSaltoIntegration_SameNameTwice_RegistersItOnce()
    {
        var services = new ServiceCollection();
        services.AddSaltoIntegration("operator-a", o => o.Locations.Add(new SaltoLocationOptions { NexudusBusinessId = 1, SaltoSiteId = "s" }));
        var validators = services.Count(d => d.ServiceType == typeof(IValidateOptions<SaltoIntegrationOptions>));

        services.AddSaltoIntegration("operator-a", _ => { }).AddWorker().AddWorker();

        Assert.Single(services, d => d.ServiceType == typeof(AccessSynchronizer) && Equals(d.ServiceKey, "operator-a"));
        Assert.Single(services, d => d.ServiceType == typeof(INexudusClient) && Equals(d.ServiceKey, "operator-a"));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Equal(validators, services.Count(d => d.ServiceType == typeof(IValidateOptions<SaltoIntegrationOptions>)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("operator a")]
    [InlineData("-operator")]
    [InlineData("operator/a")]
    public void AddSaltoIntegration_InvalidName_IsRefused(string name)
    {
        var services = new ServiceCollection();

        Assert.ThrowsAny<ArgumentException>(() => services.AddSaltoIntegration(name, _ => { }));
    }

    [Fact]
    public void AddSaltoIntegration_ActionOverloadWithBadLocation_NamesTheKeyUnderItsName()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSaltoIntegration("operator-c", o => o.Locations.Add(new SaltoLocationOptions { NexudusBusinessId = 7 }))
            .ConfigureNexudus(o => o.BaseUrl = new Uri("https://spaces.nexudus.com"));
        using var host = builder.Build();

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptionsMonitor<SaltoIntegrationOptions>>().Get("operator-c"));

        Assert.Contains("Integrations:operator-c:SaltoIntegration:Locations:0:SaltoSiteId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Integrations:operator-c:Nexudus:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsePostgreSqlStateStore_NamedIntegration_IsItsKeyedStoreInASchemaOfItsName()
    {
        var services = new ServiceCollection();
        services.AddSaltoIntegration("Operator-B", _ => { }).UsePostgreSqlStateStore("Host=127.0.0.1;Database=salto;Username=salto");
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<PostgreSqlSyncStateStore>(provider.GetRequiredKeyedService<ISyncStateStore>("Operator-B"));

        Assert.Equal("nexudus_salto_operator_b", store.Schema);
        Assert.Same(store, provider.GetRequiredKeyedService<ISiteLeaseStore>("Operator-B"));
        Assert.Null(provider.GetService<ISiteLeaseStore>());
    }

    [Fact]
    public async Task IntegrationRunGate_OneSlot_SecondRunWaitsForTheFirst()
    {
        using var gate = new IntegrationRunGate(1);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = gate.RunAsync(() => release.Task, CancellationToken.None);
        var secondStarted = false;

        var second = gate.RunAsync(() => { secondStarted = true; return Task.FromResult(2); }, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(secondStarted);
        release.SetResult(1);

        Assert.Equal(1, await first);
        Assert.Equal(2, await second);
        Assert.True(secondStarted);
    }

    [Fact]
    public async Task IntegrationRunGate_TwoSlotsOneHangs_TheOtherRunsAtOnce()
    {
        using var gate = new IntegrationRunGate(2);
        var hang = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = gate.RunAsync(() => hang.Task, CancellationToken.None);

        var other = await gate.RunAsync(() => Task.FromResult(7), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(7, other);
        hang.SetResult(0);
    }
}
