namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Nexudus rejected a write: HTTP 400 with validation errors, or a reply whose
/// <see cref="NexudusWriteResult.WasSuccessful"/> is <see langword="false"/> even with HTTP 200
/// (check-ins can fail business rules that way).
/// </summary>
/// <remarks>
/// <see cref="NexudusApiException.Errors"/> holds every <c>PropertyName</c>/<c>Message</c> pair;
/// attempted values of secret fields (passwords, PINs, card numbers) are removed.
/// </remarks>
public sealed class NexudusValidationException : NexudusApiException
{
    /// <summary>Initializes a new instance of the <see cref="NexudusValidationException"/> class.</summary>
    public NexudusValidationException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusValidationException"/> class with a message.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    public NexudusValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusValidationException"/> class with a message and a cause.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public NexudusValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusValidationException"/> class with every detail.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="status">The HTTP status code (400, or 200 for a write answered with <c>WasSuccessful: false</c>).</param>
    /// <param name="endpoint">The method and path called.</param>
    /// <param name="bodyExcerpt">The start of the response body, already redacted.</param>
    /// <param name="errors">The validation errors the service returned.</param>
    public NexudusValidationException(
        string message,
        int status,
        string? endpoint,
        string? bodyExcerpt,
        IReadOnlyList<NexudusValidationError>? errors)
        : base(message, status, endpoint, errorCode: null, bodyExcerpt, errors, innerException: null)
    {
    }
}
