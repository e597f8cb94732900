namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The Nexudus record asked for does not exist (HTTP 404), or is not visible to the account used.
/// </summary>
public sealed class NexudusNotFoundException : NexudusApiException
{
    /// <summary>Initializes a new instance of the <see cref="NexudusNotFoundException"/> class.</summary>
    public NexudusNotFoundException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusNotFoundException"/> class with a message.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    public NexudusNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusNotFoundException"/> class with a message and a cause.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public NexudusNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NexudusNotFoundException"/> class with every detail.</summary>
    /// <param name="message">The message; it must not contain secrets.</param>
    /// <param name="endpoint">The method and path called.</param>
    /// <param name="bodyExcerpt">The start of the response body, already redacted.</param>
    public NexudusNotFoundException(string message, string? endpoint, string? bodyExcerpt)
        : base(message, 404, endpoint, errorCode: null, bodyExcerpt, errors: null, innerException: null)
    {
    }
}
