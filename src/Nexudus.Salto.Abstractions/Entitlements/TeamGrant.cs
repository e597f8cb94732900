namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Access a team member gets from the contract of the team's paying member, with the
/// same groups and the same validity as the paying member's own <see cref="ContractGrant"/>.
/// </summary>
public sealed record TeamGrant : AccessGrant
{
    /// <summary>Gets the id of the team.</summary>
    /// <value>A Nexudus id.</value>
    public required long TeamId { get; init; }

    /// <summary>Gets the id of the team's paying member, who holds the contract.</summary>
    /// <value>A Nexudus customer id.</value>
    public required long PayingMemberId { get; init; }

    /// <summary>Gets the id of the paying member's contract.</summary>
    /// <value>A Nexudus id.</value>
    public required long ContractId { get; init; }

    /// <summary>Gets the id of the floor-plan desk or office on the contract that is linked to the group.</summary>
    /// <value>A Nexudus id.</value>
    public required long FloorPlanDeskId { get; init; }
}
