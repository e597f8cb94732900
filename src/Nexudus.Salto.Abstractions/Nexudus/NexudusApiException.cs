namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A call to the Nexudus Spaces API failed: the service answered with an error, rejected a write,
/// or sent a response that could not be read.
/// </summary>
/// <remarks>
/// <para>
/// Subclasses exist where callers branch: <see cref="NexudusNotFoundException"/>,
/// <see cref="NexudusThrottledException"/>, <see cref="NexudusAuthenticationException"/> and
/// <see cref="NexudusValidationException"/>. Everything else (server errors, HTML pages,
/// malformed JSON) is a plain <see cref="NexudusApiException"/>.
/// </para>
/// <para>
/// <see cref="Exception.Message"/> and <see cref="BodyExcerpt"/> never carry passwords, tokens,
/// PINs or card numbers: they are redacted before the exception is built.
/// </para>
/// </remarks>
public class NexudusApiException : Exception
{
    private readonly IReadOnlyList<NexudusValidationError> _errors = [];

    /// <summary>Initializes a new instance of the <see cref="NexudusApiException"/> class.</summary>
    public NexudusApiException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusApiException"/> class with a message.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    public NexudusApiException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusApiException"/> class with a message and a cause.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public NexudusApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusApiException"/> class with every detail.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="status">The HTTP status code, or 0 when no response was read.</param>
    /// <param name="endpoint">The method and path called, for example <c>GET api/spaces/coworkers</c>.</param>
    /// <param name="errorCode">The service's error code (for example the OAuth <c>error</c>), if any.</param>
    /// <param name="bodyExcerpt">The start of the response body, already redacted.</param>
    /// <param name="errors">The validation errors the service returned, if any.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public NexudusApiException(
        string message,
        int status,
        string? endpoint,
        string? errorCode,
        string? bodyExcerpt,
        IReadOnlyList<NexudusValidationError>? errors,
        Exception? innerException)
        : base(message, innerException)
    {
        Status = status;
        Endpoint = endpoint;
        ErrorCode = errorCode;
        BodyExcerpt = bodyExcerpt;
        _errors = errors ?? [];
    }

    /// <summary>Gets the HTTP status code of the response.</summary>
    /// <value>0 when no response was read (for example a network failure).</value>
    public int Status { get; }

    /// <summary>Gets the method and path that failed, for example <c>GET api/spaces/coworkers</c>.</summary>
    /// <value>The query string is left out; <see langword="null"/> when unknown.</value>
    public string? Endpoint { get; }

    /// <summary>Gets the service's error code, such as the OAuth <c>error</c> (<c>invalid_grant</c>).</summary>
    /// <value><see langword="null"/> when the service sent none.</value>
    public string? ErrorCode { get; }

    /// <summary>Gets the start of the response body, with secret values redacted and HTML left out.</summary>
    /// <value><see langword="null"/> when there was no body.</value>
    public string? BodyExcerpt { get; }

    /// <summary>Gets every validation error (<c>PropertyName</c> and <c>Message</c>) the service returned.</summary>
    /// <value>Never <see langword="null"/>; empty when there were none.</value>
    public IReadOnlyList<NexudusValidationError> Errors => _errors;
}
