using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nexudus.Salto.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

public sealed class SaltoKsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSaltoKsClient_Always_ResolvesClientAndDefaults()
    {
        using ServiceProvider services = new ServiceCollection()
            .AddSaltoKsClient(o => o.ClientId = "c").Services
            .BuildServiceProvider();

        Assert.IsType<SaltoKsClient>(services.GetRequiredService<ISaltoKsClient>());
        Assert.IsType<InMemorySaltoKsTokenStore>(services.GetRequiredService<ISaltoKsTokenStore>());
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddSaltoKsClient_OwnServicesRegisteredFirst_KeepsThem()
    {
        var store = new InMemorySaltoKsTokenStore();
        var provider = new StaticTokenProvider();
        using ServiceProvider services = new ServiceCollection()
            .AddSingleton<ISaltoKsTokenStore>(store)
            .AddSingleton<ISaltoKsTokenProvider>(provider)
            .AddSaltoKsClient(_ => { }).Services
            .BuildServiceProvider();

        Assert.Same(store, services.GetRequiredService<ISaltoKsTokenStore>());
        Assert.Same(provider, services.GetRequiredService<ISaltoKsTokenProvider>());
    }

    [Fact]
    public async Task AddSaltoKsClient_CustomTokenProvider_IsUsedWithoutIdentityServer()
    {
        using var http = new MockHttpMessageHandler();
        http.Expect(HttpMethod.Get, "https://connect.test/v1.2/sites/s1").WithHeaders("Authorization", "Bearer from-my-provider")
            .Respond("application/json", """{"id":"s1"}""");
        using ServiceProvider services = new ServiceCollection()
            .AddSingleton<ISaltoKsTokenProvider>(new StaticTokenProvider())
            .AddSaltoKsClient(o => o.BaseUrl = new Uri("https://connect.test"))
            .ConfigurePrimaryHttpMessageHandler(() => http).Services
            .BuildServiceProvider();

        await services.GetRequiredService<ISaltoKsClient>().GetSiteAsync("s1");

        http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AddSaltoKsClient_CalledTwice_AddsHandlersOnceAndAppliesBothConfigurations()
    {
        using var http = new MockHttpMessageHandler();
        MockedRequest api = http.When(HttpMethod.Get, "https://connect.test/v1.2/sites/s1").Respond(HttpStatusCode.Unauthorized);
        var collection = new ServiceCollection().AddSingleton<ISaltoKsTokenProvider>(new StaticTokenProvider());
        collection.AddSaltoKsClient(o => o.BaseUrl = new Uri("https://connect.test"));
        collection.AddSaltoKsClient(o => o.MaxRetryAttempts = 0).ConfigurePrimaryHttpMessageHandler(() => http);
        using ServiceProvider services = collection.BuildServiceProvider();

        await Assert.ThrowsAsync<SaltoKsAuthenticationException>(() => services.GetRequiredService<ISaltoKsClient>().GetSiteAsync("s1"));

        // One bearer handler: one 401 renewal, so two calls (two stacked handlers would make four).
        Assert.Equal(2, http.GetMatchCount(api));
        Assert.Equal(0, services.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value.MaxRetryAttempts);
    }

    [Fact]
    public void AddSaltoKsClient_InvalidOptions_FailValidationNamingTheKey()
    {
        using ServiceProvider services = new ServiceCollection()
            .AddSaltoKsClient(o => o.BaseUrl = new Uri("http://connect.my-clay.com")).Services
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value);

        Assert.Contains("SaltoKs:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    private sealed class StaticTokenProvider : ISaltoKsTokenProvider
    {
        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult("from-my-provider");

        public ValueTask<string> RenewAccessTokenAsync(string rejectedAccessToken, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult("from-my-provider");
    }
}
