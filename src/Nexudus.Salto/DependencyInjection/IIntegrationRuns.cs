namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The two jobs the background worker schedules: one full sync, and one pass of the check-in bridge.
/// The worker owns when they run; this owns what they do.
/// </summary>
internal interface IIntegrationRuns
{
    /// <summary>Gets whether a check-in bridge is configured (some location has readers).</summary>
    bool HasCheckIns { get; }

    /// <summary>Runs one full sync over every configured location.</summary>
    /// <param name="cancellationToken">Cancels the run (the host is stopping).</param>
    /// <returns>Whether the run succeeded, and the next instant at which entitlements change by themselves.</returns>
    /// <exception cref="State.SyncStateLockedException">Another run holds the sync state.</exception>
    Task<SyncRunOutcome> SyncAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs one targeted sync: only the memberships of <paramref name="customers"/> (and of the members of the teams
    /// <paramref name="teamPayers"/> pay for), with the same rules, ledger and guard as a full sync.
    /// </summary>
    /// <param name="customers">The customers the webhook events named.</param>
    /// <param name="teamPayers">The customers whose paid teams are covered too.</param>
    /// <param name="cancellationToken">Cancels the run (the host is stopping).</param>
    /// <returns>Whether the run succeeded, as for <see cref="SyncAsync"/>.</returns>
    /// <exception cref="State.SyncStateLockedException">Another run holds the sync state.</exception>
    /// <remarks>No default body: a wrapper (such as the worker slots) that left it out would silently run whole syncs.</remarks>
    Task<SyncRunOutcome> SyncCustomersAsync(IReadOnlyCollection<long> customers, IReadOnlyCollection<long> teamPayers, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one targeted sync as <see cref="SyncCustomersAsync(IReadOnlyCollection{long}, IReadOnlyCollection{long}, CancellationToken)"/>
    /// does; when <paramref name="bookingsOnly"/>, every event was about a booking, so the run may read only the
    /// customers' records and bookings (see <see cref="Sync.SyncRunOptions.BookingsOnly"/>).
    /// </summary>
    /// <param name="customers">The customers the webhook events named.</param>
    /// <param name="teamPayers">The customers whose paid teams are covered too.</param>
    /// <param name="bookingsOnly">Whether every event was about a booking.</param>
    /// <param name="cancellationToken">Cancels the run (the host is stopping).</param>
    /// <returns>Whether the run succeeded, as for <see cref="SyncAsync"/>.</returns>
    /// <exception cref="State.SyncStateLockedException">Another run holds the sync state.</exception>
    /// <remarks>No default body: a wrapper that left it out would silently drop the flag and read whole records.</remarks>
    Task<SyncRunOutcome> SyncCustomersAsync(
        IReadOnlyCollection<long> customers, IReadOnlyCollection<long> teamPayers, bool bookingsOnly, CancellationToken cancellationToken);

    /// <summary>Runs one pass of the check-in bridge.</summary>
    /// <param name="cancellationToken">Cancels the run (the host is stopping).</param>
    /// <returns>Whether the pass succeeded.</returns>
    /// <exception cref="State.SyncStateLockedException">Another run holds the sync state.</exception>
    Task<JobRunOutcome> CheckInsAsync(CancellationToken cancellationToken);
}

/// <summary>How one run of a job ended.</summary>
/// <param name="Succeeded">Whether it did everything it set out to do.</param>
/// <param name="Failure">A short description of what failed (no secrets), when it did not.</param>
internal readonly record struct JobRunOutcome(bool Succeeded, string? Failure = null);

/// <summary>How one full sync ended.</summary>
/// <param name="Succeeded">
/// Whether the run worked as a whole: it read both services and applied what it could (held removals count as
/// done: the guard worked). A run that could not read fails, and the worker backs off.
/// </param>
/// <param name="NextEdge">The next instant at which entitlements change by themselves, if any.</param>
/// <param name="Failure">A short description of what failed (no secrets), when it did not succeed.</param>
/// <param name="Locked">Whether the run did nothing because another run holds the sync state.</param>
/// <param name="Warning">
/// What went wrong in a run that otherwise worked (a group, a user creation, a tag), which the sync engine retries
/// with its own per-group back-off: it must not slow the worker down, or one failing group would delay every
/// booking edge.
/// </param>
internal readonly record struct SyncRunOutcome(bool Succeeded, DateTimeOffset? NextEdge, string? Failure = null, bool Locked = false, string? Warning = null)
{
    /// <summary>
    /// Gets when the first site the run skipped (leased by another process) is free if its holder stops renewing: the
    /// worker comes back then, so a dead worker's sites are taken over within the lease's time to live rather than at
    /// the next interval.
    /// </summary>
    public DateTimeOffset? LeaseExpires { get; init; }
}
