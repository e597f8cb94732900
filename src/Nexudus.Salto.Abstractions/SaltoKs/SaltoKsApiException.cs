namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// SALTO KS Connect (or its identity server) answered with an error, or with a body that could not be read.
/// </summary>
/// <remarks>
/// Subclasses mark the cases callers branch on: <see cref="SaltoKsNotFoundException"/> (<c>2202</c> or 404),
/// <see cref="SaltoKsForbiddenException"/> (<c>2203</c> or 403), <see cref="SaltoKsInvalidFilterException"/>
/// (<c>1102</c>), <see cref="SaltoKsThrottledException"/> (429) and <see cref="SaltoKsAuthenticationException"/>
/// (the token was refused). Neither <see cref="Exception.Message"/> nor <see cref="BodyExcerpt"/> carries
/// tokens, secrets, passwords, PINs or tag numbers: the client redacts them before building the exception.
/// </remarks>
public class SaltoKsApiException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public SaltoKsApiException()
        : this("SALTO KS Connect reported an error.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    public SaltoKsApiException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public SaltoKsApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing a SALTO KS error response.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="status">The HTTP status code, or 0 when there was no response.</param>
    /// <param name="errorCode">The service's <c>ErrorCode</c> (or OAuth <c>error</c>), if any.</param>
    /// <param name="serviceMessage">The service's own description (<c>Message</c>), redacted, if any.</param>
    /// <param name="bodyExcerpt">The start of the response body, redacted, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SaltoKsApiException(
        string message,
        int status,
        string? errorCode,
        string? serviceMessage,
        string? bodyExcerpt,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>Gets the HTTP status code of the response.</summary>
    /// <value>0 when no response was read (for example a body that could not be parsed reports its status; a failure before any response reports 0).</value>
    public int Status { get; }

    /// <summary>Gets the service error code, e.g. <c>2202</c>; for the identity server, the OAuth <c>error</c>, e.g. <c>invalid_grant</c>.</summary>
    /// <value><see langword="null"/> when the body carried none.</value>
    public string? ErrorCode { get; }

    /// <summary>Gets the service's description of the error (<c>Message</c> or <c>error_description</c>), redacted.</summary>
    /// <value><see langword="null"/> when the body carried none.</value>
    public string? ServiceMessage { get; }

    /// <summary>Gets the start of the response body, with secret-looking values replaced by <c>***</c>.</summary>
    /// <value><see langword="null"/> when the body was empty.</value>
    public string? BodyExcerpt { get; }
}
