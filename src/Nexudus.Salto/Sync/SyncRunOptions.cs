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

    /// <summary>
    /// Gets whether this run rebuilds the ownership ledger: every current member of a managed group who is the
    /// matched SALTO user of a customer entitled to that group now, and whom the ledger does not hold, is claimed as
    /// added by the SDK (so it is removed once the customer is no longer entitled). For operators who lost the
    /// state store; combine with <see cref="DryRun"/> to see the claims first (<see cref="SyncReport.ClaimedMemberships"/>).
    /// </summary>
    /// <value><see langword="false"/> by default. Claims are made only on sites whose reads all succeeded.</value>
    public bool RebuildOwnership { get; init; }
}
