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
    /// The options are validated when the host starts, every bad key named by its full path (<c>SaltoKs:BaseUrl</c>). The identity
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
    internal static IHttpClientBuilder AddSaltoKsClientCore(IServiceCollection services) =>
        AddSaltoKsClientCore(services, global::Nexudus.Salto.DependencyInjection.IntegrationScope.Default);

    /// <summary>
    /// Registers the client of one integration: the default one as plain services, a named one as services keyed by its
    /// name, with HTTP clients, token provider, token store and learned chunk size of its own and the options of its name.
    /// </summary>
    internal static IHttpClientBuilder AddSaltoKsClientCore(IServiceCollection services, global::Nexudus.Salto.DependencyInjection.IntegrationScope scope)
    {
        var apiName = scope.ClientName(SaltoKsHttpClientNames.Api);
        if (scope.IsMarked<SaltoKsClientRegistration>(services))
        {
            // Already registered: return the same client's builder without adding its handlers again.
            return services.AddHttpClient(apiName);
        }

        scope.Mark<SaltoKsClientRegistration>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SaltoKsClientOptions>, SaltoKsClientOptionsValidator>(
            _ => new SaltoKsClientOptionsValidator()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SaltoMetrics(sp.GetService<IMeterFactory>()));
        scope.TryAddSingleton<ISaltoKsTokenStore>(services, _ => new InMemorySaltoKsTokenStore());
        var identityName = scope.ClientName(SaltoKsHttpClientNames.Identity);
        scope.TryAddSingleton<ISaltoKsTokenProvider>(services, sp => new SaltoKsIdentityTokenProvider(
            sp.GetRequiredService<IHttpClientFactory>(),
            scope.GetOptions<SaltoKsClientOptions>(sp),
            scope.Get<ISaltoKsTokenStore>(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SaltoKsIdentityTokenProvider>>(),
            identityName));
        scope.TryAddSingleton(services, _ => new SaltoKsUserCreationLog());

        // The typed client is transient: the membership size one instance learns must outlive it.
        scope.TryAddSingleton(services, _ => new SaltoKsMembershipChunkSize());
        scope.TryAddTransient(services, sp => new SaltoKsBearerTokenHandler(
            scope.Get<ISaltoKsTokenProvider>(sp), sp.GetRequiredService<ILogger<SaltoKsBearerTokenHandler>>()));

        // The token endpoint is another host and must not pass through the API's bearer-token handler.
        var identity = services.AddHttpClient(identityName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(global::Nexudus.Salto.DependencyInjection.NoRedirects.Configure)
            .RemoveAllLoggers();
        identity.AddResilienceHandler("saltoks-identity", (pipeline, context) => SaltoKsResilience.ConfigureIdentity(
                pipeline,
                scope.GetOptions<SaltoKsClientOptions>(context.ServiceProvider).Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                context.ServiceProvider.GetRequiredService<ILogger<SaltoKsIdentityTokenProvider>>()));
        identity.AddHttpMessageHandler(sp => new SaltoHttpTelemetryHandler(sp.GetRequiredService<SaltoMetrics>(), SaltoHttpTelemetryHandler.SaltoKs));
        identity.AddHttpMessageHandler(() => new ServiceCallCountingHandler(CountedService.SaltoKs, tokenClient: true));

        SaltoKsClient Create(HttpClient httpClient, IServiceProvider sp) => new(
            httpClient,
            scope.GetOptions<SaltoKsClientOptions>(sp).Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SaltoKsClient>>(),
            scope.Get<SaltoKsUserCreationLog>(sp),
            scope.Get<SaltoKsMembershipChunkSize>(sp));

        IHttpClientBuilder builder;
        if (scope.Name is null)
        {
            builder = services.AddHttpClient<ISaltoKsClient, SaltoKsClient>(apiName, Create);
        }
        else
        {
            // A named integration's client is a keyed service over its own named HTTP client.
            builder = services.AddHttpClient(apiName);
            scope.TryAddTransient<ISaltoKsClient>(services, sp => Create(sp.GetRequiredService<IHttpClientFactory>().CreateClient(apiName), sp));
        }

        builder

            // The pipeline's own timeouts govern; HttpClient's 100 s default would cut retries short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(global::Nexudus.Salto.DependencyInjection.NoRedirects.Configure)

            // The factory's request logging puts raw header values (the bearer token) in its structured
            // state at Trace level, whatever the redaction settings; the client logs its calls itself.
            .RemoveAllLoggers();

        // Resilience outside, bearer token inside: every retry attempt carries a current token.
        builder.AddResilienceHandler("saltoks", (pipeline, context) => SaltoKsResilience.ConfigureApi(
            pipeline,
            scope.GetOptions<SaltoKsClientOptions>(context.ServiceProvider).Value,
            context.ServiceProvider.GetRequiredService<TimeProvider>(),
            context.ServiceProvider.GetRequiredService<ILogger<SaltoKsClient>>()));
        builder.AddHttpMessageHandler(sp => scope.Get<SaltoKsBearerTokenHandler>(sp));
        builder.AddHttpMessageHandler(sp => new SaltoHttpTelemetryHandler(sp.GetRequiredService<SaltoMetrics>(), SaltoHttpTelemetryHandler.SaltoKs));

        // Innermost, so every attempt that goes on the wire is counted (a sync report's calls per service).
        builder.AddHttpMessageHandler(() => new ServiceCallCountingHandler(CountedService.SaltoKs));
        return builder;
    }

    // Marks the collection so a second AddSaltoKsClient call does not stack handlers.
    private sealed class SaltoKsClientRegistration;
}
