namespace Nexudus.Salto.State;

/// <summary>
/// The durable memory of the integration: which Nexudus customer is which SALTO user, which
/// access-group memberships the SDK created itself (and so may remove), which groups failed and
/// when to retry them, which tags and schedules it wrote, which membership changes it sent without knowing the
/// outcome yet (the write-ahead journal), and which door entries became check-ins.
/// </summary>
/// <remarks>
/// <para>
/// Every change goes through <see cref="ApplyAsync"/> as one <see cref="SyncStateChanges"/> batch,
/// applied atomically: either all of it is stored or none of it. Callers record only what the
/// service accepted, so after a crash the store never claims a membership SALTO does not have; a change whose outcome
/// is not known yet is kept apart, as a <see cref="PendingMembership"/> row, until a later read settles it.
/// </para>
/// <para>
/// Two runs on the same state must not overlap; <see cref="AcquireLeaseAsync"/> fails fast with
/// <see cref="SyncStateLockedException"/> when another run holds the lease.
/// </para>
/// </remarks>
public interface ISyncStateStore
{
    /// <summary>Takes the exclusive lease on this state for one run; dispose the lease to release it.</summary>
    /// <param name="holder">Who takes the lease (e.g. "sync" or "check-ins"); shown to a run that is refused.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The lease, held until disposed.</returns>
    /// <exception cref="SyncStateLockedException">Another run holds the lease.</exception>
    Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default);

    /// <summary>Reads everything the sync engine remembers about one SALTO site.</summary>
    /// <param name="siteId">The SALTO KS site id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The site's identities, owned memberships, pending membership changes, group statuses, tags and schedules.</returns>
    Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default);

    /// <summary>Reads the check-in bridge's position for one SALTO site.</summary>
    /// <param name="siteId">The SALTO KS site id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The watermark of processed entries, if any.</returns>
    Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default);

    /// <summary>Tells whether a door entry was already handled by the check-in bridge.</summary>
    /// <param name="siteId">The SALTO KS site id.</param>
    /// <param name="entryId">The SALTO entry id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the entry was recorded as processed.</returns>
    Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default);

    /// <summary>Reads a named value (for example an incremental-read watermark).</summary>
    /// <param name="key">The value's key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The value, or <see langword="null"/> when none is stored.</returns>
    Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Applies a batch of changes atomically: all of them are stored, or none.</summary>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">Cancels the operation before anything is written.</param>
    /// <returns>A task that completes when the changes are durable.</returns>
    Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default);
}
