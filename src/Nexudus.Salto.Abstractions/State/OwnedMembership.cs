using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.State;

/// <summary>
/// An access-group membership the SDK added itself and SALTO accepted. In a shared group only
/// these may ever be removed by the SDK; members added by hand are never touched.
/// </summary>
public sealed record OwnedMembership
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

    /// <summary>Gets the Nexudus customer the membership was granted for.</summary>
    /// <value>The customer id, or <see langword="null"/> when unknown.</value>
    public long? CustomerId { get; init; }

    /// <summary>Gets when SALTO accepted the addition.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset AddedAt { get; init; }
}
