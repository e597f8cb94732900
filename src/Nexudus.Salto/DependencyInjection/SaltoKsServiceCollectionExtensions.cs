using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.SaltoKs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SALTO KS Connect client.</summary>
public static class SaltoKsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISaltoKsClient"/> as a typed client through <see cref="System.Net.Http.IHttpClientFactory"/>, with
    /// the bearer-token handler, a resilience pipeline, a separate identity client for the token endpoint, an in-memory
    /// <see cref="ISaltoKsTokenStore"/> and the default <see cref="ISaltoKsTokenProvider"/>. Every call is traced and
    /// counted on the <c>Nexudus.Salto</c> activity source and meter.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. from the <c>SaltoKs</c> configuration section.</param>
    /// <returns>The API client's builder, to add handlers or change its primary handler.</returns>
    /// <remarks>
    /// <para>
    /// Services registered before this call win: register your own <see cref="ISaltoKsTokenStore"/> (to persist rotated
    /// refresh tokens), <see cref="ISaltoKsTokenProvider"/> or <see cref="TimeProvider"/> first. Calling this again only
    /// adds another <paramref name="configure"/>; handlers are not added twice.
    /// </para>
    /// <para>
    /// The options are validated when the host starts (<see cref="SaltoKsClientOptionsValidator"/>). The identity
    /// client is named <see cref="SaltoKsHttpClientNames.Identity"/>; configure it with
    /// <c>services.AddHttpClient(SaltoKsHttpClientNames.Identity)</c>.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddSaltoKsClient(this IServiceCollection services, Action<SaltoKsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SaltoKsClientOptions>().Configure(configure).ValidateOnStart();
        return AddSaltoKsClientCore(services);
    }

    /// <summary>
    /// Registers the client's services and handlers once; the caller adds the options' configuration and
    /// decides how they are validated at start-up (<c>AddSaltoIntegration</c> validates all sections together).
    /// </summary>
    internal static IHttpClientBuilder AddSaltoKsClientCore(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SaltoKsClientRegistration)))
        {
            // Already registered: return the same client's builder without adding its handlers again.
            return services.AddHttpClient(SaltoKsHttpClientNames.Api);
        }

        services.AddSingleton<SaltoKsClientRegistration>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SaltoKsClientOptions>, SaltoKsClientOptionsValidator>(
            _ => new SaltoKsClientOptionsValidator()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SaltoMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<ISaltoKsTokenStore>(_ => new InMemorySaltoKsTokenStore());
        services.TryAddSingleton<ISaltoKsTokenProvider>(sp => new SaltoKsIdentityTokenProvider(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<SaltoKsClientOptions>>(),
            sp.GetRequiredService<ISaltoKsTokenStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SaltoKsIdentityTokenProvider>>()));
        services.TryAddSingleton(_ => new SaltoKsUserCreationLog());

        // The typed client is transient: the membership size one instance learns must outlive it.
        services.TryAddSingleton(_ => new SaltoKsMembershipChunkSize());
        services.TryAddTransient(sp => new SaltoKsBearerTokenHandler(
            sp.GetRequiredService<ISaltoKsTokenProvider>(), sp.GetRequiredService<ILogger<SaltoKsBearerTokenHandler>>()));

        // The token endpoint is another host and must not pass through the API's bearer-token handler.
        var identity = services.AddHttpClient(SaltoKsHttpClientNames.Identity)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(global::Nexudus.Salto.DependencyInjection.NoRedirects.Configure)
            .RemoveAllLoggers();
        identity.AddResilienceHandler("saltoks-identity", (pipeline, context) => SaltoKsResilience.ConfigureIdentity(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                context.ServiceProvider.GetRequiredService<ILogger<SaltoKsIdentityTokenProvider>>()));
        identity.AddHttpMessageHandler(sp => new SaltoHttpTelemetryHandler(sp.GetRequiredService<SaltoMetrics>(), SaltoHttpTelemetryHandler.SaltoKs));
        identity.AddHttpMessageHandler(() => new ServiceCallCountingHandler(CountedService.SaltoKs, tokenClient: true));

        IHttpClientBuilder builder = services
            .AddHttpClient<ISaltoKsClient, SaltoKsClient>(SaltoKsHttpClientNames.Api, (httpClient, sp) => new SaltoKsClient(
                httpClient,
                sp.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SaltoKsClient>>(),
                sp.GetRequiredService<SaltoKsUserCreationLog>(),
                sp.GetRequiredService<SaltoKsMembershipChunkSize>()))

            // The pipeline's own timeouts govern; HttpClient's 100 s default would cut retries short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(global::Nexudus.Salto.DependencyInjection.NoRedirects.Configure)

            // The factory's request logging puts raw header values (the bearer token) in its structured
            // state at Trace level, whatever the redaction settings; the client logs its calls itself.
            .RemoveAllLoggers();

        // Resilience outside, bearer token inside: every retry attempt carries a current token.
        builder.AddResilienceHandler("saltoks", (pipeline, context) => SaltoKsResilience.ConfigureApi(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value,
            context.ServiceProvider.GetRequiredService<TimeProvider>(),
            context.ServiceProvider.GetRequiredService<ILogger<SaltoKsClient>>()));
        builder.AddHttpMessageHandler(sp => sp.GetRequiredService<SaltoKsBearerTokenHandler>());
        builder.AddHttpMessageHandler(sp => new SaltoHttpTelemetryHandler(sp.GetRequiredService<SaltoMetrics>(), SaltoHttpTelemetryHandler.SaltoKs));

        // Innermost, so every attempt that goes on the wire is counted (a sync report's calls per service).
        builder.AddHttpMessageHandler(() => new ServiceCallCountingHandler(CountedService.SaltoKs));
        return builder;
    }

    // Marks the collection so a second AddSaltoKsClient call does not stack handlers.
    private sealed class SaltoKsClientRegistration;
}
