using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.Nexudus;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Nexudus Spaces client.
/// </summary>
public static class NexudusServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="INexudusClient"/> (and <see cref="NexudusClient"/>) as a typed client of
    /// <see cref="IHttpClientFactory"/>, with bearer or Basic authentication, the client-side rate
    /// limiter and a resilience pipeline (timeouts, jittered retries honouring <c>Retry-After</c>,
    /// a circuit breaker). Every call is traced and counted on the <c>Nexudus.Salto</c> activity source and meter.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; called every time the options are built.</param>
    /// <returns>The client's <see cref="IHttpClientBuilder"/>, to add handlers of your own.</returns>
    /// <remarks>
    /// <para>
    /// Calling this again adds the new <paramref name="configure"/> and nothing else, so the
    /// handlers are never registered twice. The options are validated when the client is first
    /// built (and at start-up in a host): a bad <c>BaseUrl</c> (it must be https, except on loopback),
    /// a missing username or password, or an out-of-range limit fails with every bad key listed.
    /// </para>
    /// <para>
    /// A <see cref="TimeProvider"/> in the container drives token expiry, the rate limiter and the
    /// retry delays (<see cref="TimeProvider.System"/> unless you register another). Register an
    /// <see cref="INexudusTotpProvider"/> when the Nexudus user has two-factor authentication on.
    /// </para>
    /// </remarks>
    public static IHttpClientBuilder AddNexudusClient(this IServiceCollection services, Action<NexudusClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<NexudusClientOptions>().Configure(configure).ValidateOnStart();
        return AddNexudusClientCore(services);
    }

    /// <summary>
    /// Registers the client's services and handlers once; the caller adds the options' configuration and
    /// decides how they are validated at start-up (<c>AddSaltoIntegration</c> validates all sections together).
    /// </summary>
    internal static IHttpClientBuilder AddNexudusClientCore(IServiceCollection services) =>
        AddNexudusClientCore(services, global::Nexudus.Salto.DependencyInjection.IntegrationScope.Default);

    /// <summary>
    /// Registers the client of one integration: the default one as plain services, a named one as services keyed by its
    /// name, with HTTP clients, token source and rate limiter of its own and the options of its name.
    /// </summary>
    internal static IHttpClientBuilder AddNexudusClientCore(IServiceCollection services, global::Nexudus.Salto.DependencyInjection.IntegrationScope scope)
    {
        var clientName = scope.ClientName(NexudusClient.HttpClientName);
        if (scope.IsMarked<NexudusClientRegistration>(services))
        {
            return services.AddHttpClient(clientName);
        }

        scope.Mark<NexudusClientRegistration>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NexudusClientOptions>, NexudusClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // The Nexudus client's redactor remembers its password and the tokens it receives.
        scope.TryAddSingleton(services, sp => new SecretRedactor(scope.GetOptions<NexudusClientOptions>(sp).Value.Password));
        services.TryAddSingleton(sp => new SaltoMetrics(sp.GetService<IMeterFactory>()));
        scope.TryAddSingleton(services, sp => new NexudusRateLimiter(
            scope.GetOptions<NexudusClientOptions>(sp), sp.GetRequiredService<TimeProvider>(), Logger<NexudusRateLimiter>(sp)));
        var tokenClientName = scope.ClientName(NexudusTokenSource.HttpClientName);
        scope.TryAddSingleton(services, sp => new NexudusTokenSource(
            sp.GetRequiredService<IHttpClientFactory>(),
            scope.GetOptions<NexudusClientOptions>(sp),
            sp.GetRequiredService<TimeProvider>(),
            scope.Get<SecretRedactor>(sp),
            Logger<NexudusTokenSource>(sp),
            scope.Find<INexudusTotpProvider>(sp),
            tokenClientName));

        // Token requests: rate-limited and retried, but never through the authentication handler.
        var tokenClient = services.AddHttpClient(tokenClientName)
            .ConfigureHttpClient((sp, http) => ConfigureHttpClient(scope.GetOptions<NexudusClientOptions>(sp).Value, http))
            .ConfigurePrimaryHttpMessageHandler(global::Nexudus.Salto.DependencyInjection.NoRedirects.Configure)
            .RemoveAllLoggers();
        tokenClient.AddResilienceHandler(NexudusResilience.TokenPipelineName, (pipeline, context) =>
                NexudusResilience.ConfigureTokenCalls(
                    pipeline,
                    scope.GetOptions<NexudusClientOptions>(context.ServiceProvider).Value,
                    context.ServiceProvider.GetRequiredService<TimeProvider>(),
                    Logger<NexudusTokenSource>(context.ServiceProvider)));
        tokenClient
            .AddHttpMessageHandler(sp => new NexudusRateLimitHandler(scope.Get<NexudusRateLimiter>(sp), pacedByResponse: true, sp.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(sp => new SaltoHttpTelemetryHandler(sp.GetRequiredService<SaltoMetrics>(), SaltoHttpTelemetryHandler.Nexudus))
            .AddHttpMessageHandler(() => new ServiceCallCountingHandler(CountedService.Nexudus, tokenClient: true));

        NexudusClient Create(HttpClient http, IServiceProvider sp) => new(
            http,
            scope.GetOptions<NexudusClientOptions>(sp),
            scope.Get<SecretRedactor>(sp),
            sp.GetRequiredService<TimeProvider>(),
            Logger<NexudusClient>(sp));

        IHttpClientBuilder builder;
        if (scope.Name is null)
        {
            builder = services.AddHttpClient<INexudusClient, NexudusClient>(clientName, Create);
        }
        else
        {
            // A named integration's client is a keyed service over its own named HTTP client.
            builder = services.AddHttpClient(clientName);
            scope.TryAddTransient<INexudusClient>(services, sp => Create(sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName), sp));
        }

        builder
            .ConfigureHttpClient((sp, http) => ConfigureHttpClient(scope.GetOptions<NexudusClientOptions>(sp).Value, http))
            .ConfigurePrimaryHttpMessageHandler(global::Nexudus.Salto.DependencyInjection.NoRedirects.Configure)

            // The factory's request logging puts raw header values (the bearer token) in its structured
            // state at Trace level, whatever the redaction settings; the client logs its calls itself.
            .RemoveAllLoggers();

        // Outermost first: resilience (each retry re-runs what follows), authentication, rate limit.
        builder.AddResilienceHandler(NexudusResilience.PipelineName, (pipeline, context) =>
                NexudusResilience.ConfigureCalls(
                    pipeline,
                    scope.GetOptions<NexudusClientOptions>(context.ServiceProvider).Value,
                    context.ServiceProvider.GetRequiredService<TimeProvider>(),
                    Logger<NexudusClient>(context.ServiceProvider)));
        builder
            .AddHttpMessageHandler(sp => new NexudusAuthenticationHandler(
                scope.Get<NexudusTokenSource>(sp),
                scope.GetOptions<NexudusClientOptions>(sp),
                Logger<NexudusAuthenticationHandler>(sp)))
            .AddHttpMessageHandler(sp => new NexudusRateLimitHandler(scope.Get<NexudusRateLimiter>(sp), pacedByResponse: false, sp.GetRequiredService<TimeProvider>()))
            .AddHttpMessageHandler(sp => new SaltoHttpTelemetryHandler(sp.GetRequiredService<SaltoMetrics>(), SaltoHttpTelemetryHandler.Nexudus))

            // Innermost, so every attempt that goes on the wire is counted (a sync report's calls per service).
            .AddHttpMessageHandler(() => new ServiceCallCountingHandler(CountedService.Nexudus));

        if (scope.Name is null)
        {
            services.TryAddTransient(sp => (NexudusClient)sp.GetRequiredService<INexudusClient>());
        }

        return builder;
    }

    private static void ConfigureHttpClient(NexudusClientOptions options, HttpClient http)
    {
        var baseUrl = options.BaseUrl!.AbsoluteUri;

        // Paths are relative ("api/…"), so a base URL with a path prefix keeps it.
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

        // The resilience pipeline owns timeouts (total and per attempt).
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static ILogger<T> Logger<T>(IServiceProvider services) =>
        services.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;

    /// <summary>Marks that the Nexudus client's handlers are registered, so a second call adds none.</summary>
    private sealed class NexudusClientRegistration;
}
