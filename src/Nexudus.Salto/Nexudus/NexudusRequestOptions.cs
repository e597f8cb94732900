namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Per-request facts the handlers and the resilience pipeline share through
/// <see cref="HttpRequestMessage.Options"/>.
/// </summary>
internal static class NexudusRequestOptions
{
    /// <summary>
    /// Whether the request may be repeated after an outcome that leaves it unknown whether the
    /// service processed it (a timeout, a dropped connection, a 5xx). Reads and the idempotent
    /// PUT/DELETE may; a POST that creates a record may not.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRepeat = new("Nexudus.SafeToRepeat");

    /// <summary>Set when the request has passed the rate limiter and is handed to the network.</summary>
    public static readonly HttpRequestOptionsKey<bool> Dispatched = new("Nexudus.Dispatched");

    /// <summary>
    /// Marks a call the next one must wait for (its response, plus the interval) instead of allowing for transit skew:
    /// a token request, which opens its own connection and which every other call waits for anyway.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> PacedByResponse = new("Nexudus.PacedByResponse");

    /// <summary>The method and path for logs and errors, without the query string.</summary>
    public static readonly HttpRequestOptionsKey<string> Endpoint = new("Nexudus.Endpoint");

    public static bool IsSafeToRepeat(HttpRequestMessage request) =>
        request.Options.TryGetValue(SafeToRepeat, out var safe)
            ? safe
            : request.Method == HttpMethod.Get || request.Method == HttpMethod.Head ||
              request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete;

    public static bool WasDispatched(HttpRequestMessage request) =>
        request.Options.TryGetValue(Dispatched, out var dispatched) && dispatched;

    public static string GetEndpoint(HttpRequestMessage request) =>
        request.Options.TryGetValue(Endpoint, out var endpoint)
            ? endpoint
            : $"{request.Method} {request.RequestUri?.AbsolutePath}";
}
