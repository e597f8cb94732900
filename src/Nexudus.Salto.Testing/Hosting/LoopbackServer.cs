using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Nexudus.Salto.Testing;

/// <summary>
/// A Kestrel server bound to an ephemeral port on 127.0.0.1, shared by the sandboxes.
/// </summary>
/// <remarks>
/// Built on <see cref="WebApplication.CreateEmptyBuilder"/> so nothing from the machine leaks in:
/// no <c>ASPNETCORE_*</c> variables, no appsettings files, no console logging. Port 0 lets the
/// operating system pick a free port, so parallel tests never collide.
/// </remarks>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Gets the root URL the server answers on, with a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Builds, configures and starts a server.</summary>
    /// <param name="configureServices">Adds services the pipeline needs.</param>
    /// <param name="configurePipeline">Adds middleware and endpoints.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The running server.</returns>
    public static async Task<LoopbackServer> StartAsync(
        Action<IServiceCollection> configureServices,
        Action<WebApplication> configurePipeline,
        CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        configureServices(builder.Services);

        WebApplication app = builder.Build();
        try
        {
            configurePipeline(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            string address = app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var baseUrl = new Uri(address.TrimEnd('/') + "/", UriKind.Absolute);
            return new LoopbackServer(app, baseUrl);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
