namespace Nexudus.Salto.Entitlements;

/// <summary>
/// A SALTO access group whose membership a <see cref="DesiredAccess"/> describes completely: its
/// desired members are exactly the memberships listed for it, possibly none.
/// </summary>
public sealed record ManagedGroup
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO access-group id.</summary>
    /// <value>The group.</value>
    public required string GroupId { get; init; }

    /// <summary>Gets who may be removed from the group.</summary>
    /// <value><see cref="GroupOwnership.Shared"/> unless every location linking the group says <see cref="GroupOwnership.Exclusive"/>.</value>
    public GroupOwnership Ownership { get; init; }
}
