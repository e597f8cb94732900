namespace Nexudus.Salto.Sync;

/// <summary>The per-run settings in force: <see cref="SyncRunOptions"/> over <see cref="AccessSyncOptions"/>.</summary>
/// <param name="DryRun">Whether the run writes nothing.</param>
/// <param name="AllowMassRevocation">Whether the run releases removals the guard would hold.</param>
/// <param name="RebuildOwnership">Whether the run claims the memberships of entitled customers for the SDK.</param>
/// <param name="Customers">The customers of a targeted run; <see langword="null"/> for a whole run.</param>
/// <param name="TeamPayers">The customers whose paid teams a targeted run covers too.</param>
/// <param name="BookingsOnly">Whether a targeted run is about bookings only (see <see cref="SyncRunOptions.BookingsOnly"/>).</param>
internal sealed record SyncRunFlags(
    bool DryRun, bool AllowMassRevocation, bool RebuildOwnership, IReadOnlyCollection<long>? Customers, IReadOnlyCollection<long> TeamPayers,
    bool BookingsOnly)
{
    /// <summary>Gets the flags of the creation-only run that creates users while Nexudus is still read: it writes, and removes nothing.</summary>
    public static SyncRunFlags CreationsOnly { get; } = new(false, false, false, null, [], false);

    /// <summary>The flags of <paramref name="runOptions"/> over <paramref name="options"/>.</summary>
    public static SyncRunFlags Of(SyncRunOptions runOptions, AccessSyncOptions options) => new(
        runOptions.DryRun ?? options.DryRun,
        runOptions.AllowMassRevocation ?? options.AllowMassRevocation,
        runOptions.RebuildOwnership,
        runOptions.Customers is null ? null : [.. runOptions.Customers.Distinct().Order()],
        [.. (runOptions.TeamPayers ?? []).Distinct().Order()],
        runOptions.BookingsOnly && runOptions.Customers is not null);
}
