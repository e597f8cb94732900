namespace Nexudus.Salto.State;

/// <summary>
/// A time-limited lease on one SALTO site's work, held by one process of the integration: while it holds the lease,
/// no other process syncs the site. The holder renews it before it expires; another process takes it over once it
/// has expired, with a higher <see cref="FencingToken"/>.
/// </summary>
public sealed record SiteLease
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The leased site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets who holds the lease (a process's name, unique per run).</summary>
    /// <value>The holder name given when the lease was taken.</value>
    public required string Holder { get; init; }

    /// <summary>
    /// Gets the fencing token: a number that grows every time the lease changes hands. A batch carrying this lease
    /// (<see cref="SyncStateChanges.Leases"/>) is refused once a later holder took the lease over.
    /// </summary>
    /// <value>A positive number.</value>
    public required long FencingToken { get; init; }

    /// <summary>Gets when the lease expires unless it is renewed (by the database's clock).</summary>
    /// <value>A UTC instant.</value>
    public required DateTimeOffset ExpiresAt { get; init; }
}
