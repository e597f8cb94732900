namespace Nexudus.Salto.SaltoKs;

/// <summary>SALTO KS found no such resource: error code <c>2202</c> or HTTP 404.</summary>
/// <remarks>The caller can branch on it, e.g. treat a delete of something already gone as done. Right after a user is created, SALTO KS can answer <c>2202</c> for about a minute; the client retries that for a configured window before throwing.</remarks>
public sealed class SaltoKsNotFoundException : SaltoKsApiException
{
    /// <summary>Creates an exception with a default message.</summary>
    public SaltoKsNotFoundException()
        : base("SALTO KS found no such resource.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    public SaltoKsNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public SaltoKsNotFoundException(string message, Exception? innerException)
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
    public SaltoKsNotFoundException(
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
