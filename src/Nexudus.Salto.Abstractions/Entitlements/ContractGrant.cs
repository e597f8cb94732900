namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Access from a desk or office on the customer's own contract: the contract is active,
/// started, not paused, and not past its last day.
/// </summary>
public sealed record ContractGrant : AccessGrant
{
    /// <summary>Gets the id of the contract (<c>CoworkerContract</c>).</summary>
    /// <value>A Nexudus id.</value>
    public required long ContractId { get; init; }

    /// <summary>Gets the id of the floor-plan desk or office on the contract that is linked to the group.</summary>
    /// <value>A Nexudus id.</value>
    public required long FloorPlanDeskId { get; init; }
}
