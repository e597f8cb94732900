using System.Collections.Concurrent;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

/// <summary>
/// An in-memory state store that fails any write entered while another is still running (and remembers that it
/// did), counts writes, logs each batch to a shared event log, and can hold a write (<see cref="BeforeWrite"/>).
/// Each write yields before it applies, so overlapping writers would really overlap.
/// </summary>
internal sealed class WatchedStateStore(ConcurrentQueue<string>? log = null) : ISyncStateStore
{
    private int _inside;
    private int _writes;
    private int _overlaps;

    public InMemorySyncStateStore Inner { get; } = new();

    public ConcurrentQueue<string> EventLog { get; } = log ?? new ConcurrentQueue<string>();

    /// <summary>Gets every batch written, in order.</summary>
    public ConcurrentQueue<SyncStateChanges> Batches { get; } = new();

    public int Writes => Volatile.Read(ref _writes);

    public int Overlaps => Volatile.Read(ref _overlaps);

    /// <summary>Gets or sets what a write awaits (by its 1-based number) before it applies.</summary>
    public Func<int, Task>? BeforeWrite { get; set; }

    public Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default) => Inner.AcquireLeaseAsync(holder, cancellationToken);

    public Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default) => Inner.LoadSiteAsync(siteId, cancellationToken);

    public Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default) => Inner.LoadCheckInCursorAsync(siteId, cancellationToken);

    public Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default) => Inner.IsEntryProcessedAsync(siteId, entryId, cancellationToken);

    public Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default) => Inner.GetValueAsync(key, cancellationToken);

    public async Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _inside) != 1)
        {
            Interlocked.Increment(ref _overlaps);
            Interlocked.Decrement(ref _inside);
            throw new InvalidOperationException("Two writes entered the state store at once.");
        }

        try
        {
            var number = Interlocked.Increment(ref _writes);
            EventLog.Enqueue(await DescribeAsync(changes));
            Batches.Enqueue(changes);
            if (BeforeWrite is { } before)
            {
                await before(number);
            }

            await Task.Yield();
            await Inner.ApplyAsync(changes, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    /// <summary>A batch as one line: what it saves and removes, and how many entries the journal holds after it.</summary>
    public async Task<string> DescribeAsync(SyncStateChanges c)
    {
        var parts = new List<string>();
        Add(parts, "identities", c.IdentitiesToSave.Select(i => $"{i.CustomerId}"));
        Add(parts, "ledger+", c.MembershipsAdded.Select(m => $"{m.GroupId}/{m.UserId.Value}"));
        Add(parts, "ledger-", c.MembershipsRemoved.Select(m => $"{m.GroupId}/{m.UserId.Value}"));
        Add(parts, "status", c.GroupStatuses.Select(s => $"{s.GroupId}:{(s.ConsecutiveFailures == 0 ? "ok" : "failed")}"));
        Add(parts, "tags+", c.TagsAssigned.Select(t => $"{t.CustomerId}:{t.TagId}"));
        Add(parts, "tags-", c.TagsUnassigned.Select(t => $"{t.CustomerId}"));
        parts.AddRange(c.Values.Select(v => v.Key));
        if (c.PendingMembershipsAdded.Count > 0 || c.PendingMembershipsRemoved.Count > 0)
        {
            parts.Add($"journal={await JournalCountAfterAsync(c)}");
        }

        return $"store {string.Join(" ", parts)}";
    }

    private async Task<int> JournalCountAfterAsync(SyncStateChanges c)
    {
        static (string, string, string, bool) Key(PendingMembership p) => (p.SiteId, p.GroupId, p.UserId.Value.ToUpperInvariant(), p.IsAddition);
        var keys = new HashSet<(string, string, string, bool)>();
        foreach (var site in c.PendingMembershipsAdded.Concat(c.PendingMembershipsRemoved).Select(p => p.SiteId).Distinct())
        {
            keys.UnionWith((await Inner.LoadSiteAsync(site)).PendingMemberships.Select(Key));
        }

        keys.ExceptWith(c.PendingMembershipsRemoved.Select(Key));
        keys.UnionWith(c.PendingMembershipsAdded.Select(Key));
        return keys.Count;
    }

    private static void Add(List<string> parts, string name, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            parts.Add($"{name}[{string.Join(",", list)}]");
        }
    }
}
