using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sandboxes;

/// <summary>
/// Both sandboxes on loopback and the real clients pointed at them, registered as users register them
/// (<c>AddNexudusClient</c>, <c>AddSaltoKsClient</c>): the common ground of the check-in and sync worlds.
/// </summary>
/// <remarks>
/// The sandboxes share one <see cref="FakeTimeProvider"/>, the business clock: their data moves only when a test
/// moves it. The clients keep the system clock for their own waits (Retry-After, back-off), with Nexudus pacing
/// off and zero retry delays, so a throttled call waits briefly in real time instead of forever. Each callback
/// runs after these defaults, so a world or a test can change any of them.
/// </remarks>
internal sealed class SandboxClients : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SandboxClients(FakeTimeProvider time, NexudusSandbox nexudus, SaltoKsSandbox salto, ServiceProvider services)
    {
        Time = time;
        Nexudus = nexudus;
        Salto = salto;
        _services = services;
    }

    public FakeTimeProvider Time { get; }

    public NexudusSandbox Nexudus { get; }

    public SaltoKsSandbox Salto { get; }

    public INexudusClient NexudusClient => _services.GetRequiredService<INexudusClient>();

    public ISaltoKsClient SaltoClient => _services.GetRequiredService<ISaltoKsClient>();

    /// <summary>Gets the clients' service provider (for services a test registered, such as fake logging).</summary>
    public IServiceProvider Services => _services;

    public static async Task<SandboxClients> StartAsync(
        DateTimeOffset start,
        Action<NexudusSandboxOptions>? nexudusSandbox = null,
        Action<SaltoKsSandboxOptions>? saltoSandbox = null,
        Action<NexudusClientOptions>? nexudusClient = null,
        Action<SaltoKsClientOptions>? saltoClient = null,
        Action<IHttpClientBuilder>? nexudusPipeline = null,
        Action<IHttpClientBuilder>? saltoPipeline = null,
        bool clientsShareTheClock = false,
        Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(start);
        var nexudusOptions = new NexudusSandboxOptions { TimeProvider = time, RateLimits = NexudusRateLimits.Disabled };
        nexudusSandbox?.Invoke(nexudusOptions);
        var saltoOptions = new SaltoKsSandboxOptions { TimeProvider = time };
        saltoSandbox?.Invoke(saltoOptions);
        var nexudus = await NexudusSandbox.StartAsync(nexudusOptions);
        var salto = await SaltoKsSandbox.StartAsync(saltoOptions);

        var collection = new ServiceCollection();
        services?.Invoke(collection);
        if (clientsShareTheClock)
        {
            // The clients wait on the business clock too (Retry-After, pauses): a test must move it for them.
            collection.AddSingleton<TimeProvider>(time);
        }

        var nexudusBuilder = collection.AddNexudusClient(o =>
        {
            o.BaseUrl = nexudus.BaseUrl;
            o.Username = nexudus.Username;
            o.Password = nexudus.Password;
            o.MinRequestInterval = TimeSpan.Zero;
            o.MaxRequestsPerMinute = 0;
            o.MaxRequestsPerHour = 0;
            o.MaxWritesPerMinute = 0;
            o.RetryBaseDelay = TimeSpan.Zero;
            nexudusClient?.Invoke(o);
        });
        nexudusPipeline?.Invoke(nexudusBuilder);
        var saltoBuilder = collection.AddSaltoKsClient(o =>
        {
            o.BaseUrl = salto.BaseUrl;
            o.IdentityUrl = salto.IdentityUrl;
            o.ClientId = salto.ClientId;
            o.ClientSecret = salto.ClientSecret;
            o.Username = salto.Username;
            o.Password = salto.Password;
            o.RetryBaseDelay = TimeSpan.Zero;
            saltoClient?.Invoke(o);
        });
        saltoPipeline?.Invoke(saltoBuilder);
        return new SandboxClients(time, nexudus, salto, collection.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Nexudus.DisposeAsync();
        await Salto.DisposeAsync();
    }
}
