namespace Nexudus.Salto.Testing;

/// <summary>
/// Ends a sandbox request with a SALTO KS error: the status and <c>{ErrorCode, Message}</c> body.
/// Thrown by handlers (often from inside the state lock) and written by the endpoint wrapper.
/// </summary>
internal sealed class SaltoKsApiFailure : Exception
{
    public SaltoKsApiFailure()
        : this(500, "2201", "Internal error")
    {
    }

    public SaltoKsApiFailure(string message)
        : this(400, "1100", message)
    {
    }

    public SaltoKsApiFailure(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        ErrorCode = "1100";
    }

    public SaltoKsApiFailure(int statusCode, string errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public int StatusCode { get; }

    public string ErrorCode { get; }

    public static SaltoKsApiFailure NotFound(string message) => new(404, "2202", message);

    public static SaltoKsApiFailure UserNotFound() => NotFound("User not found");

    public static SaltoKsApiFailure InvalidParameter(string message) => new(400, "1101", message);

    /// <summary>403 <c>2212</c>: no valid subscription (the older reading of a create with every seat taken).</summary>
    public static SaltoKsApiFailure NoSubscription() => new(403, "2212", "No valid subscription for this feature");

    public static SaltoKsApiFailure RequestInvalid(string message = "Request invalid") => new(400, "1100", message);

    public static SaltoKsApiFailure InvalidFilter() => new(400, "1102", "The OData filter format is invalid");
}
