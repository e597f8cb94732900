namespace Nexudus.Salto.Testing;

/// <summary>A snapshot of a sandbox's call counters, taken by <see cref="SandboxRequestLog.GetCounters"/>.</summary>
public sealed record SandboxCounters
{
    /// <summary>Gets the number of requests served (including token requests and failed ones).</summary>
    public int Requests { get; init; }

    /// <summary>Gets the number of writes to the emulated API (see <see cref="SandboxRequest.IsWrite"/>).</summary>
    public int Writes { get; init; }

    /// <summary>Gets the number of throttling answers served (a status with <c>Retry-After</c>).</summary>
    public int ThrottlesServed { get; init; }

    /// <summary>Gets the number of requests into which a fault was injected.</summary>
    public int FaultsInjected { get; init; }

    /// <summary>
    /// Gets the number of requests per route, keyed by method and route template,
    /// e.g. <c>PATCH /v1.1/sites/{site_id}/access_groups/{access_group_id}/users</c>.
    /// </summary>
    /// <value>Empty when nothing was served.</value>
    public IReadOnlyDictionary<string, int> CallsPerRoute { get; init => field = value ?? new Dictionary<string, int>(); } =
        new Dictionary<string, int>();
}
