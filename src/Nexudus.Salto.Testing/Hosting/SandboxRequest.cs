namespace Nexudus.Salto.Testing;

/// <summary>
/// One request a sandbox served, as kept in its <see cref="SandboxRequestLog"/>.
/// </summary>
/// <remarks>
/// Headers and bodies are not kept, so credentials, tokens and personal data never end up in a
/// test's output.
/// </remarks>
public sealed record SandboxRequest
{
    /// <summary>Gets when the sandbox received the request, by the sandbox's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the HTTP method, upper case (<c>GET</c>, <c>POST</c>, …).</summary>
    public required string Method { get; init; }

    /// <summary>Gets the request path, for example <c>/api/spaces/coworkers/1414000001</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the query string including its leading <c>?</c>, or an empty string.</summary>
    public required string Query { get; init; }

    /// <summary>
    /// Gets the route the request matched, as method and path template, for example
    /// <c>GET /api/spaces/coworkers/{id}</c>; counters are kept per route.
    /// </summary>
    public required string Route { get; init; }

    /// <summary>Gets the HTTP status sent back; 0 when the connection was dropped on purpose.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Gets whether the request changes data (POST, PUT, PATCH or DELETE on an entity route).</summary>
    public bool IsWrite { get; init; }

    /// <summary>Gets whether the sandbox answered with its throttling response (rate limit or injected).</summary>
    public bool Throttled { get; init; }

    /// <summary>Gets the injected fault applied to this request, if any.</summary>
    public SandboxFaultKind? Fault { get; init; }
}
