namespace Nexudus.Salto.SaltoKs;

/// <summary>Per-request markers the client sets for the handlers below it.</summary>
internal static class SaltoKsRequestOptions
{
    /// <summary>
    /// Marks a request that must not be retried by the resilience pipeline because repeating it could create a
    /// second object (POST of a user, group or schedule). The client recovers from those by looking up instead.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NotRetryable = new("Nexudus.Salto.SaltoKs.NotRetryable");

    public static bool IsNotRetryable(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(NotRetryable, out bool value) && value;
}
