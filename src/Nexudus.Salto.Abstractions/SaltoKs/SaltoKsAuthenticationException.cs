namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// No usable SALTO KS access token: the identity server refused the credentials or the refresh token
/// (e.g. <c>invalid_grant</c>), none are configured, or the API answered 401 even to a renewed token.
/// </summary>
/// <remarks>
/// Retrying does not help: an operator has to fix the credentials or sign in again (authorization-code
/// login) and store the new refresh token. The message never contains the credentials or tokens.
/// </remarks>
public sealed class SaltoKsAuthenticationException : SaltoKsApiException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SaltoKsAuthenticationException()
        : base("SALTO KS did not accept the credentials.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    public SaltoKsAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public SaltoKsAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing a refused token request or a 401 response.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="status">The HTTP status code, or 0 when no request was made.</param>
    /// <param name="errorCode">The OAuth <c>error</c> or the service's <c>ErrorCode</c>, if any.</param>
    /// <param name="serviceMessage">The service's own description, redacted, if any.</param>
    /// <param name="bodyExcerpt">The start of the response body, redacted, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SaltoKsAuthenticationException(
        string message,
        int status,
        string? errorCode,
        string? serviceMessage,
        string? bodyExcerpt,
        Exception? innerException = null)
        : base(message, status, errorCode, serviceMessage, bodyExcerpt, innerException)
    {
    }
}
