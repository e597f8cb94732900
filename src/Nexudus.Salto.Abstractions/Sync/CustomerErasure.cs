namespace Nexudus.Salto.Sync;

/// <summary>
/// What erasing one customer did (or, in a dry run, would do): per SALTO site, the user deleted or the memberships taken
/// from an adopted user, and the state-store rows forgotten.
/// </summary>
public sealed record CustomerErasure
{
    /// <summary>Gets the Nexudus customer erased.</summary>
    public required long CustomerId { get; init; }

    /// <summary>Gets why the customer was erased, for example <c>deleted in Nexudus</c> or <c>on request</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets whether nothing was changed (the erasure was only planned).</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets what was done on each site where the state store knew the customer.</summary>
    public IReadOnlyList<SiteErasure> Sites { get; init; } = [];

    /// <summary>Gets how many rows about the customer left places that belong to no site (payment suspensions).</summary>
    public int OtherRowsRemoved { get; init; }

    /// <summary>Gets whether every site was erased (no SALTO call failed); a failed site keeps its rows, so erasing again completes it.</summary>
    public bool Completed => Sites.All(s => s.Error is null);
}
