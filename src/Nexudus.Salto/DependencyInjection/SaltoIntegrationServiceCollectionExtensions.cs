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

    /// <summary>
    /// Registers a named integration from its own configuration section, next to the default one and to other named
    /// ones: its own Nexudus account, SALTO KS sites, settings, HTTP clients, rate limiter and state. The section holds
    /// the same three sections as the root: <c>Nexudus</c>, <c>SaltoKs</c> and <c>SaltoIntegration</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">
    /// The integration's name (letters, digits, <c>-</c> and <c>_</c>; at most 64): the key its services are
    /// resolved by, such as <c>[FromKeyedServices("operator-a")] AccessSynchronizer</c> or
    /// <c>GetRequiredKeyedService&lt;AccessSynchronizer&gt;("operator-a")</c>.
    /// </param>
    /// <param name="configuration">The integration's section, such as <c>configuration.GetSection("Integrations:operator-a")</c>.</param>
    /// <returns>The integration's builder: its clients' <see cref="IHttpClientBuilder"/>s, worker and health check.</returns>
    /// <remarks>
    /// <para>
    /// Keyed by <paramref name="name"/>: <see cref="INexudusClient"/>, <see cref="ISaltoKsClient"/>, <see cref="ISyncStateStore"/>,
    /// <see cref="AccessSynchronizer"/>, <see cref="CheckInBridge"/> and <see cref="AccessReportBuilder"/>; its options are
    /// the named options <paramref name="name"/> of <see cref="NexudusClientOptions"/>, <see cref="SaltoKsClientOptions"/>
    /// and <see cref="SaltoIntegrationOptions"/>. Register a keyed <see cref="ISyncStateStore"/>, <see cref="ISaltoKsTokenStore"/>
    /// or <see cref="ISaltoTagResolver"/> under the name first to replace its default.
    /// </para>
    /// <para>
    /// Its state is its own: unless <c>SaltoIntegration:StatePath</c> is set in its section, the SQLite file is
    /// <c>nexudus-salto.{name}.db</c>; with PostgreSQL, the default schema is <c>nexudus_salto_{name}</c>.
    /// Start-up validation names its keys by their full path, such as
    /// <c>Integrations:operator-a:SaltoIntegration:Locations:0:SaltoSiteId</c>. Its webhooks are received at
    /// <c>MapNexudusWebhooksFor("operator-a", prefix)</c> (package Nexudus.Salto.AspNetCore), verified with its own
    /// <c>SaltoIntegration:Webhooks:SharedSecret</c> and applied by its own worker.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid integration name.</exception>
    public static SaltoIntegrationBuilder AddSaltoIntegration(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        IntegrationScope.CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(configuration);
        var scope = new IntegrationScope(name);
        if (!scope.IsMarked<NamedIntegration>(services))
        {
            services.AddOptions<NexudusClientOptions>(name).Bind(configuration.GetSection(NexudusClientOptions.SectionName));
            services.AddOptions<SaltoKsClientOptions>(name).Bind(configuration.GetSection(SaltoKsClientOptions.SectionName));
            services.AddOptions<SaltoIntegrationOptions>(name).Bind(configuration.GetSection(SaltoIntegrationOptions.SectionName));
            services.AddSingleton(new BoundConfiguration(configuration, name));
        }

        return AddSaltoIntegrationCore(services, scope, configuration is IConfigurationSection section ? section.Path : $"Integrations:{name}");
    }

    /// <summary>
    /// Registers a named integration with settings set in code (see the configuration overload for what it registers).
    /// Configure its clients through <see cref="SaltoIntegrationBuilder.ConfigureNexudus"/> and
    /// <see cref="SaltoIntegrationBuilder.ConfigureSaltoKs"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The integration's name, the key of its services.</param>
    /// <param name="configure">Sets the integration settings (locations, safety, worker).</param>
    /// <returns>The integration's builder.</returns>
    /// <remarks>Validation names keys under <c>Integrations:{name}</c>.</remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid integration name.</exception>
    public static SaltoIntegrationBuilder AddSaltoIntegration(this IServiceCollection services, string name, Action<SaltoIntegrationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        IntegrationScope.CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SaltoIntegrationOptions>(name).Configure(configure);
        return AddSaltoIntegrationCore(services, new IntegrationScope(name), $"Integrations:{name}");
    }

    private static SaltoIntegrationBuilder AddSaltoIntegrationCore(IServiceCollection services) =>
        AddSaltoIntegrationCore(services, IntegrationScope.Default, configurationPath: string.Empty);

    private static SaltoIntegrationBuilder AddSaltoIntegrationCore(IServiceCollection services, IntegrationScope scope, string configurationPath)
    {
        var nexudus = NexudusServiceCollectionExtensions.AddNexudusClientCore(services, scope);
        var saltoKs = SaltoKsServiceCollectionExtensions.AddSaltoKsClientCore(services, scope);
        if (scope.Name is not null)
        {
            if (!scope.IsMarked<NamedIntegration>(services))
            {
                scope.Mark<NamedIntegration>(services);
                AddNamedIntegration(services, scope, configurationPath);
            }

            return new SaltoIntegrationBuilder(services, nexudus, saltoKs, scope, configurationPath);
        }

        // One start-up check for all three sections, so one error lists every bad key.
        services.AddOptionsWithValidateOnStart<SaltoIntegrationOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SaltoIntegrationOptions>, SaltoIntegrationOptionsValidator>(
            sp => new SaltoIntegrationOptionsValidator(() => ClientFailures(sp, scope, configurationPath), Options.Options.DefaultName, SaltoIntegrationOptions.SectionName)));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EntitlementResolver>();
        services.TryAddSingleton<ISyncStateStore>(sp => new SqliteSyncStateStore(
            SaltoIntegrationOptionsMapping.ToSqliteOptions(sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value, name: null)));

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
            sp.GetRequiredService<EntitlementResolver>())
        {
            GuestCredentialSink = sp.GetService<IGuestCredentialSink>(),
        });
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

        return new SaltoIntegrationBuilder(services, nexudus, saltoKs, scope, configurationPath);
    }

    /// <summary>The services of a named integration, keyed by its name, over options of its name.</summary>
    private static void AddNamedIntegration(IServiceCollection services, IntegrationScope scope, string path)
    {
        var name = scope.Name!;
        services.AddOptions<SaltoIntegrationOptions>(name).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SaltoIntegrationOptions>>(sp => new SaltoIntegrationOptionsValidator(
            () => ClientFailures(sp, scope, path), name, $"{path}:{SaltoIntegrationOptions.SectionName}"));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EntitlementResolver>();
        scope.TryAddSingleton<ISyncStateStore>(services, sp => new SqliteSyncStateStore(
            SaltoIntegrationOptionsMapping.ToSqliteOptions(scope.GetOptions<SaltoIntegrationOptions>(sp).Value, name)));
        scope.TryAddSingleton(services, sp => new AccessSynchronizer(
            scope.Get<INexudusClient>(sp),
            scope.Get<ISaltoKsClient>(sp),
            scope.Get<ISyncStateStore>(sp),
            SaltoIntegrationOptionsMapping.ToAccessSyncOptions(scope.GetOptions<SaltoIntegrationOptions>(sp).Value, scope.GetOptions<SaltoKsClientOptions>(sp).Value),
            sp.GetRequiredService<TimeProvider>(),
            scope.Find<ISaltoTagResolver>(sp),
            sp.GetService<ILogger<AccessSynchronizer>>(),
            sp.GetRequiredService<EntitlementResolver>())
        {
            GuestCredentialSink = sp.GetService<IGuestCredentialSink>(),
        });
        scope.TryAddSingleton(services, sp => new CheckInBridge(
            scope.Get<INexudusClient>(sp),
            scope.Get<ISaltoKsClient>(sp),
            scope.Get<ISyncStateStore>(sp),
            SaltoIntegrationOptionsMapping.ToCheckInBridgeOptions(scope.GetOptions<SaltoIntegrationOptions>(sp).Value),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<CheckInBridge>>()));
        scope.TryAddSingleton(services, sp => new AccessReportBuilder(
            scope.Get<INexudusClient>(sp),
            scope.Get<ISaltoKsClient>(sp),
            scope.Get<ISyncStateStore>(sp),
            SaltoIntegrationOptionsMapping.ToAccessReportOptions(scope.GetOptions<SaltoIntegrationOptions>(sp).Value),
            sp.GetService<ILogger<AccessReportBuilder>>()));
        AddNamedWebhooks(services, scope);
    }

    /// <summary>
    /// A named integration's webhook receiver (keyed by its name, for <c>MapNexudusWebhooksFor(name, …)</c>): verified with
    /// its own <c>SaltoIntegration:Webhooks</c> settings, recording into its own state store's inbox and waking its own worker.
    /// </summary>
    private static void AddNamedWebhooks(IServiceCollection services, IntegrationScope scope)
    {
        scope.TryAddSingleton(services, _ => new WebhookSignal());
        scope.TryAddSingleton<IWebhookInbox>(services, sp => (scope.Get<ISyncStateStore>(sp) as IWebhookInbox)!);
        scope.TryAddSingleton(services, sp => new NexudusWebhookReceiver(
            scope.Find<IWebhookInbox>(sp) ?? throw new InvalidOperationException(
                $"The {nameof(ISyncStateStore)} of integration '{scope.Name}' does not implement {nameof(IWebhookInbox)}; register a keyed {nameof(IWebhookInbox)} to receive its Nexudus webhooks."),
            scope.GetOptions<SaltoIntegrationOptions>(sp).Value.Webhooks ?? new SaltoWebhookOptions(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger($"{typeof(NexudusWebhookReceiver).FullName}.{scope.Name}"),
            scope.Get<WebhookSignal>(sp)));
    }

    /// <summary>Marks a named integration as registered, so a second call with the same name registers nothing twice.</summary>
    private sealed class NamedIntegration;

    /// <summary>
    /// Marks a configuration as bound, so a second <c>AddSaltoIntegration</c> call does not bind it again, and says
    /// whose it is (<see langword="null"/>: the default integration's), so each integration's keys are checked once.
    /// </summary>
    private sealed record BoundConfiguration(IConfiguration Configuration, string? Name = null);

    // The clients' own validators, run on options built without validation so their failures join ours.
    private static List<string> ClientFailures(IServiceProvider services, IntegrationScope scope, string path)
    {
        var prefix = path.Length == 0 ? string.Empty : path + ":";
        var nexudus = new OptionsFactory<NexudusClientOptions>(
                services.GetServices<IConfigureOptions<NexudusClientOptions>>(),
                services.GetServices<IPostConfigureOptions<NexudusClientOptions>>())
            .Create(scope.OptionsName);
        var saltoKs = new OptionsFactory<SaltoKsClientOptions>(
                services.GetServices<IConfigureOptions<SaltoKsClientOptions>>(),
                services.GetServices<IPostConfigureOptions<SaltoKsClientOptions>>())
            .Create(scope.OptionsName);

        var failures = new List<string>(NexudusClientOptionsValidator.GetFailures(nexudus, prefix + NexudusClientOptions.SectionName));
        var saltoKsResult = new SaltoKsClientOptionsValidator(prefix + SaltoKsClientOptions.SectionName).Validate(scope.OptionsName, saltoKs);
        if (saltoKsResult.Failed)
        {
            failures.AddRange(saltoKsResult.Failures);
        }

        // Keys no setting reads (a misspelt Nexudus:Pasword) are errors too: ignored, they would leave a default in force.
        foreach (var bound in services.GetServices<BoundConfiguration>().Where(b => b.Name == scope.Name))
        {
            failures.AddRange(UnknownConfigurationKeys.Find(bound.Configuration));
        }

        return failures;
    }
}
