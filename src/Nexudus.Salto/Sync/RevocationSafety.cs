namespace Nexudus.Salto.Sync;

/// <summary>
/// The limits of the revocation guard (<c>SaltoIntegration:Safety</c>): above them a run's
/// removals are held while its additions still apply.
/// </summary>
public sealed record RevocationSafety
{
    /// <summary>The default <see cref="MaxRevocations"/>: 25.</summary>
    public const int DefaultMaxRevocations = 25;

    /// <summary>The default <see cref="MaxRevocationPercent"/>: 20.</summary>
    public const double DefaultMaxRevocationPercent = 20;

    /// <summary>Gets the most removals one run may make, across all sites.</summary>
    /// <value>25 by default; zero holds every removal.</value>
    public int MaxRevocations { get; init; } = DefaultMaxRevocations;

    /// <summary>
    /// Gets the largest share of a site's managed memberships (the members of its managed groups before the
    /// run) one run may remove, in percent.
    /// </summary>
    /// <value>20 by default. Small sites trip it easily (one removal of four members is 25 %); use the override then.</value>
    public double MaxRevocationPercent { get; init; } = DefaultMaxRevocationPercent;
}
