using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>A SALTO KS user a sync run created (or would create) for an entitled customer.</summary>
public sealed record UserCreation
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the Nexudus customer id.</summary>
    /// <value>The customer.</value>
    public required long CustomerId { get; init; }

    /// <summary>Gets the new site user's id.</summary>
    /// <value>The site-user id, or <see langword="null"/> when not created.</value>
    public SiteUserId? SiteUserId { get; init; }

    /// <summary>Gets the new user's platform id, which group membership takes.</summary>
    /// <value>The platform user id, or <see langword="null"/> when not created.</value>
    public PlatformUserId? PlatformUserId { get; init; }

    /// <summary>Gets whether SALTO created the user now or found it already there (after an uncertain create).</summary>
    /// <value><see langword="true"/> when the SALTO invitation was sent by this run.</value>
    public bool InvitationSent { get; init; }

    /// <summary>Gets what became of the creation.</summary>
    /// <value><see cref="SyncChangeOutcome.Applied"/>, <see cref="SyncChangeOutcome.Planned"/> or <see cref="SyncChangeOutcome.Failed"/>.</value>
    public required SyncChangeOutcome Outcome { get; init; }

    /// <summary>Gets why the creation failed.</summary>
    /// <value>A redacted error, or <see langword="null"/>.</value>
    public string? Detail { get; init; }
}
