namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// Turns off automatic redirects on the clients' primary handler: every call carries credentials (a password grant,
/// a client secret, a bearer token), and a redirect, to another host or to plain http, would hand them over. A 3xx
/// answer is reported as the failure it is.
/// </summary>
internal static class NoRedirects
{
    /// <summary>Configures the standard handlers; a handler of the application's own is left as it is.</summary>
    /// <param name="handler">The primary handler.</param>
    /// <param name="services">Unused.</param>
    public static void Configure(HttpMessageHandler handler, IServiceProvider services)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }
}
