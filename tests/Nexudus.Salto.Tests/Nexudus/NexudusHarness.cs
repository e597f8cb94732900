using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Tests.Support;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Nexudus;

/// <summary>
/// The real <c>AddNexudusClient</c> pipeline (resilience, authentication, rate limiter) over a
/// MockHttp primary handler, with a fake clock and fake logging.
/// </summary>
internal sealed class NexudusHarness : IDisposable
{
    public const string BaseUrl = "https://nexudus.test/";
    public const string TokenUrl = BaseUrl + "api/token";
    public const string Username = "admin@example.com";
    public const string Password = "Pa55-w0rd-secret";
    public const string ClientId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    public const string AccessToken = "access-token-1";
    public const string RefreshToken = "refresh-token-1";

    private readonly ServiceProvider _services;

    private NexudusHarness(Action<NexudusClientOptions>? configure, Action<IServiceCollection>? services)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        collection.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false);
        collection.AddNexudusClient(o =>
            {
                o.BaseUrl = new Uri(BaseUrl);
                o.Username = Username;
                o.Password = Password;
                o.ClientId = ClientId;

                // Unit tests drive one behaviour at a time: no client-side limits unless a test
                // turns them on, and retries without back-off unless Retry-After says otherwise.
                o.MinRequestInterval = TimeSpan.Zero;
                o.MaxRequestsPerMinute = 0;
                o.MaxRequestsPerHour = 0;
                o.MaxWritesPerMinute = 0;
                o.RetryBaseDelay = TimeSpan.Zero;
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => Http);
        collection.AddHttpClient(NexudusTokenSource.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Http);
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider();
    }

    public MockHttpMessageHandler Http { get; } = new(BackendDefinitionBehavior.Always);

    public ObservedFakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => _services;

    public INexudusClient Client => _services.GetRequiredService<INexudusClient>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public static NexudusHarness Create(Action<NexudusClientOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        new(configure, services);

    /// <summary>A harness whose token endpoint answers every password grant with <see cref="AccessToken"/>.</summary>
    public static NexudusHarness WithToken(Action<NexudusClientOptions>? configure = null)
    {
        var harness = Create(configure);
        harness.Http.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenJson(AccessToken, RefreshToken, 3600));
        return harness;
    }

    public static string TokenJson(string access, string? refresh, long expiresIn) =>
        refresh is null
            ? $$"""{"access_token":"{{access}}","token_type":"bearer","expires_in":{{expiresIn}}}"""
            : $$"""{"access_token":"{{access}}","token_type":"bearer","expires_in":{{expiresIn}},"refresh_token":"{{refresh}}"}""";

    /// <summary>A consistent list page: a last page's totals count exactly what was served up to it.</summary>
    public static string Page(string records, int page, bool hasNext, int pageSize = 500)
    {
        var served = records.Split("{\"Id\"", StringSplitOptions.None).Length - 1;
        var total = hasNext ? 1000 : ((page - 1) * pageSize) + served;
        var pages = hasNext ? Math.Max(3, page + 1) : page;
        return $$"""{"Records":[{{records}}],"CurrentPage":{{page}},"CurrentPageSize":{{pageSize}},"TotalItems":{{total}},"TotalPages":{{pages}},"HasNextPage":{{(hasNext ? "true" : "false")}},"HasPreviousPage":{{(page > 1 ? "true" : "false")}}}""";
    }

    public static string Records(params long[] ids) => string.Join(",", ids.Select(id => $$"""{"Id":{{id}}}"""));

    public static string WriteResult(long id, bool success = true, string? message = null) =>
        $$"""{"Status":200,"Message":"{{message ?? "Done."}}","Value":{"Id":{{id}}},"WasSuccessful":{{(success ? "true" : "false")}},"Errors":null}""";

    public static HttpResponseMessage Json(HttpStatusCode status, string json, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        }

        return response;
    }

    /// <summary>
    /// Runs <paramref name="action"/> while moving the fake clock forward in small steps, so retry
    /// delays, Retry-After waits and timeouts elapse. Returns how far the clock moved.
    /// </summary>
    public async Task<(T Result, TimeSpan Elapsed)> RunWithClockAsync<T>(Func<Task<T>> action, TimeSpan? step = null)
    {
        var start = Time.GetUtcNow();
        var task = action();
        for (var i = 0; i < 100_000 && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(1));
            if (!task.IsCompleted)
            {
                Time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }
        }

        return (await task, Time.GetUtcNow() - start);
    }

    public async Task<TimeSpan> RunWithClockAsync(Func<Task> action, TimeSpan? step = null)
    {
        var (_, elapsed) = await RunWithClockAsync(async () =>
        {
            await action();
            return 0;
        }, step);
        return elapsed;
    }

    public string AllLogText() => string.Join("\n", Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));

    public void Dispose()
    {
        _services.Dispose();
        Http.Dispose();
    }
}
