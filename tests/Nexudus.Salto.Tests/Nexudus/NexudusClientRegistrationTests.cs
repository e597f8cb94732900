using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusClientRegistrationTests
{
    [Fact]
    public void AddNexudusClient_CalledTwice_RegistersTheHandlersOnce()
    {
        var once = HandlerActionCount(s => s.AddNexudusClient(Valid));
        var twice = HandlerActionCount(s =>
        {
            s.AddNexudusClient(Valid);
            s.AddNexudusClient(o => o.PageSize = 100);
        });

        Assert.Equal(once, twice);
    }

    [Fact]
    public void AddNexudusClient_CalledTwice_AppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddNexudusClient(Valid);
        services.AddNexudusClient(o => o.PageSize = 100);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<NexudusClientOptions>>().Value;

        Assert.Equal(100, options.PageSize);
        Assert.Equal("admin@example.com", options.Username);
    }

    [Fact]
    public void AddNexudusClient_ValidOptions_ResolvesInterfaceAndConcreteClient()
    {
        var services = new ServiceCollection();
        services.AddNexudusClient(Valid);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<NexudusClient>(provider.GetRequiredService<INexudusClient>());
        Assert.NotNull(provider.GetRequiredService<NexudusClient>());
    }

    [Fact]
    public void AddNexudusClient_PlainHttpBaseUrl_FailsWhenTheClientIsBuilt()
    {
        var services = new ServiceCollection();
        services.AddNexudusClient(o =>
        {
            Valid(o);
            o.BaseUrl = new Uri("http://spaces.nexudus.com");
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<INexudusClient>());

        Assert.Contains("Nexudus:BaseUrl", error.Message);
    }

    [Fact]
    public void Validate_SeveralBadKeys_ListsEveryOneByFullPath()
    {
        var failures = NexudusClientOptionsValidator.GetFailures(
            new NexudusClientOptions { BaseUrl = new Uri("ftp://example.com"), PageSize = 0, AttemptTimeout = TimeSpan.FromMinutes(10) },
            "Nexudus");

        Assert.Equal(
            [
                "Nexudus:BaseUrl must use https (http is allowed only for loopback addresses).",
                "Nexudus:Username is required.",
                "Nexudus:Password is required.",
                "Nexudus:PageSize must be between 1 and 10000.",
                "Nexudus:AttemptTimeout must not be longer than Nexudus:TotalTimeout.",
            ],
            failures);
    }

    [Theory]
    [InlineData("https://spaces.nexudus.com")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080/nexudus/")]
    [InlineData("http://[::1]:5080")]
    public void Validate_HttpsOrLoopback_IsAccepted(string url)
    {
        var options = new NexudusClientOptions();
        Valid(options);
        options.BaseUrl = new Uri(url);

        Assert.Empty(NexudusClientOptionsValidator.GetFailures(options, "Nexudus"));
    }

    [Fact]
    public void Validate_Defaults_StateTheDocumentedLimits()
    {
        var options = new NexudusClientOptions();

        Assert.Equal(new Uri("https://spaces.nexudus.com"), options.BaseUrl);
        Assert.Equal(500, options.PageSize);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.MinRequestInterval);
        Assert.Equal(120, options.MaxRequestsPerMinute);
        Assert.Equal(60, options.MaxWritesPerMinute);
    }

    private static void Valid(NexudusClientOptions options)
    {
        options.BaseUrl = new Uri("https://spaces.nexudus.com");
        options.Username = "admin@example.com";
        options.Password = "secret";
    }

    private static int HandlerActionCount(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        using var provider = services.BuildServiceProvider();
        var factoryOptions = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(NexudusClient.HttpClientName);
        return factoryOptions.HttpMessageHandlerBuilderActions.Count + factoryOptions.HttpClientActions.Count;
    }
}
