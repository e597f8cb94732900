using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Webhooks;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// Returned by <c>services.AddSaltoIntegration(...)</c>: the registered integration, with both HTTP clients'
/// builders (to add handlers or change resilience) and the opt-in parts (the background worker, the health check).
/// </summary>
public sealed class SaltoIntegrationBuilder
{
    private readonly IntegrationScope _scope;

    internal SaltoIntegrationBuilder(IServiceCollection services, IHttpClientBuilder nexudusClient, IHttpClientBuilder saltoKsClient, IntegrationScope scope, string configurationPath)
    {
        Services = services;
        NexudusClient = nexudusClient;
        SaltoKsClient = saltoKsClient;
        _scope = scope;
        ConfigurationPath = configurationPath;
    }

    /// <summary>Gets the integration's name: the key of its keyed services, or <see langword="null"/> for the default integration.</summary>
    /// <value>The name given to <c>AddSaltoIntegration(name, …)</c>, or <see langword="null"/>.</value>
    public string? Name => _scope.Name;

    /// <summary>Gets the configuration path that start-up errors name the integration's keys under.</summary>
    /// <value>Empty for the default integration (keys are named from the root); for a named one its section's path, such as <c>Integrations:operator-a</c>.</value>
    public string ConfigurationPath { get; }

    /// <summary>Gets the service collection the integration is registered in.</summary>
    /// <value>The collection <c>AddSaltoIntegration</c> was called on.</value>
    public IServiceCollection Services { get; }

    /// <summary>Gets the builder of the Nexudus client's <see cref="HttpClient"/>, to add handlers or change its resilience.</summary>
    /// <value>The typed client of <see cref="INexudusClient"/>.</value>
    public IHttpClientBuilder NexudusClient { get; }

    /// <summary>Gets the builder of the SALTO KS client's <see cref="HttpClient"/>, to add handlers or change its resilience.</summary>
    /// <value>The typed client of <see cref="ISaltoKsClient"/>.</value>
    public IHttpClientBuilder SaltoKsClient { get; }

    /// <summary>Adds a configuration of the Nexudus client's options (after the <c>Nexudus</c> section, when bound).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public SaltoIntegrationBuilder ConfigureNexudus(Action<NexudusClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(_scope.OptionsName, configure);
        return this;
    }

    /// <summary>Adds a configuration of the SALTO KS client's options (after the <c>SaltoKs</c> section, when bound).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public SaltoIntegrationBuilder ConfigureSaltoKs(Action<SaltoKsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(_scope.OptionsName, configure);
        return this;
    }

    /// <summary>
    /// Adds the background worker (a hosted <c>BackgroundService</c>): a full sync at start-up, every
    /// <see cref="SaltoWorkerOptions.SyncInterval"/> and at each window edge the last sync reported (so a booking's
    /// access opens and closes within seconds of its window), and the check-in bridge every
    /// <see cref="SaltoWorkerOptions.CheckInInterval"/>, with back-off and quarantine after repeated failures.
    /// </summary>
    /// <param name="configure">Changes the worker's settings after the <c>SaltoIntegration:Worker</c> section; optional.</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// Opt-in, since a console command that runs one sync does not want it. Calling it again adds no second worker.
    /// Each integration that calls it (the default and every named one) gets its own worker loop, schedule, back-off and
    /// quarantine; their jobs share the host's <see cref="SaltoWorkerOptions.MaxConcurrentIntegrations"/> slots, so one
    /// integration's failure, slowness or quarantine never delays another while a slot is free.
    /// </remarks>
    public SaltoIntegrationBuilder AddWorker(Action<SaltoWorkerOptions>? configure = null)
    {
        if (configure is not null)
        {
            Services.Configure<SaltoIntegrationOptions>(_scope.OptionsName, o => configure(o.Worker));
        }

        // One gate for the host: every integration's jobs share its slots.
        Services.TryAddSingleton(sp => new IntegrationRunGate(sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value.Worker.MaxConcurrentIntegrations));
        // The jobs of this integration (the default one or a named one), through the host's slots.
        var scope = _scope;
        scope.TryAddSingleton<IIntegrationRuns>(Services, sp =>
        {
            // The host builds its hosted services before it runs the start-up validation: read the options first, so
            // that a bad configuration fails with the one error naming every bad key of the integration's sections,
            // not with the first client's alone.
            var options = scope.GetOptions<SaltoIntegrationOptions>(sp).Value;
            return new GatedIntegrationRuns(
                new IntegrationRuns(
                    scope.Get<AccessSynchronizer>(sp),
                    scope.Get<CheckInBridge>(sp),
                    sp.GetRequiredService<SaltoMetrics>(),
                    SaltoIntegrationOptionsMapping.HasReaders(options)),
                sp.GetRequiredService<IntegrationRunGate>());
        });
        if (_scope.Name is null)
        {
            Services.TryAddSingleton<WorkerStatus>();
            Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SaltoIntegrationWorker>(sp => new SaltoIntegrationWorker(
                sp.GetRequiredService<IIntegrationRuns>(),
                sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<WorkerStatus>(),
                sp.GetRequiredService<SaltoMetrics>(),
                sp.GetRequiredService<ILogger<SaltoIntegrationWorker>>(),
                sp.GetService<IWebhookInbox>(),
                sp.GetRequiredService<WebhookSignal>())));
            return this;
        }

        // A named integration: its own status and worker loop, woken by its own webhook inbox (MapNexudusWebhooksFor).
        scope.TryAddSingleton(Services, _ => new WorkerStatus());
        if (!scope.IsMarked<NamedWorker>(Services))
        {
            scope.Mark<NamedWorker>(Services);
            Services.AddSingleton<IHostedService>(sp => new SaltoIntegrationWorker(
                scope.Get<IIntegrationRuns>(sp),
                scope.GetOptions<SaltoIntegrationOptions>(sp),
                sp.GetRequiredService<TimeProvider>(),
                scope.Get<WorkerStatus>(sp),
                sp.GetRequiredService<SaltoMetrics>(),
                // Its own category (the worker's, then the integration's name), so its lines say which integration they are about.
                sp.GetRequiredService<ILoggerFactory>().CreateLogger($"{typeof(SaltoIntegrationWorker).FullName}.{scope.Name}"),
                scope.Find<IWebhookInbox>(sp),
                scope.Get<WebhookSignal>(sp)));
        }

        return this;
    }

    /// <summary>
    /// Adds a health check of the background worker (name <paramref name="name"/>): Unhealthy while a job is
    /// quarantined or no sync has succeeded for twice <see cref="SaltoWorkerOptions.HealthySyncAge"/>, Degraded
    /// while runs are failing or the last success is older than <see cref="SaltoWorkerOptions.HealthySyncAge"/>.
    /// </summary>
    /// <param name="name">
    /// The check's name in health reports. A named integration's check defaults to <c>nexudus-salto:{integration}</c>,
    /// so each integration reports its own health.
    /// </param>
    /// <param name="tags">Tags to filter health endpoints by (for example <c>ready</c>).</param>
    /// <returns>This builder.</returns>
    /// <remarks>Calling it again with the same name adds nothing.</remarks>
    public SaltoIntegrationBuilder AddHealthCheck(string name = "nexudus-salto", params string[] tags)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tags);
        if (_scope.Name is not null && name == DefaultHealthCheckName)
        {
            // One check per integration: a named integration's default check name carries its name.
            name = $"{DefaultHealthCheckName}:{_scope.Name}";
        }

        if (!Services.Any(d => d.ServiceType == typeof(HealthCheckName) && d.ImplementationInstance is HealthCheckName n && n.Name == name))
        {
            Services.AddSingleton(new HealthCheckName(name));
            if (_scope.Name is null)
            {
                Services.TryAddSingleton<WorkerStatus>();
                Services.AddHealthChecks().AddCheck<SaltoIntegrationHealthCheck>(name, failureStatus: null, tags);
            }
            else
            {
                var scope = _scope;
                scope.TryAddSingleton(Services, _ => new WorkerStatus());
                Services.AddHealthChecks().Add(new HealthCheckRegistration(
                    name,
                    sp => new SaltoIntegrationHealthCheck(scope.Get<WorkerStatus>(sp), scope.GetOptions<SaltoIntegrationOptions>(sp), sp.GetRequiredService<TimeProvider>()),
                    failureStatus: null,
                    tags));
            }
        }

        return this;
    }

    private const string DefaultHealthCheckName = "nexudus-salto";

    // Marks a named integration's worker as registered: a second AddWorker adds no second loop.
    private sealed class NamedWorker;

    // Marks a health check name as registered: the health-check service refuses duplicate names at run time.
    private sealed record HealthCheckName(string Name);
}
