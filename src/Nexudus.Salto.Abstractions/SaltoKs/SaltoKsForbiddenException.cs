namespace Nexudus.Salto.SaltoKs;

/// <summary>SALTO KS refused the operation: error code <c>2203</c> or HTTP 403.</summary>
/// <remarks>The KS user behind the token lacks the role for it, or (for about a minute after a user is created) SALTO KS has not caught up yet; the client retries the latter for a configured window before throwing.</remarks>
public sealed class SaltoKsForbiddenException : SaltoKsApiException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SaltoKsForbiddenException()
        : base("SALTO KS refused the operation.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    public SaltoKsForbiddenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public SaltoKsForbiddenException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing a SALTO KS error response.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="errorCode">The service's <c>ErrorCode</c>, if any.</param>
    /// <param name="serviceMessage">The service's own description, redacted, if any.</param>
    /// <param name="bodyExcerpt">The start of the response body, redacted, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SaltoKsForbiddenException(
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
