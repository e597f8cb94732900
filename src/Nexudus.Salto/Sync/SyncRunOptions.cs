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

    /// <summary>
    /// Gets the customers a targeted run is about (for example those a Nexudus webhook named). A targeted run reads
    /// only their records (passes, contracts, bookings and teams, by filtered queries), plans only their memberships
    /// with the same rules, ledger and revocation guard as a whole run, and removes only memberships of theirs.
    /// </summary>
    /// <value>
    /// <see langword="null"/> by default: the run covers every customer. A targeted run needs a previous run of the
    /// same synchronizer (for the locations, pass definitions, desks and resources it read); without one, the run
    /// covers every customer instead (<see cref="SyncReport.SnapshotRead"/> tells which it was).
    /// </value>
    public IReadOnlyCollection<long>? Customers { get; init; }

    /// <summary>
    /// Gets, for a targeted run, the customers whose paid teams it covers too: the members of every team they pay for
    /// join <see cref="Customers"/>, since a team grants access through its paying member's contract.
    /// </summary>
    /// <value><see langword="null"/> or empty by default: no team is looked up by its payer.</value>
    public IReadOnlyCollection<long>? TeamPayers { get; init; }

    /// <summary>
    /// Gets whether a targeted run is about bookings only (for example a burst of booking webhooks): it then reads
    /// each of its customers' record and bookings only, and plans only the groups that nothing but bookings of
    /// resources grants at any location, so its passes, contracts and teams need not be read. Where a location links a
    /// group to a booking and to a pass, desk or unknown item as well, or links any desk (a desk is granted by
    /// contracts and bookings alike), the run reads the customers' whole records instead, as without this flag.
    /// </summary>
    /// <value>
    /// <see langword="false"/> by default. Ignored unless <see cref="Customers"/> is set. The rules, ledger and
    /// revocation guard are those of any run; a removal is planned only in a group bookings alone decide.
    /// </value>
    public bool BookingsOnly { get; init; }
}
