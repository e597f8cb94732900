using Nexudus.Salto.Entitlements;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>A customer who is entitled to an access group and is not in it: desired − actual.</summary>
internal sealed record PlannedMembershipAddition
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO access-group id.</summary>
    /// <value>The group.</value>
    public required string GroupId { get; init; }

    /// <summary>Gets the Nexudus customer id.</summary>
    /// <value>The customer.</value>
    public required long CustomerId { get; init; }

    /// <summary>Gets the member's SALTO platform user id.</summary>
    /// <value>
    /// The id to add, or <see langword="null"/> when the customer's SALTO user is still to be created by a
    /// <see cref="PlannedUserCreation"/> of the same plan.
    /// </value>
    public PlatformUserId? UserId { get; init; }

    /// <summary>Gets when the customer's current grants run out.</summary>
    /// <value>A UTC instant, or <see langword="null"/> when open-ended.</value>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Gets the lineage: every rule instance that entitles the customer to the group.</summary>
    /// <value>At least one grant.</value>
    public required IReadOnlyList<AccessGrant> Grants { get; init; }
}
