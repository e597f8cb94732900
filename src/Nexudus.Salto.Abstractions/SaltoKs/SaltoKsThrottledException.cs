namespace Nexudus.Salto.SaltoKs;

/// <summary>SALTO KS answered 429 (too many requests) and the client's retries were used up.</summary>
/// <remarks>
/// The client retries 429 after <c>Retry-After</c> (or a jittered back-off) before throwing this; a caller
/// that catches it should wait at least <see cref="RetryAfter"/> before calling again.
/// </remarks>
public sealed class SaltoKsThrottledException : SaltoKsApiException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SaltoKsThrottledException()
        : base("SALTO KS throttled the request.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    public SaltoKsThrottledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public SaltoKsThrottledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing a 429 response.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="status">The HTTP status code (429).</param>
    /// <param name="errorCode">The service's <c>ErrorCode</c>, if any.</param>
    /// <param name="serviceMessage">The service's own description, redacted, if any.</param>
    /// <param name="bodyExcerpt">The start of the response body, redacted, if any.</param>
    /// <param name="retryAfter">How long the service asked to wait (<c>Retry-After</c>), if it said.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SaltoKsThrottledException(
        string message,
        int status,
        string? errorCode,
        string? serviceMessage,
        string? bodyExcerpt,
        TimeSpan? retryAfter,
        Exception? innerException = null)
        : base(message, status, errorCode, serviceMessage, bodyExcerpt, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Gets how long the service asked to wait before the next call.</summary>
    /// <value><see langword="null"/> when the response had no <c>Retry-After</c>.</value>
    public TimeSpan? RetryAfter { get; }
}
