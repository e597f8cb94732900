using System.Net.Sockets;
using System.Security.Authentication;

namespace Nexudus.Salto.Diagnostics;

/// <summary>
/// Tells the network failures retrying cannot fix (a host name that does not resolve, a refused connection, a TLS
/// handshake that fails, as on a bad certificate) from the ones it may (a dropped connection), and names them.
/// </summary>
internal static class NetworkFailure
{
    /// <summary>Whether retrying <paramref name="exception"/> within one call is pointless: the call fails at once.</summary>
    /// <param name="exception">What the attempt threw.</param>
    /// <returns><see langword="true"/> for DNS, refused and TLS failures.</returns>
    public static bool IsPermanent(Exception? exception) => Cause(exception) is not null;

    /// <summary>The failure in words an operator can act on, or <see langword="null"/> when it is not a permanent one.</summary>
    /// <param name="exception">What the attempt threw.</param>
    /// <returns>A short description.</returns>
    public static string? Cause(Exception? exception)
    {
        if (exception is not HttpRequestException http)
        {
            return null;
        }

        for (Exception? inner = http; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "the connection was refused (nothing listens at that address and port)";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "the host name could not be resolved (DNS)";
                case AuthenticationException:
                    return "the TLS handshake failed (check the server's certificate and the URL)";
            }
        }

        return http.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name could not be resolved (DNS)",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed (check the server's certificate and the URL)",
            _ => null,
        };
    }
}
