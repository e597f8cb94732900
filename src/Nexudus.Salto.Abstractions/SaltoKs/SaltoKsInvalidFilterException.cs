namespace Nexudus.Salto.SaltoKs;

/// <summary>SALTO KS rejected the OData query: error code <c>1102</c>.</summary>
/// <remarks>Raised for an invalid <c>$filter</c> and also for an unknown <c>$orderby</c> field.</remarks>
public sealed class SaltoKsInvalidFilterException : SaltoKsApiException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SaltoKsInvalidFilterException()
        : base("SALTO KS rejected the OData query.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    public SaltoKsInvalidFilterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public SaltoKsInvalidFilterException(string message, Exception? innerException)
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
    public SaltoKsInvalidFilterException(
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
