using Nexudus.Salto.State;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>A state store that counts the batches written to it, to prove a run wrote nothing.</summary>
internal sealed class CountingStateStore(ISyncStateStore inner) : ISyncStateStore
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default) => inner.AcquireLeaseAsync(holder, cancellationToken);

    public Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default) => inner.LoadSiteAsync(siteId, cancellationToken);

    public Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default) => inner.LoadCheckInCursorAsync(siteId, cancellationToken);

    public Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default) =>
        inner.IsEntryProcessedAsync(siteId, entryId, cancellationToken);

    public Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default) => inner.GetValueAsync(key, cancellationToken);

    public Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.ApplyAsync(changes, cancellationToken);
    }
}
