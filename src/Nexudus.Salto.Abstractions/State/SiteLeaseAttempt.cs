namespace Nexudus.Salto.State;

/// <summary>What came of an attempt to take a <see cref="SiteLease"/>.</summary>
public sealed record SiteLeaseAttempt
{
    /// <summary>Gets the lease, when it was taken.</summary>
    /// <value>The lease, or <see langword="null"/> when another process holds the site.</value>
    public SiteLease? Lease { get; init; }

    /// <summary>Gets the other process's lease, when the site is held by another process.</summary>
    /// <value>The holder's lease (who, and until when), or <see langword="null"/> when the lease was taken.</value>
    public SiteLease? HeldByOther { get; init; }
}
