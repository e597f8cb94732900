using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Nexudus.Salto.Diagnostics;

/// <summary>What kind of network failure ended a call, as far as retrying is concerned.</summary>
internal enum NetworkFailureKind
{
    /// <summary>Not one of the kinds below (a dropped connection, a reset, a timeout): retried by the usual rules.</summary>
    Other,

    /// <summary>The host name could not be resolved: retrying in the next seconds cannot fix it.</summary>
    NameNotResolved,

    /// <summary>The TLS handshake failed (the certificate was rejected): retrying cannot fix it.</summary>
    TlsRejected,

    /// <summary>Nothing listened on the port: retried briefly (a restarting service), then reported.</summary>
    ConnectionRefused,
}

/// <summary>
/// Tells the failures that retrying cannot fix (a host name that does not resolve, a certificate the client
/// rejects) and a refused connection from the rest, and names each for an operator. Both clients' resilience
/// pipelines use it: the first two fail at once, a refused connection gets <see cref="RefusedRetries"/> quick
/// retries. The descriptions name the host and port only, never a path, a query or credentials.
/// </summary>
internal static class NetworkFailure
{
    /// <summary>How often a refused connection is tried again (a service restarting behind its port).</summary>
    public const int RefusedRetries = 2;

    /// <summary>How long a token source fails at once after its token endpoint was found unreachable.</summary>
    public static readonly TimeSpan UnreachableTokenHold = TimeSpan.FromSeconds(30);

    /// <summary>The wait before the retry of a refused connection numbered <paramref name="attempt"/> (from 0).</summary>
    public static TimeSpan RefusedRetryDelay(int attempt) => TimeSpan.FromMilliseconds(500 * (attempt + 1));

    /// <summary>Classifies an exception from sending a request (an <see cref="HttpRequestException"/> or one wrapping it).</summary>
    public static NetworkFailureKind Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return NetworkFailureKind.NameNotResolved;
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                case AuthenticationException:
                    return NetworkFailureKind.TlsRejected;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return NetworkFailureKind.ConnectionRefused;
            }
        }

        return NetworkFailureKind.Other;
    }

    /// <summary>Whether retrying cannot help: the name does not resolve or the certificate is rejected.</summary>
    public static bool IsPermanent(NetworkFailureKind kind) => kind is NetworkFailureKind.NameNotResolved or NetworkFailureKind.TlsRejected;

    /// <summary>Whether the service cannot be reached at all (a permanent failure or a refused connection).</summary>
    public static bool IsUnreachable(Exception? exception) => Classify(exception) is not NetworkFailureKind.Other;

    /// <summary>
    /// The cause in words ("could not resolve host nosuchhost.invalid", "TLS certificate rejected for
    /// 127.0.0.1:8443", "connection refused by 127.0.0.1:5000"), or <see langword="null"/> for any other failure.
    /// </summary>
    public static string? Describe(Exception? exception, Uri? uri)
    {
        var kind = Classify(exception);
        var host = uri is { IsAbsoluteUri: true } ? uri.Host : "the service";
        var endpoint = uri is { IsAbsoluteUri: true } ? string.Create(CultureInfo.InvariantCulture, $"{uri.Host}:{uri.Port}") : "the service";
        return kind switch
        {
            NetworkFailureKind.NameNotResolved => $"could not resolve host {host}",
            NetworkFailureKind.TlsRejected => $"TLS certificate rejected for {endpoint}{TlsDetail(exception)}",
            NetworkFailureKind.ConnectionRefused => $"connection refused by {endpoint}",
            _ => null,
        };
    }

    // The reason the certificate was rejected, when .NET says it ("the remote certificate is invalid because of
    // errors in the certificate chain: UntrustedRoot"). It names no secret: certificates are public.
    private static string TlsDetail(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException { Message.Length: > 0 } authentication)
            {
                return $" ({authentication.Message.TrimEnd('.')})";
            }
        }

        return string.Empty;
    }
}

/// <summary>
/// A token endpoint that could not be reached (name not resolved, certificate rejected, connection refused after its
/// short retries), thrown by a token source to the call that needed the token. The token's own pipeline already
/// retried what could be retried, so the call's pipeline does not retry it again.
/// </summary>
internal sealed class UnreachableTokenEndpointException : HttpRequestException
{
    public UnreachableTokenEndpointException(string message, HttpRequestException inner)
        : base(inner.HttpRequestError, message, inner)
    {
    }
}
