namespace Nexudus.Salto.State;

/// <summary>
/// A sync state store that several processes share and that splits the work between them: each SALTO site is
/// leased to one process at a time, with a time to live the holder renews, and every write carries the lease's
/// fencing token so a holder whose lease was taken over cannot commit.
/// </summary>
/// <remarks>
/// <para>
/// A store that implements this interface is synced per site: a run leases the sites it can, skips those another
/// process holds, and passes its leases with each batch (<see cref="SyncStateChanges.Leases"/>). The store refuses a
/// batch with <see cref="SyncStateFencedException"/> when one of its leases has passed to another holder since, so
/// a paused or partitioned process cannot overwrite what the new holder recorded.
/// </para>
/// <para>Leases expire by the store's clock (the database server's), not by each host's.</para>
/// </remarks>
public interface ISiteLeaseStore
{
    /// <summary>Gets how long a lease lasts unless renewed.</summary>
    /// <value>A positive duration.</value>
    TimeSpan SiteLeaseDuration { get; }

    /// <summary>
    /// Takes the lease on a site when it is free, expired, or already held by <paramref name="holder"/>;
    /// otherwise tells who holds it. Never waits for another holder.
    /// </summary>
    /// <param name="siteId">The SALTO KS site id.</param>
    /// <param name="holder">Who takes the lease: unique per process and run.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The lease, or the other holder's lease.</returns>
    Task<SiteLeaseAttempt> TryAcquireSiteLeaseAsync(string siteId, string holder, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease the caller holds by <see cref="SiteLeaseDuration"/>, keeping its fencing token.</summary>
    /// <param name="lease">The lease to renew.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The renewed lease, or <see langword="null"/> when it has passed to another holder.</returns>
    Task<SiteLease?> RenewSiteLeaseAsync(SiteLease lease, CancellationToken cancellationToken = default);

    /// <summary>Gives a lease up at once, so another process may take the site without waiting for it to expire.</summary>
    /// <param name="lease">The lease to release; a lease that passed to another holder is left alone.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the lease is released.</returns>
    Task ReleaseSiteLeaseAsync(SiteLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets how long a run waits between announcing itself (<see cref="JoinSiteWorkersAsync"/>) and taking sites, so
    /// processes that start together see each other and split the sites instead of the first taking them all.
    /// </summary>
    /// <value>Zero or more; zero takes sites at once.</value>
    TimeSpan SiteWorkerJoinWindow { get; }

    /// <summary>
    /// Announces that <paramref name="holder"/> is taking sites now (or renews its announcement, which expires after
    /// <see cref="SiteLeaseDuration"/>), and counts the processes announced now, this one included.
    /// </summary>
    /// <param name="holder">The holder name the run takes leases with.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many holders are announced and not expired (at least 1).</returns>
    /// <remarks>
    /// A run takes at most its share of the sites, the configured sites divided by this count (rounded up), so
    /// that processes syncing at the same time split the work; the leases alone decide who holds a site.
    /// </remarks>
    Task<int> JoinSiteWorkersAsync(string holder, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the announcement of <paramref name="holder"/> (its run ended).</summary>
    /// <param name="holder">The holder name given to <see cref="JoinSiteWorkersAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the announcement is gone.</returns>
    Task LeaveSiteWorkersAsync(string holder, CancellationToken cancellationToken = default);

    /// <summary>Lists the leases that are held now (not expired).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The live leases, by site.</returns>
    Task<IReadOnlyList<SiteLease>> ListSiteLeasesAsync(CancellationToken cancellationToken = default);
}
