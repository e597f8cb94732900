using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.SaltoKs;
using RichardSzalay.MockHttp;

using Nexudus.Salto.Tests.Support;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>
/// The SALTO KS client as <c>AddSaltoKsClient</c> registers it (token handler, resilience, identity client), with
/// MockHttp as the primary handler of both HTTP clients, a <see cref="FakeTimeProvider"/> and fake logging.
/// </summary>
internal sealed class SaltoKsTestHost : IDisposable
{
    public const string Api = "https://connect.test";
    public const string Identity = "https://identity.test";
    public const string TokenEndpoint = Identity + "/connect/token";
    public const string ClientSecret = "client-secret-S3cr3t";
    public const string Password = "pa55word-S3cr3t";
    public const string AccessToken = "access-token-1";

    public SaltoKsTestHost(Action<SaltoKsClientOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddFakeLogging();
        services?.Invoke(collection);
        collection.AddSaltoKsClient(o =>
            {
                o.BaseUrl = new Uri(Api);
                o.IdentityUrl = new Uri(Identity);
                o.ClientId = "nexudus-sync";
                o.ClientSecret = ClientSecret;
                o.Username = "integration@example.com";
                o.Password = Password;
                o.RetryBaseDelay = TimeSpan.Zero;
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => Http);
        collection.AddHttpClient(SaltoKsHttpClientNames.Identity).ConfigurePrimaryHttpMessageHandler(() => Http);
        Services = collection.BuildServiceProvider();
    }

    public MockHttpMessageHandler Http { get; } = new(BackendDefinitionBehavior.Always);

    public ObservedFakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public ISaltoKsClient Client => Services.GetRequiredService<ISaltoKsClient>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>Answers every token request with <see cref="AccessToken"/>.</summary>
    public MockedRequest AcceptTokenRequests(int expiresIn = 3600) =>
        Http.When(HttpMethod.Post, TokenEndpoint).Respond("application/json", TokenJson(AccessToken, expiresIn, "refresh-token-1"));

    public static string TokenJson(string accessToken, int? expiresIn, string? refreshToken) =>
        $$"""{"access_token":"{{accessToken}}","token_type":"Bearer"{{(expiresIn is { } e ? $",\"expires_in\":{e}" : "")}}{{(refreshToken is null ? "" : $",\"refresh_token\":\"{refreshToken}\"")}},"scope":"user_api.full_access offline_access"}""";

    /// <summary>An API request as the client must send it: method, URL, bearer token and Accept header.</summary>
    public MockedRequest ExpectApi(HttpMethod method, string pathAndQuery) =>
        Http.Expect(method, Api + pathAndQuery)
            .WithHeaders("Authorization", "Bearer " + AccessToken)
            .WithHeaders("Accept", "application/json");

    /// <summary>Like <see cref="ExpectApi"/>, for a request with a JSON body that must match exactly.</summary>
    public MockedRequest ExpectApiJson(HttpMethod method, string pathAndQuery, string json) =>
        ExpectApi(method, pathAndQuery)
            .WithHeaders("Content-Type", "application/json; charset=utf-8")
            .WithContent(json);

    public static HttpResponseMessage Error(HttpStatusCode status, string? body = null)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return response;
    }

    /// <summary>
    /// Waits for a call that sleeps on the fake clock (retry delays, post-create waits), moving the clock on in
    /// steps until the call completes. Fails rather than hangs if it never does.
    /// </summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> call, TimeSpan? step = null)
    {
        for (int i = 0; i < 2000 && !call.IsCompleted; i++)
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

    /// <summary>
    /// Moves the clock by <paramref name="delay"/> each time the call starts a delay of exactly that length, and only
    /// then, so a busy machine cannot let time pass while the call is still working (which would shorten a retry
    /// window by however many steps slipped in).
    /// </summary>
    public async Task<T> AdvanceThroughDelaysAsync<T>(Task<T> call, TimeSpan delay)
    {
        var seen = 0;
        for (var i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            var started = Time.DueTimes.Count(d => d == delay);
            for (var wait = 0; wait < 2500 && started <= seen && !call.IsCompleted; wait++)
            {
                await Task.WhenAny(call, Task.Delay(2));
                started = Time.DueTimes.Count(d => d == delay);
            }

            if (!call.IsCompleted)
            {
                seen = started;
                Time.Advance(delay);
            }
        }

        Assert.True(call.IsCompleted, "The call did not complete while the fake clock moved on.");
        return await call;
    }

    public Task AdvanceUntilDoneAsync(Task call, TimeSpan? step = null) =>
        AdvanceUntilDoneAsync(call.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step);

    public void Dispose()
    {
        Services.Dispose();
        Http.Dispose();
    }
}
