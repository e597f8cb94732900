namespace Nexudus.Salto.Testing;

/// <summary>One request a sandbox served, as kept in its <see cref="SandboxRequestLog"/>.</summary>
/// <remarks>
/// Headers and bodies are deliberately not kept: they carry tokens, client secrets and passwords.
/// </remarks>
public sealed record SandboxRequest
{
    /// <summary>Gets the HTTP method, e.g. <c>PATCH</c>.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the request path, e.g. <c>/v1.1/sites/7c0f…/access_groups/9a1e…/users</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the query string as received (percent-encoded), with its leading <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>
    /// Gets the route template that matched, e.g. <c>/v1.1/sites/{site_id}/access_groups/{access_group_id}/users</c>,
    /// or the path itself when no route matched.
    /// </summary>
    public required string Route { get; init; }

    /// <summary>Gets the status code sent.</summary>
    /// <value><see langword="null"/> when the connection was dropped on purpose by a fault.</value>
    public int? StatusCode { get; init; }

    /// <summary>Gets when the request arrived, on the sandbox's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets when the sandbox started its answer (or dropped the connection), on its <see cref="TimeProvider"/>.</summary>
    /// <value>The time the sandbox spent on the request is this less <see cref="Timestamp"/>.</value>
    public DateTimeOffset AnsweredAt { get; init; }

    /// <summary>Gets whether the request was a write to the emulated API (not a read and not a token request).</summary>
    public bool IsWrite { get; init; }

    /// <summary>Gets whether the answer was a throttle: a status with a <c>Retry-After</c> header.</summary>
    public bool Throttled { get; init; }

    /// <summary>Gets the kind of fault injected into this request, if any.</summary>
    public SandboxFaultKind? Fault { get; init; }
}
