namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Nexudus did not accept the credentials: the token endpoint refused the password or refresh
/// grant (for example <c>invalid_grant</c>), or a call was answered 401/403 even after a new token.
/// </summary>
/// <remarks>
/// Check <c>Nexudus:Username</c>, <c>Nexudus:Password</c>, the TOTP provider and the roles of the
/// Nexudus user. The message never contains the password, the TOTP code or any token.
/// </remarks>
public sealed class NexudusAuthenticationException : NexudusApiException
{
    /// <summary>Initializes a new instance of the <see cref="NexudusAuthenticationException"/> class.</summary>
    public NexudusAuthenticationException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusAuthenticationException"/> class with a message.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    public NexudusAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusAuthenticationException"/> class with a message and a cause.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public NexudusAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusAuthenticationException"/> class with every detail.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="status">The HTTP status code (400 from the token endpoint, 401 or 403 elsewhere).</param>
    /// <param name="endpoint">The method and path called.</param>
    /// <param name="errorCode">The OAuth <c>error</c>, such as <c>invalid_grant</c>, if any.</param>
    /// <param name="bodyExcerpt">The start of the response body, already redacted.</param>
    public NexudusAuthenticationException(string message, int status, string? endpoint, string? errorCode, string? bodyExcerpt)
        : base(message, status, endpoint, errorCode, bodyExcerpt, errors: null, innerException: null)
    {
    }
}
