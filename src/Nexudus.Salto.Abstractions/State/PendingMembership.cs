using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.State;

/// <summary>
/// A membership change the SDK is about to send to SALTO, recorded before it is sent (the write-ahead journal): if
/// the run stops before the outcome is known, the next read of the group settles it. An addition SALTO has is claimed
/// for the ownership ledger; a removal SALTO did not make goes back into the ledger.
/// </summary>
/// <remarks>
/// A store keeps one row per site, group, member and direction (<see cref="IsAddition"/>); saving a row with the same
/// key replaces the earlier one. Members are compared case-insensitively, as in the ledger.
/// </remarks>
public sealed record PendingMembership
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO access-group id.</summary>
    /// <value>The group.</value>
    public required string GroupId { get; init; }

    /// <summary>Gets the member's SALTO platform user id.</summary>
    /// <value>The member.</value>
    public required PlatformUserId UserId { get; init; }

    /// <summary>Gets whether the member is being added to the group (else removed from it).</summary>
    /// <value><see langword="true"/> for an addition.</value>
    public required bool IsAddition { get; init; }

    /// <summary>Gets the Nexudus customer the member is known as.</summary>
    /// <value>The customer id, or <see langword="null"/> when unknown.</value>
    public long? CustomerId { get; init; }

    /// <summary>Gets, for a removal, when SALTO accepted the SDK's earlier addition (so the ledger row can be restored).</summary>
    /// <value>A UTC instant, or <see langword="null"/> for an addition.</value>
    public DateTimeOffset? AddedAt { get; init; }
}
