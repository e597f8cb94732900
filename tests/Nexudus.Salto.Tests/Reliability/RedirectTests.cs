using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Reliability;

/// <summary>Redirects are never followed: every call of both clients carries credentials.</summary>
public sealed class RedirectTests
{
    [Theory]
    [InlineData(NexudusClient.HttpClientName)]
    [InlineData(NexudusTokenSource.HttpClientName)]
    [InlineData(SaltoKsHttpClientNames.Api)]
    [InlineData(SaltoKsHttpClientNames.Identity)]
    public void PrimaryHandler_EveryClient_DoesNotFollowRedirects(string name)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddNexudusClient(o =>
        {
            o.BaseUrl = new Uri("https://spaces.nexudus.com/");
            o.Username = "admin@example.com";
            o.Password = "Pa55-w0rd-secret";
        });
        services.AddSaltoKsClient(o =>
        {
            o.ClientId = "client";
            o.ClientSecret = "client-secret";
            o.Username = "user@example.com";
            o.Password = "pa55word";
        });
        using var provider = services.BuildServiceProvider();
        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(sockets.AllowAutoRedirect);
    }
}
