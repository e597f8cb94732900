using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>
/// A fresh <see cref="SaltoKsSandbox"/> with the real <see cref="ISaltoKsClient"/> pointed at it, built the way a user
/// builds it: <c>services.AddSaltoKsClient(…)</c> with the sandbox's URLs and credentials, no handler replaced.
/// </summary>
/// <remarks>
/// <para>
/// Both sides share one <see cref="FakeTimeProvider"/>, so tokens, Retry-After waits, back-off and the post-create
/// window move only when a test moves the clock: nothing waits in real time. The per-attempt and total timeouts are
/// an hour of that clock, so moving it while a request is on the wire never times the request out.
/// </para>
/// <para>
/// One site, <see cref="SiteId"/> (time zone Europe/Madrid), is seeded; each test seeds the rest itself.
/// </para>
/// </remarks>
internal sealed class SaltoKsClientOnSandbox : IAsyncDisposable
{
    public const string SiteId = "7c0f2c1e-0000-4000-8000-000000000001";
    public const string SiteUid = "DE4520168385";

    /// <summary>Where the shared clock starts: a Tuesday morning, 10:00 in Madrid.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private SaltoKsClientOnSandbox(SaltoKsSandbox sandbox, ServiceProvider services, FakeTimeProvider time)
    {
        Sandbox = sandbox;
        _services = services;
        Time = time;
    }

    public SaltoKsSandbox Sandbox { get; }

    public FakeTimeProvider Time { get; }

    public ISaltoKsClient Client => _services.GetRequiredService<ISaltoKsClient>();

    public IServiceProvider Services => _services;

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public static async Task<SaltoKsClientOnSandbox> StartAsync(
        Action<SaltoKsSandboxOptions>? sandbox = null, Action<SaltoKsClientOptions>? client = null)
    {
        var time = new FakeTimeProvider(Start);
        var sandboxOptions = new SaltoKsSandboxOptions { TimeProvider = time };
        sandbox?.Invoke(sandboxOptions);
        SaltoKsSandbox started = await SaltoKsSandbox.StartAsync(sandboxOptions);
        started.Seed(b => b.Site(SiteId, "Central", siteUid: SiteUid, timeZone: "Europe/Madrid"));

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddFakeLogging();
        services.AddSaltoKsClient(o =>
        {
            o.BaseUrl = started.BaseUrl;
            o.IdentityUrl = started.IdentityUrl;
            o.ClientId = started.ClientId;
            o.ClientSecret = started.ClientSecret;
            o.Username = started.Username;
            o.Password = started.Password;

            // Back-off without Retry-After is immediate; Retry-After waits are on the fake clock.
            o.RetryBaseDelay = TimeSpan.Zero;
            o.AttemptTimeout = TimeSpan.FromHours(1);
            o.TotalRequestTimeout = TimeSpan.FromHours(1);
            client?.Invoke(o);
        });
        return new SaltoKsClientOnSandbox(started, services.BuildServiceProvider(), time);
    }

    /// <summary>
    /// Lets a call that sleeps on the fake clock (Retry-After, post-create waits) finish: while it runs, the clock
    /// moves on in small steps. Fails, rather than hangs, if the call never completes.
    /// </summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> call, TimeSpan? step = null, int maxSteps = 3000)
    {
        for (int i = 0; i < maxSteps && !call.IsCompleted; i++)
        {
            await Task.WhenAny(call, Task.Delay(2));
            if (!call.IsCompleted)
            {
                Time.Advance(step ?? TimeSpan.FromSeconds(1));
            }
        }

        Assert.True(call.IsCompleted, "The call did not complete while the fake clock moved on.");
        return await call;
    }

    public Task AdvanceUntilDoneAsync(Task call, TimeSpan? step = null) =>
        AdvanceUntilDoneAsync(call.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step);

    /// <summary>The requests the sandbox served with this method whose route template is this one.</summary>
    public IReadOnlyList<SandboxRequest> Served(string method, string route) =>
        [.. Sandbox.Requests.GetRequests().Where(r => r.Method == method && r.Route == route)];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
