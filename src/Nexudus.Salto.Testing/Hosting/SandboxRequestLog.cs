namespace Nexudus.Salto.Testing;

/// <summary>
/// The requests a sandbox served and counters over them, for assertions ("the sync made no
/// writes") and for measuring what a flow costs in calls.
/// </summary>
/// <remarks>Thread-safe: the sandbox records from many requests at once while a test reads.</remarks>
public sealed class SandboxRequestLog
{
    private readonly object _gate = new();
    private readonly List<SandboxRequest> _entries = [];
    private readonly Dictionary<string, int> _callsPerRoute = new(StringComparer.Ordinal);
    private int _writes;
    private int _throttles;

    internal SandboxRequestLog()
    {
    }

    /// <summary>Gets a snapshot of every request recorded since the start or the last <see cref="Reset"/>, oldest first.</summary>
    public IReadOnlyList<SandboxRequest> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Gets how many requests were recorded.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Gets how many writes (POST, PUT, PATCH, DELETE on entity routes) were recorded, whatever their outcome.</summary>
    public int Writes
    {
        get
        {
            lock (_gate)
            {
                return _writes;
            }
        }
    }

    /// <summary>Gets how many throttling responses were served, from rate limits or injected faults.</summary>
    public int ThrottlesServed
    {
        get
        {
            lock (_gate)
            {
                return _throttles;
            }
        }
    }

    /// <summary>Gets a snapshot of the number of calls per route (for example <c>GET /api/spaces/coworkers</c>).</summary>
    public IReadOnlyDictionary<string, int> CallsPerRoute
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_callsPerRoute, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Gets how many calls matched a route.</summary>
    /// <param name="route">The route as <see cref="SandboxRequest.Route"/> spells it, for example <c>GET /api/spaces/coworkers/{id}</c>.</param>
    /// <returns>The number of calls; zero for a route never called.</returns>
    public int CallsTo(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        lock (_gate)
        {
            return _callsPerRoute.GetValueOrDefault(route);
        }
    }

    /// <summary>Forgets every request and sets every counter back to zero, for example after seeding or warming up.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _entries.Clear();
            _callsPerRoute.Clear();
            _writes = 0;
            _throttles = 0;
        }
    }

    internal void Record(SandboxRequest request)
    {
        lock (_gate)
        {
            _entries.Add(request);
            _callsPerRoute[request.Route] = _callsPerRoute.GetValueOrDefault(request.Route) + 1;
            if (request.IsWrite)
            {
                _writes++;
            }

            if (request.Throttled)
            {
                _throttles++;
            }
        }
    }
}
