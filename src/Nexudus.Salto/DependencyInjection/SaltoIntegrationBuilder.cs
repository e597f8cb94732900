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
    internal SaltoIntegrationBuilder(IServiceCollection services, IHttpClientBuilder nexudusClient, IHttpClientBuilder saltoKsClient)
    {
        Services = services;
        NexudusClient = nexudusClient;
        SaltoKsClient = saltoKsClient;
    }

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
        Services.Configure(configure);
        return this;
    }

    /// <summary>Adds a configuration of the SALTO KS client's options (after the <c>SaltoKs</c> section, when bound).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public SaltoIntegrationBuilder ConfigureSaltoKs(Action<SaltoKsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
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
    /// </remarks>
    public SaltoIntegrationBuilder AddWorker(Action<SaltoWorkerOptions>? configure = null)
    {
        if (configure is not null)
        {
            Services.Configure<SaltoIntegrationOptions>(o => configure(o.Worker));
        }

        Services.TryAddSingleton<WorkerStatus>();
        Services.TryAddSingleton<IIntegrationRuns>(sp =>
        {
            // The host builds its hosted services before it runs the start-up validation: read the options first,
            // so that a bad configuration fails with the one error naming every bad key of all three sections,
            // not with the first client's alone.
            var options = sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value;
            return new IntegrationRuns(
                sp.GetRequiredService<AccessSynchronizer>(),
                sp.GetRequiredService<CheckInBridge>(),
                sp.GetRequiredService<SaltoMetrics>(),
                SaltoIntegrationOptionsMapping.HasReaders(options));
        });
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

    /// <summary>
    /// Adds a health check of the background worker (name <paramref name="name"/>): Unhealthy while a job is
    /// quarantined or no sync has succeeded for twice <see cref="SaltoWorkerOptions.HealthySyncAge"/>, Degraded
    /// while runs are failing or the last success is older than <see cref="SaltoWorkerOptions.HealthySyncAge"/>.
    /// </summary>
    /// <param name="name">The check's name in health reports.</param>
    /// <param name="tags">Tags to filter health endpoints by (for example <c>ready</c>).</param>
    /// <returns>This builder.</returns>
    /// <remarks>Calling it again with the same name adds nothing.</remarks>
    public SaltoIntegrationBuilder AddHealthCheck(string name = "nexudus-salto", params string[] tags)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tags);
        Services.TryAddSingleton<WorkerStatus>();
        if (!Services.Any(d => d.ServiceType == typeof(HealthCheckName) && d.ImplementationInstance is HealthCheckName n && n.Name == name))
        {
            Services.AddSingleton(new HealthCheckName(name));
            Services.AddHealthChecks().AddCheck<SaltoIntegrationHealthCheck>(name, failureStatus: null, tags);
        }

        return this;
    }

    // Marks a health check name as registered: the health-check service refuses duplicate names at run time.
    private sealed record HealthCheckName(string Name);
}
