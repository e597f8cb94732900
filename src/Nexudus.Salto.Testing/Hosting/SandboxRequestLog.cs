namespace Nexudus.Salto.Testing;

/// <summary>
/// The requests a sandbox has served, in arrival order, for assertions and call-cost measurements.
/// Safe to read while the sandbox is serving.
/// </summary>
public sealed class SandboxRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<SandboxRequest> _requests = [];

    internal SandboxRequestLog()
    {
    }

    /// <summary>Gets a snapshot of the requests served so far.</summary>
    /// <returns>The requests, oldest first.</returns>
    public IReadOnlyList<SandboxRequest> GetRequests()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    /// <summary>Counts the requests whose method and path match.</summary>
    /// <param name="method">The HTTP method, e.g. <c>PATCH</c>; <see langword="null"/> for any.</param>
    /// <param name="pathPattern">
    /// A path in which <c>*</c> or a <c>{name}</c> placeholder stands for one segment and a trailing
    /// <c>**</c> for any rest, e.g. <c>/v1.1/sites/*/access_groups/{access_group_id}/users</c>.
    /// </param>
    /// <returns>The number of matching requests.</returns>
    public int Count(string? method, string pathPattern)
    {
        var pattern = SandboxPathPattern.Parse(pathPattern);
        lock (_gate)
        {
            return _requests.Count(r =>
                (method is null || string.Equals(method, r.Method, StringComparison.OrdinalIgnoreCase)) &&
                pattern.Matches(r.Path));
        }
    }

    /// <summary>Computes the counters over the requests served so far.</summary>
    /// <returns>A snapshot of the counters.</returns>
    public SandboxCounters GetCounters()
    {
        lock (_gate)
        {
            var perRoute = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (SandboxRequest request in _requests)
            {
                string key = request.Method + " " + request.Route;
                perRoute[key] = perRoute.GetValueOrDefault(key) + 1;
            }

            return new SandboxCounters
            {
                Requests = _requests.Count,
                Writes = _requests.Count(r => r.IsWrite),
                ThrottlesServed = _requests.Count(r => r.Throttled),
                FaultsInjected = _requests.Count(r => r.Fault is not null),
                CallsPerRoute = perRoute,
            };
        }
    }

    /// <summary>Forgets every request served so far, resetting the counters.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    internal void Add(SandboxRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}
