using Microsoft.Extensions.Logging;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The site leases one sync run holds on a store that several processes share (<see cref="ISiteLeaseStore"/>): taken
/// at the start of the run, in an order that differs from process to process so processes started together split
/// the sites, at most a fair share of them (the sites divided by the processes syncing now, which announce themselves
/// and wait <see cref="ISiteLeaseStore.SiteWorkerJoinWindow"/> for each other), renewed every third of the lease duration while the run goes on, and released at its end. Sites that
/// another process holds are skipped.
/// </summary>
internal sealed class SiteLeases : IAsyncDisposable
{
    private readonly ISiteLeaseStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SiteLease> _held = new(StringComparer.OrdinalIgnoreCase);
    private Task _renewing = Task.CompletedTask;
    private string _holder = string.Empty;
    private bool _joined;

    private SiteLeases(ISiteLeaseStore store, TimeProvider time, ILogger logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the sites another process holds, with the holder.</summary>
    public List<SkippedSite> Skipped { get; } = [];

    /// <summary>Gets the leases held now, to fence every write of the run with.</summary>
    public IReadOnlyList<SiteLease> Held
    {
        get
        {
            lock (_gate)
            {
                return [.. _held.Values];
            }
        }
    }

    /// <summary>Whether this run holds the site.</summary>
    public bool Holds(string siteId)
    {
        lock (_gate)
        {
            return _held.ContainsKey(siteId);
        }
    }

    public static async Task<SiteLeases> AcquireAsync(
        ISiteLeaseStore store, IEnumerable<string> sites, string holder, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var leases = new SiteLeases(store, time, logger) { _holder = holder };
        try
        {
            var ordered = sites.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

            // Announce the run, let processes that start together announce theirs, then take at most a fair share.
            leases._joined = true;
            await store.JoinSiteWorkersAsync(holder, cancellationToken).ConfigureAwait(false);
            if (store.SiteWorkerJoinWindow > TimeSpan.Zero && ordered.Count > 1)
            {
                await Task.Delay(store.SiteWorkerJoinWindow, time, cancellationToken).ConfigureAwait(false);
            }

            var workers = Math.Max(1, await store.JoinSiteWorkersAsync(holder, cancellationToken).ConfigureAwait(false));
            var share = ordered.Count == 0 ? 0 : (ordered.Count + workers - 1) / workers;

            // Each process starts at another site, so processes that start together take different sites first.
            var start = ordered.Count == 0 ? 0 : Random.Shared.Next(ordered.Count);
            var left = new List<string>();
            foreach (var site in ordered.Skip(start).Concat(ordered.Take(start)))
            {
                if (leases._held.Count >= share)
                {
                    left.Add(site);
                    continue;
                }

                var attempt = await store.TryAcquireSiteLeaseAsync(site, holder, cancellationToken).ConfigureAwait(false);
                if (attempt.Lease is { } lease)
                {
                    leases._held[site] = lease;
                }
                else
                {
                    leases.Skipped.Add(new SkippedSite { SiteId = site, Holder = attempt.HeldByOther?.Holder, HeldUntil = attempt.HeldByOther?.ExpiresAt });
                    SyncLog.SiteLeasedElsewhere(logger, site, attempt.HeldByOther?.Holder ?? "another process");
                }
            }

            if (left.Count > 0)
            {
                // Left to the other processes syncing now; name the holder where one has taken the site already.
                var live = (await store.ListSiteLeasesAsync(cancellationToken).ConfigureAwait(false))
                    .Where(l => !string.Equals(l.Holder, holder, StringComparison.Ordinal))
                    .ToDictionary(l => l.SiteId, StringComparer.OrdinalIgnoreCase);
                foreach (var site in left)
                {
                    live.TryGetValue(site, out var other);
                    leases.Skipped.Add(new SkippedSite { SiteId = site, Holder = other?.Holder, HeldUntil = other?.ExpiresAt });
                }

                SyncLog.SitesLeftToOtherWorkers(logger, left.Count, workers - 1);
            }

            leases.Skipped.Sort((a, b) => string.CompareOrdinal(a.SiteId, b.SiteId));
            leases._renewing = leases.RenewAsync();
            return leases;
        }
        catch
        {
            await leases.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task RenewAsync()
    {
        var every = _store.SiteLeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, _time, _stop.Token).ConfigureAwait(false);
                try
                {
                    await _store.JoinSiteWorkersAsync(_holder, _stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Only the split of the next starters depends on it; tried again at the next tick.
                    SyncLog.SiteLeaseRenewalFailed(_logger, "(worker announcement)", ex);
                }

                foreach (var lease in Held)
                {
                    SiteLease? renewed;
                    try
                    {
                        renewed = await _store.RenewSiteLeaseAsync(lease, _stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Tried again at the next tick; the lease lasts three ticks.
                        SyncLog.SiteLeaseRenewalFailed(_logger, lease.SiteId, ex);
                        continue;
                    }

                    if (renewed is null)
                    {
                        // Taken over: the run's writes to the site are refused from now on (the lease stays in the fence).
                        SyncLog.SiteLeaseLost(_logger, lease.SiteId);
                        continue;
                    }

                    lock (_gate)
                    {
                        _held[lease.SiteId] = renewed;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run ended.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        foreach (var lease in Held)
        {
            try
            {
                await _store.ReleaseSiteLeaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Not released: it expires by itself.
                SyncLog.SiteLeaseRenewalFailed(_logger, lease.SiteId, ex);
            }
        }

        if (_joined)
        {
            try
            {
                await _store.LeaveSiteWorkersAsync(_holder, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Not withdrawn: it expires by itself.
                SyncLog.SiteLeaseRenewalFailed(_logger, "(worker announcement)", ex);
            }
        }

        _stop.Dispose();
    }
}

/// <summary>
/// Passes every write of a sync run to the store with the run's site leases attached, so a store that leases sites
/// refuses the writes of a run whose lease was taken over.
/// </summary>
internal sealed class FencedSyncStateStore(ISyncStateStore inner) : ISyncStateStore
{
    private volatile SiteLeases? _leases;

    /// <summary>Sets the leases of the run in progress (<see langword="null"/> between runs).</summary>
    public SiteLeases? Leases
    {
        get => _leases;
        set => _leases = value;
    }

    public Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default) => inner.AcquireLeaseAsync(holder, cancellationToken);

    public Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default) => inner.LoadSiteAsync(siteId, cancellationToken);

    public Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default) => inner.LoadCheckInCursorAsync(siteId, cancellationToken);

    public Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default) =>
        inner.IsEntryProcessedAsync(siteId, entryId, cancellationToken);

    public Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default) => inner.GetValueAsync(key, cancellationToken);

    public Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return _leases is { } leases && changes.Leases.Count == 0
            ? inner.ApplyAsync(changes with { Leases = leases.Held }, cancellationToken)
            : inner.ApplyAsync(changes, cancellationToken);
    }
}
