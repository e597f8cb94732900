namespace Nexudus.Salto.Sync;

/// <summary>
/// Settings of one run that differ from the synchronizer's <see cref="AccessSyncOptions"/>: an operator's
/// <c>--dry-run</c> or <c>--allow-mass-revocation</c> for this run only, on the same synchronizer (so it keeps its
/// state between runs, such as the previous read incremental reads build on).
/// </summary>
public sealed record SyncRunOptions
{
    /// <summary>Gets whether this run only computes and reports the plan, writing nothing.</summary>
    /// <value><see langword="null"/> by default: <see cref="AccessSyncOptions.DryRun"/> decides.</value>
    public bool? DryRun { get; init; }

    /// <summary>Gets whether this run releases removals the guard would hold (see <see cref="AccessSyncOptions.AllowMassRevocation"/>).</summary>
    /// <value><see langword="null"/> by default: <see cref="AccessSyncOptions.AllowMassRevocation"/> decides.</value>
    public bool? AllowMassRevocation { get; init; }
}
