using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// A running <see cref="NexudusSandbox"/> and the real <see cref="INexudusClient"/> built through
/// dependency injection exactly as a user builds it: <c>AddNexudusClient</c> pointed at
/// <see cref="NexudusSandbox.BaseUrl"/> with the sandbox's credentials, over real loopback sockets.
/// </summary>
/// <remarks>
/// <para>
/// Unless a test asks otherwise, the sandbox runs on a fake clock (so <c>CreatedOn</c>,
/// <c>UpdatedOn</c> and the <c>*Local</c> twins are fixed), with its rate limits off, and it
/// rejects query parameters it does not understand (a misspelt filter fails loudly instead of
/// being ignored). The client keeps the system clock and its resilience pipeline, but its own
/// rate limits are off and retries back off from 10 ms, so no test waits for real.
/// </para>
/// <para>Tests about throttling turn both sides' documented limits back on.</para>
/// </remarks>
internal sealed class NexudusSandboxEnvironment : IAsyncDisposable
{
    /// <summary>The sandbox's clock starts here: Monday 3 March 2025, 08:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The <c>client_id</c> the client sends, one stable GUID as the notes advise.</summary>
    public const string ClientId = "5d1c6a51-3f7e-4d0b-9a3e-8c2b1f0e7a44";

    private readonly List<ServiceProvider> _providers = [];
    private readonly Action<NexudusClientOptions>? _configureClient;
    private readonly Action<IHttpClientBuilder>? _configureHttp;

    private NexudusSandboxEnvironment(
        NexudusSandbox sandbox,
        FakeTimeProvider? sandboxTime,
        Action<NexudusClientOptions>? configureClient,
        Action<IHttpClientBuilder>? configureHttp)
    {
        Sandbox = sandbox;
        SandboxTime = sandboxTime;
        _configureClient = configureClient;
        _configureHttp = configureHttp;
        Services = BuildServices();
    }

    public NexudusSandbox Sandbox { get; }

    /// <summary>Gets the sandbox's fake clock; <see langword="null"/> when it runs on the system clock.</summary>
    public FakeTimeProvider? SandboxTime { get; }

    /// <summary>Gets the container of the client under test.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Gets the client under test, as a user would resolve it.</summary>
    public INexudusClient Client => Services.GetRequiredService<INexudusClient>();

    /// <summary>Gets what the client logged.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>Gets the seed data of the standard world, when the environment was started with it.</summary>
    public NexudusSeed? World { get; private set; }

    /// <summary>Starts a sandbox and builds the client against it.</summary>
    /// <param name="configureSandbox">Changes the sandbox settings described on the class.</param>
    /// <param name="configureClient">Changes the client settings described on the class.</param>
    /// <param name="configureHttp">Adds to the client's HTTP pipeline (for example a primary handler).</param>
    /// <param name="seedWorld">Whether to seed <see cref="NexudusWorld"/>.</param>
    public static async Task<NexudusSandboxEnvironment> StartAsync(
        Action<NexudusSandboxOptions>? configureSandbox = null,
        Action<NexudusClientOptions>? configureClient = null,
        Action<IHttpClientBuilder>? configureHttp = null,
        bool seedWorld = true)
    {
        var time = new FakeTimeProvider(Start);
        var options = new NexudusSandboxOptions
        {
            TimeProvider = time,
            RateLimits = NexudusRateLimits.Disabled,
            RejectUnknownQueryParameters = true,
        };
        configureSandbox?.Invoke(options);
        var sandbox = await NexudusSandbox.StartAsync(options);
        var environment = new NexudusSandboxEnvironment(
            sandbox,
            ReferenceEquals(options.TimeProvider, time) ? time : null,
            configureClient,
            configureHttp);
        if (seedWorld)
        {
            environment.World = NexudusWorld.Seed(sandbox);
        }

        return environment;
    }

    /// <summary>
    /// Builds another client in a container of its own, with the same settings (changed by
    /// <paramref name="configure"/>), as a second process, or the same process after a restart,
    /// would: it shares nothing with <see cref="Client"/>, not even the token.
    /// </summary>
    public INexudusClient CreateIndependentClient(Action<NexudusClientOptions>? configure = null) =>
        BuildServices(configure).GetRequiredService<INexudusClient>();

    /// <summary>The requests to <paramref name="pathPrefix"/> the sandbox served, as <c>METHOD path?query STATUS</c>.</summary>
    public IReadOnlyList<string> RequestsTo(string pathPrefix) =>
        [.. Sandbox.Requests.GetRequests()
            .Where(r => r.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(r => $"{r.Method} {r.Path}{Uri.UnescapeDataString(r.Query)} {r.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "dropped"}")];

    /// <summary>The messages the client logged, in order.</summary>
    public IReadOnlyList<string> LogMessages() => [.. Logs.GetSnapshot().Select(r => r.Message)];

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Sandbox.DisposeAsync();
    }

    private ServiceProvider BuildServices(Action<NexudusClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        services.AddFakeLogging();
        var client = services.AddNexudusClient(o =>
        {
            o.BaseUrl = Sandbox.BaseUrl;
            o.Username = Sandbox.Username;
            o.Password = Sandbox.Password;
            o.ClientId = ClientId;

            // Off unless a test is about them; see the class remarks.
            o.MinRequestInterval = TimeSpan.Zero;
            o.MaxRequestsPerMinute = 0;
            o.MaxRequestsPerHour = 0;
            o.MaxWritesPerMinute = 0;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            _configureClient?.Invoke(o);
            configure?.Invoke(o);
        });
        _configureHttp?.Invoke(client);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}
