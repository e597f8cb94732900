namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Nexudus refused the call because its rate limits were exceeded, and the client's own retries
/// did not get through in time.
/// </summary>
/// <remarks>
/// Nexudus signals throttling with HTTP <b>409</b> (not 429) and a <c>Retry-After</c> header; a 409
/// from Nexudus never means a write conflict. The client already waits and retries, so seeing this
/// exception means the limits stayed exceeded: wait at least <see cref="RetryAfter"/> before trying again.
/// </remarks>
public sealed class NexudusThrottledException : NexudusApiException
{
    /// <summary>Initializes a new instance of the <see cref="NexudusThrottledException"/> class.</summary>
    public NexudusThrottledException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusThrottledException"/> class with a message.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    public NexudusThrottledException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusThrottledException"/> class with a message and a cause.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public NexudusThrottledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusThrottledException"/> class with every detail.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="status">The HTTP status code (409 from Nexudus; 429 is treated the same way).</param>
    /// <param name="endpoint">The method and path called.</param>
    /// <param name="retryAfter">How long the service asked to wait, if it said.</param>
    /// <param name="bodyExcerpt">The start of the response body, already redacted.</param>
    public NexudusThrottledException(string message, int status, string? endpoint, TimeSpan? retryAfter, string? bodyExcerpt)
        : base(message, status, endpoint, errorCode: null, bodyExcerpt, errors: null, innerException: null)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Gets how long the service asked to wait before the next call.</summary>
    /// <value><see langword="null"/> when the response had no usable <c>Retry-After</c> header.</value>
    public TimeSpan? RetryAfter { get; }
}
