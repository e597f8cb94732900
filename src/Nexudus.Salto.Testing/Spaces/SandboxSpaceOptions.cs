namespace Nexudus.Salto.Testing;

/// <summary>
/// The size and shape of a space <see cref="SandboxSpaceGenerator"/> generates. The defaults are the call-cost
/// harness's space: 5,000 customers, 20,000 passes, 2,000 contracts, 1,000 bookings and 30 linked groups.
/// </summary>
public sealed record SandboxSpaceOptions
{
    /// <summary>Gets the seed; the same seed and sizes give the same space, record for record.</summary>
    /// <value>20250304 by default.</value>
    public int Seed { get; init; } = 20250304;

    /// <summary>Gets how many customers to generate (about 92 % active, the rest archived or suspended).</summary>
    /// <value>5,000 by default.</value>
    public int Customers { get; init; } = 5000;

    /// <summary>Gets how many passes customers hold (a mix of unused, used, expiring and expired).</summary>
    /// <value>20,000 by default.</value>
    public int Passes { get; init; } = 20000;

    /// <summary>Gets how many contracts to generate, each on one floor-plan desk, with about one team per 15 contracts.</summary>
    /// <value>2,000 by default; at most <see cref="Customers"/>.</value>
    public int Contracts { get; init; } = 2000;

    /// <summary>Gets how many bookings to generate, within 20 days either side of now.</summary>
    /// <value>1,000 by default.</value>
    public int Bookings { get; init; } = 1000;

    /// <summary>Gets how many SALTO access groups are linked: a third to passes, a sixth to resources, the rest to desks.</summary>
    /// <value>30 by default; at least 3.</value>
    public int Groups { get; init; } = 30;

    /// <summary>Gets the share of customers who already have a SALTO user with their e-mail (matched, not created).</summary>
    /// <value>0.25 by default.</value>
    public double ExistingSaltoUserShare { get; init; } = 0.25;

    /// <summary>Gets the SALTO site id.</summary>
    /// <value>A fixed UUID by default.</value>
    public string SiteId { get; init; } = "5a17e000-0000-4000-8000-000000000001";

    /// <summary>
    /// Gets the domain of the customers' e-mail addresses. Spaces generated into one Nexudus sandbox need a domain each:
    /// a Nexudus account sees every location's customers, and the sync refuses to match an e-mail two customers share.
    /// </summary>
    /// <value><c>generated.example</c> by default.</value>
    public string EmailDomain { get; init; } = "generated.example";

    /// <summary>Gets the location's time zone.</summary>
    /// <value><see langword="null"/> by default: Europe/London.</value>
    public TimeZoneInfo? TimeZone { get; init; }
}
