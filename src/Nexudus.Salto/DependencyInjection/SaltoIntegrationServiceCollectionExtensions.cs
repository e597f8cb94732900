using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the whole Nexudus–SALTO KS integration.</summary>
public static class SaltoIntegrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the integration from configuration: both clients (sections <c>Nexudus</c> and <c>SaltoKs</c>),
    /// the entitlement resolver, the sync engine (<see cref="AccessSynchronizer"/>), the state store, the check-in
    /// bridge and the access reports, with the integration settings of section <c>SaltoIntegration</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root that holds the three sections.</param>
    /// <returns>A builder exposing both clients' <see cref="IHttpClientBuilder"/>s and the opt-in worker and health check.</returns>
    /// <remarks>
    /// <para>
    /// At start-up (in a host), the three sections are validated together and a bad configuration fails with one
    /// <see cref="OptionsValidationException"/> that names every bad key by its full path, such as
    /// <c>SaltoIntegration:Locations:0:SaltoSiteId</c>. Base URLs must be https, except on loopback. A key in the three
    /// sections that no setting reads (a misspelling such as <c>Nexudus:Pasword</c>) is an error naming the closest
    /// known key.
    /// </para>
    /// <para>
    /// Services already registered win (everything is added with <c>TryAdd</c>), and calling this again is harmless:
    /// nothing is registered twice. Register your own <see cref="ISyncStateStore"/> or <see cref="TimeProvider"/>
    /// (or an <see cref="ISaltoTagResolver"/>) first to replace the defaults.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SaltoIntegrationBuilder AddSaltoIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Binding appends list items (Locations), so the same configuration is bound only once.
        if (!services.Any(d => d.ServiceType == typeof(BoundConfiguration) && ReferenceEquals(d.ImplementationInstance is BoundConfiguration b ? b.Configuration : null, configuration)))
        {
            services.AddSingleton(new BoundConfiguration(configuration));
            services.AddOptions<NexudusClientOptions>().Bind(configuration.GetSection(NexudusClientOptions.SectionName));
            services.AddOptions<SaltoKsClientOptions>().Bind(configuration.GetSection(SaltoKsClientOptions.SectionName));
            services.AddOptions<SaltoIntegrationOptions>().Bind(configuration.GetSection(SaltoIntegrationOptions.SectionName));
        }

        return AddSaltoIntegrationCore(services);
    }

    /// <summary>
    /// Registers the integration with settings set in code. Configure the clients through
    /// <see cref="SaltoIntegrationBuilder.ConfigureNexudus"/> and <see cref="SaltoIntegrationBuilder.ConfigureSaltoKs"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the integration settings (locations, safety, worker).</param>
    /// <returns>A builder exposing both clients' <see cref="IHttpClientBuilder"/>s and the opt-in worker and health check.</returns>
    /// <remarks>Validation and idempotence are those of the configuration overload.</remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SaltoIntegrationBuilder AddSaltoIntegration(this IServiceCollection services, Action<SaltoIntegrationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SaltoIntegrationOptions>().Configure(configure);
        return AddSaltoIntegrationCore(services);
    }

    private static SaltoIntegrationBuilder AddSaltoIntegrationCore(IServiceCollection services)
    {
        var nexudus = NexudusServiceCollectionExtensions.AddNexudusClientCore(services);
        var saltoKs = SaltoKsServiceCollectionExtensions.AddSaltoKsClientCore(services);

        // One start-up check for all three sections, so one error lists every bad key.
        services.AddOptionsWithValidateOnStart<SaltoIntegrationOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SaltoIntegrationOptions>, SaltoIntegrationOptionsValidator>(
            sp => new SaltoIntegrationOptionsValidator(() => ClientFailures(sp))));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EntitlementResolver>();
        services.TryAddSingleton<ISyncStateStore>(sp => new SqliteSyncStateStore(new SqliteSyncStateStoreOptions
        {
            Path = sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value.StatePath,
            ProcessedEntryRetention = sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value.EntryRetention,
        }));

        services.TryAddSingleton(sp => new AccessSynchronizer(
            sp.GetRequiredService<INexudusClient>(),
            sp.GetRequiredService<ISaltoKsClient>(),
            sp.GetRequiredService<ISyncStateStore>(),
            SaltoIntegrationOptionsMapping.ToAccessSyncOptions(
                sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value,
                sp.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ISaltoTagResolver>(),
            sp.GetService<ILogger<AccessSynchronizer>>(),
            sp.GetRequiredService<EntitlementResolver>()));
        services.TryAddSingleton(sp => new CustomerEraser(
            sp.GetRequiredService<ISaltoKsClient>(),
            sp.GetRequiredService<ISyncStateStore>(),
            SaltoIntegrationOptionsMapping.ToAccessSyncOptions(
                sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value,
                sp.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value),
            sp.GetService<ILogger<CustomerEraser>>()));
        services.TryAddSingleton(sp => new CheckInBridge(
            sp.GetRequiredService<INexudusClient>(),
            sp.GetRequiredService<ISaltoKsClient>(),
            sp.GetRequiredService<ISyncStateStore>(),
            SaltoIntegrationOptionsMapping.ToCheckInBridgeOptions(sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<CheckInBridge>>()));
        services.TryAddSingleton(sp => new AccessReportBuilder(
            sp.GetRequiredService<INexudusClient>(),
            sp.GetRequiredService<ISaltoKsClient>(),
            sp.GetRequiredService<ISyncStateStore>(),
            SaltoIntegrationOptionsMapping.ToAccessReportOptions(sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value),
            sp.GetService<ILogger<AccessReportBuilder>>()));

        // The webhook inbox is the state store itself when it implements IWebhookInbox (the SDK's in-memory, SQLite and PostgreSQL stores do).
        services.TryAddSingleton<WebhookSignal>();
        services.TryAddSingleton<IWebhookInbox>(sp => (sp.GetRequiredService<ISyncStateStore>() as IWebhookInbox)!);
        services.TryAddSingleton(sp => new NexudusWebhookReceiver(
            sp.GetService<IWebhookInbox>() ?? throw new InvalidOperationException(
                $"The registered {nameof(ISyncStateStore)} does not implement {nameof(IWebhookInbox)}; register an {nameof(IWebhookInbox)} to receive Nexudus webhooks."),
            sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value.Webhooks ?? new SaltoWebhookOptions(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<NexudusWebhookReceiver>>(),
            sp.GetRequiredService<WebhookSignal>()));

        return new SaltoIntegrationBuilder(services, nexudus, saltoKs);
    }

    /// <summary>Marks a configuration as bound, so a second <c>AddSaltoIntegration</c> call does not bind it again.</summary>
    private sealed record BoundConfiguration(IConfiguration Configuration);

    // The clients' own validators, run on options built without validation so their failures join ours.
    private static List<string> ClientFailures(IServiceProvider services)
    {
        var nexudus = new OptionsFactory<NexudusClientOptions>(
                services.GetServices<IConfigureOptions<NexudusClientOptions>>(),
                services.GetServices<IPostConfigureOptions<NexudusClientOptions>>())
            .Create(Options.Options.DefaultName);
        var saltoKs = new OptionsFactory<SaltoKsClientOptions>(
                services.GetServices<IConfigureOptions<SaltoKsClientOptions>>(),
                services.GetServices<IPostConfigureOptions<SaltoKsClientOptions>>())
            .Create(Options.Options.DefaultName);

        var failures = new List<string>(NexudusClientOptionsValidator.GetFailures(nexudus, NexudusClientOptions.SectionName));
        var saltoKsResult = new SaltoKsClientOptionsValidator().Validate(Options.Options.DefaultName, saltoKs);
        if (saltoKsResult.Failed)
        {
            failures.AddRange(saltoKsResult.Failures);
        }

        // Keys no setting reads (a misspelt Nexudus:Pasword) are errors too: ignored, they would leave a default in force.
        foreach (var bound in services.GetServices<BoundConfiguration>())
        {
            failures.AddRange(UnknownConfigurationKeys.Find(bound.Configuration));
        }

        return failures;
    }
}
