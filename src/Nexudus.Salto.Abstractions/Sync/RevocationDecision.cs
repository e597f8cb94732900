namespace Nexudus.Salto.Sync;

/// <summary>
/// The revocation guard's verdict on a run: whether its removals are held (adds still apply),
/// which rules tripped, and whether the operator's override released them.
/// </summary>
public sealed record RevocationDecision
{
    /// <summary>Gets whether the run's removals are held: none of them is applied.</summary>
    /// <value><see langword="true"/> when a rule tripped, there are removals, and the override did not release them.</value>
    public bool RemovalsHeld { get; init; }

    /// <summary>Gets whether the override (<c>AllowMassRevocation</c>) released removals a rule would have held.</summary>
    /// <value><see langword="true"/> when released.</value>
    public bool Overridden { get; init; }

    /// <summary>Gets the rules that tripped.</summary>
    /// <value>Empty when no rule tripped.</value>
    public IReadOnlyList<RevocationHoldReason> Reasons { get; init; } = [];

    /// <summary>Gets how many removals the run planned.</summary>
    /// <value>Zero or more.</value>
    public int PlannedRemovals { get; init; }

    /// <summary>Gets a sentence per tripped rule with its numbers, for operators.</summary>
    /// <value>Empty when no rule tripped.</value>
    public IReadOnlyList<string> Details { get; init; } = [];
}
