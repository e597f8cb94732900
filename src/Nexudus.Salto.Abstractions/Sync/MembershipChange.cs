using Nexudus.Salto.Entitlements;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>One membership added or removed by a sync run, with its lineage and what became of it.</summary>
public sealed record MembershipChange
{
    /// <summary>Gets whether the member was added or removed.</summary>
    /// <value>The direction of the change.</value>
    public required MembershipChangeKind Kind { get; init; }

    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO access-group id.</summary>
    /// <value>The group.</value>
    public required string GroupId { get; init; }

    /// <summary>Gets the Nexudus customer.</summary>
    /// <value>The customer id, or <see langword="null"/> for a removed member linked to no customer.</value>
    public long? CustomerId { get; init; }

    /// <summary>Gets the member's SALTO platform user id.</summary>
    /// <value>The id, or <see langword="null"/> for an addition whose user could not be created.</value>
    public PlatformUserId? UserId { get; init; }

    /// <summary>Gets the lineage of an addition: why the customer is entitled.</summary>
    /// <value>The grants of an addition; empty for a removal (no grant is left).</value>
    public IReadOnlyList<AccessGrant> Grants { get; init; } = [];

    /// <summary>Gets when an added customer's current grants run out.</summary>
    /// <value>A UTC instant, or <see langword="null"/> when open-ended or for a removal.</value>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Gets why the SDK may remove a removed member.</summary>
    /// <value>The basis of a removal; <see langword="null"/> for an addition.</value>
    public RemovalBasis? RemovalBasis { get; init; }

    /// <summary>Gets what became of the change.</summary>
    /// <value>The outcome.</value>
    public required SyncChangeOutcome Outcome { get; init; }

    /// <summary>Gets why the change was held, skipped or failed.</summary>
    /// <value>A short explanation (already redacted), or <see langword="null"/> when applied or planned.</value>
    public string? Detail { get; init; }

    /// <summary>
    /// Gets the overdue invoice that removes this membership (its lineage: "invoice #… overdue since …"), when the
    /// customer lost it to payment-aware access rather than to a lost entitlement.
    /// </summary>
    /// <value><see langword="null"/> for any other removal, and for additions.</value>
    public PaymentSuspension? Suspension { get; init; }
}
