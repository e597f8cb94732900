using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// A member of an access group who is not entitled and whom ownership lets the SDK remove: (actual − desired)
/// limited by ownership.
/// </summary>
internal sealed record PlannedMembershipRemoval
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO access-group id.</summary>
    /// <value>The group.</value>
    public required string GroupId { get; init; }

    /// <summary>Gets the member's SALTO platform user id.</summary>
    /// <value>The member to remove.</value>
    public required PlatformUserId UserId { get; init; }

    /// <summary>Gets the Nexudus customer the member is known as.</summary>
    /// <value>The customer id, or <see langword="null"/> when the member is linked to no customer.</value>
    public long? CustomerId { get; init; }

    /// <summary>Gets why the SDK may remove the member.</summary>
    /// <value><see cref="RemovalBasis.AddedBySdk"/> or <see cref="RemovalBasis.ExclusiveGroup"/>.</value>
    public required RemovalBasis Basis { get; init; }

    /// <summary>Gets when SALTO accepted the SDK's addition of the member, for a member the SDK added.</summary>
    /// <value>A UTC instant, or <see langword="null"/> when the ledger does not hold the membership.</value>
    public DateTimeOffset? AddedAt { get; init; }

    /// <summary>
    /// Gets the overdue invoice that removes this membership (its lineage: "invoice #… overdue since …"), when the
    /// customer lost it to payment-aware access rather than to a lost entitlement.
    /// </summary>
    /// <value><see langword="null"/> for any other removal, and for additions.</value>
    public PaymentSuspension? Suspension { get; init; }
}
