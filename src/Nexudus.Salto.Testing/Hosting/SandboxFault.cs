namespace Nexudus.Salto.Testing;

/// <summary>A failure a sandbox injects into a request; create one with the static methods.</summary>
/// <remarks>
/// Service-specific helpers build the error bodies each service really sends, e.g.
/// <see cref="SaltoKsFaults.Error(int, string, string)"/> for SALTO KS's <c>{ErrorCode, Message}</c>.
/// </remarks>
public sealed record SandboxFault
{
    private SandboxFault(SandboxFaultKind kind) => Kind = kind;

    /// <summary>Gets what the fault does.</summary>
    public SandboxFaultKind Kind { get; }

    /// <summary>Gets the status code sent (for <see cref="SandboxFaultKind.Response"/> and <see cref="SandboxFaultKind.Throttle"/>).</summary>
    public int StatusCode { get; init; }

    /// <summary>Gets the body sent, if any.</summary>
    public string? Body { get; init; }

    /// <summary>Gets the content type of <see cref="Body"/>.</summary>
    /// <value><c>application/json; charset=utf-8</c> unless set.</value>
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    /// <summary>Gets the delay before the request is served (for <see cref="SandboxFaultKind.Latency"/>).</summary>
    /// <value>Measured on the sandbox's <see cref="TimeProvider"/>, so a fake clock must be advanced.</value>
    public TimeSpan Delay { get; init; }

    /// <summary>Gets the <c>Retry-After</c> sent (for <see cref="SandboxFaultKind.Throttle"/>), in whole seconds.</summary>
    public TimeSpan RetryAfter { get; init; }

    /// <summary>Answers with a fixed status and body.</summary>
    /// <param name="statusCode">The HTTP status, e.g. 503.</param>
    /// <param name="body">The body, or <see langword="null"/> for none.</param>
    /// <param name="contentType">The body's content type.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Response(int statusCode, string? body = null, string contentType = "application/json; charset=utf-8")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new SandboxFault(SandboxFaultKind.Response) { StatusCode = statusCode, Body = body, ContentType = contentType };
    }

    /// <summary>
    /// Answers like a proxy or load balancer in trouble: a 5xx status with an HTML page, not JSON.
    /// </summary>
    /// <param name="statusCode">The HTTP status; 503 by default.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault HtmlError(int statusCode = 503) =>
        Response(
            statusCode,
            $"<!DOCTYPE html><html><head><title>{statusCode} Service Unavailable</title></head><body><h1>{statusCode}</h1><p>The server is temporarily unable to service your request.</p></body></html>",
            "text/html; charset=utf-8");

    /// <summary>Answers with a throttling status and a <c>Retry-After</c> header.</summary>
    /// <param name="statusCode">The status, e.g. 429.</param>
    /// <param name="retryAfter">The wait to announce; sent in whole seconds, rounded up.</param>
    /// <param name="body">The body, or <see langword="null"/> for none.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Throttle(int statusCode, TimeSpan retryAfter, string? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return new SandboxFault(SandboxFaultKind.Throttle) { StatusCode = statusCode, RetryAfter = retryAfter, Body = body };
    }

    /// <summary>Waits before serving the request normally.</summary>
    /// <param name="delay">The wait, on the sandbox's <see cref="TimeProvider"/>.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Latency(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new SandboxFault(SandboxFaultKind.Latency) { Delay = delay };
    }

    /// <summary>Aborts the connection without an answer, as a network failure would; the request is not served.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault DropConnection() => new(SandboxFaultKind.DropConnection);

    /// <summary>Serves the request, then sends only the first half of the body, so the JSON is cut off.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault MalformedBody() => new(SandboxFaultKind.MalformedBody);

    /// <summary>
    /// Serves the request (its changes happen), then aborts the connection without sending the answer, so the
    /// client cannot tell whether a create it sent took place.
    /// </summary>
    /// <returns>The fault.</returns>
    public static SandboxFault DropResponse() => new(SandboxFaultKind.DropResponse);
}
