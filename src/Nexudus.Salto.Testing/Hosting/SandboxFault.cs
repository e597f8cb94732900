namespace Nexudus.Salto.Testing;

/// <summary>
/// A failure a sandbox plays on matching requests; create one with the static factories and add
/// it through <see cref="SandboxFaults"/>.
/// </summary>
public sealed record SandboxFault
{
    private SandboxFault(SandboxFaultKind kind)
    {
        Kind = kind;
    }

    /// <summary>Gets what the fault does.</summary>
    public SandboxFaultKind Kind { get; init; }

    /// <summary>Gets the status code of a <see cref="SandboxFaultKind.Status"/> fault.</summary>
    public int StatusCode { get; init; }

    /// <summary>Gets the body of a <see cref="SandboxFaultKind.Status"/> fault.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Gets the content type of a <see cref="SandboxFaultKind.Status"/> fault.</summary>
    public string ContentType { get; init; } = "text/html; charset=utf-8";

    /// <summary>Gets the wait of a <see cref="SandboxFaultKind.Latency"/> fault.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Gets the <c>Retry-After</c> of a <see cref="SandboxFaultKind.Throttle"/> fault.</summary>
    public TimeSpan RetryAfter { get; init; }

    /// <summary>
    /// Answers with <paramref name="statusCode"/> instead of handling the request.
    /// </summary>
    /// <param name="statusCode">The HTTP status, for example 500 or 503.</param>
    /// <param name="body">The body; by default a small HTML error page, as a failing web server sends.</param>
    /// <param name="contentType">The content type of <paramref name="body"/>.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Status(int statusCode, string? body = null, string contentType = "text/html; charset=utf-8")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return new SandboxFault(SandboxFaultKind.Status)
        {
            StatusCode = statusCode,
            Body = body ?? $"<!DOCTYPE html><html><head><title>{statusCode}</title></head><body><h1>Server Error ({statusCode})</h1></body></html>",
            ContentType = contentType,
        };
    }

    /// <summary>Answers with the service's throttling response (Nexudus: 409) and <c>Retry-After</c>.</summary>
    /// <param name="retryAfter">The wait to announce; rounded up to whole seconds on the wire. Default one second.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Throttle(TimeSpan? retryAfter = null)
    {
        var wait = retryAfter ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        return new SandboxFault(SandboxFaultKind.Throttle) { RetryAfter = wait };
    }

    /// <summary>Waits <paramref name="delay"/> (on the sandbox's <see cref="TimeProvider"/>) before handling the request.</summary>
    /// <param name="delay">The wait.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Latency(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new SandboxFault(SandboxFaultKind.Latency) { Delay = delay };
    }

    /// <summary>Aborts the connection without a response.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault DropConnection() => new(SandboxFaultKind.DropConnection);

    /// <summary>Handles the request, then sends only the first half of the body (truncated JSON).</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault MalformedBody() => new(SandboxFaultKind.MalformedBody);

    /// <summary>Expires every access token issued so far, then handles the request.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault ExpireToken() => new(SandboxFaultKind.ExpireToken);
}
