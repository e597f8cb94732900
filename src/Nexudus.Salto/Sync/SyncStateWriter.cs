using System.Globalization;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Saves one site's state changes while its plan is applied, by group commit: callers enqueue a
/// <see cref="SyncStateChanges"/> and await its commit; one loop applies everything queued so far, merged, in one
/// <see cref="ISyncStateStore.ApplyAsync"/>. The store never sees two writes at once (the SQLite store must never
/// have two writers from one run), and records that finish while a write is running cost one more write, not one
/// each.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The site's <see cref="PendingMembershipJournal"/> changes are queued here too: the loop applies them to the
/// journal and stores the rows that changed with the batch, so concurrent groups cannot lose each other's entries. A
/// failed write puts the journal back as it was.</item>
/// <item>Writes are never cancelled: they record what SALTO already accepted. A caller that must not go on after
/// cancellation (a write-ahead entry before a PATCH) checks its token before it enqueues.</item>
/// <item>A batch is cut where a change would remove a key an earlier change in it upserts (a store applies a batch's
/// removals first), so merged batches store exactly what the same changes one by one would.</item>
/// <item>When a merged batch fails, its changes are retried one by one, so one bad record fails only its caller.</item>
/// </list>
/// </remarks>
internal sealed class SyncStateWriter(ISyncStateStore store, PendingMembershipJournal? journal = null)
{
    private readonly Lock _gate = new();
    private readonly List<QueuedChanges> _queue = [];
    private bool _writing;

    /// <summary>Gets how many changes wait for the next write.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Saves <paramref name="changes"/>; completes once they are durable.</summary>
    public Task CommitAsync(SyncStateChanges changes) => CommitAsync(changes, [], []);

    /// <summary>
    /// Saves <paramref name="changes"/> together with changes to the journal (entries added, then entries removed);
    /// completes once both are durable.
    /// </summary>
    public Task CommitAsync(SyncStateChanges changes, IReadOnlyList<PendingMembershipChange> journalAdded, IReadOnlyList<PendingMembershipChange> journalRemoved)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (journal is null && (journalAdded.Count > 0 || journalRemoved.Count > 0))
        {
            throw new InvalidOperationException("This writer has no journal to change.");
        }

        var queued = new QueuedChanges(changes, journalAdded, journalRemoved);
        bool start;
        lock (_gate)
        {
            _queue.Add(queued);
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            // The loop completes every queued change (it never throws), so its task needs no observer.
            _ = WriteQueuedAsync();
        }

        return queued.Committed.Task;
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<QueuedChanges> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                try
                {
                    batch = TakeBatch();
                }
                catch (Exception)
                {
                    // A change the batch rules cannot read is written on its own, where the store reports what is wrong.
                    batch = [_queue[0]];
                    _queue.RemoveAt(0);
                }
            }

            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
                Complete(batch, null);
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One change may be at fault: write them one by one, so the failure reaches only the callers it concerns.
                foreach (var one in batch)
                {
                    try
                    {
                        await WriteAsync([one]).ConfigureAwait(false);
                        Complete([one], null);
                    }
                    catch (Exception single)
                    {
                        Complete([one], single);
                    }
                }
            }
            catch (Exception ex)
            {
                Complete(batch, ex);
            }
        }
    }

    /// <summary>Takes the longest prefix of the queue that can be stored as one batch. Called under the lock.</summary>
    private List<QueuedChanges> TakeBatch()
    {
        var upserted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var take = 0;
        foreach (var queued in _queue)
        {
            if (take > 0 && Removed(queued.Changes).Any(upserted.Contains))
            {
                break;
            }

            upserted.UnionWith(Upserted(queued.Changes));
            take++;
        }

        var batch = _queue.GetRange(0, take);
        _queue.RemoveRange(0, take);
        return batch;
    }

    private async Task WriteAsync(List<QueuedChanges> batch)
    {
        var changes = batch.Count == 1 ? batch[0].Changes : Merge(batch);
        var journalChanged = batch.Any(q => q.JournalAdded.Count > 0 || q.JournalRemoved.Count > 0);
        if (!journalChanged)
        {
            await store.ApplyAsync(changes, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var before = journal!.Entries;
        foreach (var queued in batch)
        {
            journal.Change(queued.JournalAdded, queued.JournalRemoved);
        }

        // The net change of the batch: an entry added and removed within it is never stored.
        var (added, removed) = journal.RowsSince(before);
        try
        {
            await store.ApplyAsync(
                changes with
                {
                    PendingMembershipsAdded = [.. changes.PendingMembershipsAdded, .. added],
                    PendingMembershipsRemoved = [.. changes.PendingMembershipsRemoved, .. removed],
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            journal.Restore(before);
            throw;
        }
    }

    private static SyncStateChanges Merge(List<QueuedChanges> batch)
    {
        var all = batch.Select(q => q.Changes).ToList();
        return new SyncStateChanges
        {
            IdentitiesToSave = [.. all.SelectMany(c => c.IdentitiesToSave)],
            IdentitiesToRemove = [.. all.SelectMany(c => c.IdentitiesToRemove)],
            MembershipsAdded = [.. all.SelectMany(c => c.MembershipsAdded)],
            MembershipsRemoved = [.. all.SelectMany(c => c.MembershipsRemoved)],
            GroupStatuses = [.. all.SelectMany(c => c.GroupStatuses)],
            TagsAssigned = [.. all.SelectMany(c => c.TagsAssigned)],
            TagsUnassigned = [.. all.SelectMany(c => c.TagsUnassigned)],
            SchedulesSaved = [.. all.SelectMany(c => c.SchedulesSaved)],
            SchedulesRemoved = [.. all.SelectMany(c => c.SchedulesRemoved)],
            EntriesProcessed = [.. all.SelectMany(c => c.EntriesProcessed)],
            CheckInCursors = [.. all.SelectMany(c => c.CheckInCursors)],
            PendingMembershipsAdded = [.. all.SelectMany(c => c.PendingMembershipsAdded)],
            PendingMembershipsRemoved = [.. all.SelectMany(c => c.PendingMembershipsRemoved)],

            // A later value of the same key wins, as it would written one by one.
            Values = [.. all.SelectMany(c => c.Values).Reverse().DistinctBy(v => v.Key).Reverse()],
        };
    }

    private static IEnumerable<string> Upserted(SyncStateChanges c) =>
        c.IdentitiesToSave.Select(i => Key("identity", i.SiteId, Id(i.CustomerId)))
            .Concat(c.MembershipsAdded.Select(m => Key("membership", m.SiteId, m.GroupId, m.UserId.Value)))
            .Concat(c.TagsAssigned.Select(t => Key("tag", t.SiteId, Id(t.CustomerId), t.TagNumber)))
            .Concat(c.SchedulesSaved.Select(s => Key("schedule", s.SiteId, s.GroupId, s.ScheduleId)))
            .Concat(c.PendingMembershipsAdded.Select(Pending));

    private static IEnumerable<string> Removed(SyncStateChanges c) =>
        c.IdentitiesToRemove.Select(i => Key("identity", i.SiteId, Id(i.CustomerId)))
            .Concat(c.MembershipsRemoved.Select(m => Key("membership", m.SiteId, m.GroupId, m.UserId.Value)))
            .Concat(c.TagsUnassigned.Select(t => Key("tag", t.SiteId, Id(t.CustomerId), t.TagNumber)))
            .Concat(c.SchedulesRemoved.Select(s => Key("schedule", s.SiteId, s.GroupId, s.ScheduleId)))
            .Concat(c.PendingMembershipsRemoved.Select(Pending));

    private static string Pending(PendingMembership p) => Key("pending", p.SiteId, p.GroupId, $"{p.UserId.Value}\u001f{p.IsAddition}");

    private static string Key(string kind, string site, string item, string? detail = null) => $"{kind}\u001f{site}\u001f{item}\u001f{detail}";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static void Complete(List<QueuedChanges> batch, Exception? failure)
    {
        foreach (var queued in batch)
        {
            if (failure is null)
            {
                queued.Committed.TrySetResult();
            }
            else
            {
                queued.Committed.TrySetException(failure);
            }
        }
    }

    private sealed class QueuedChanges(
        SyncStateChanges changes, IReadOnlyList<PendingMembershipChange> journalAdded, IReadOnlyList<PendingMembershipChange> journalRemoved)
    {
        public SyncStateChanges Changes { get; } = changes;

        public IReadOnlyList<PendingMembershipChange> JournalAdded { get; } = journalAdded;

        public IReadOnlyList<PendingMembershipChange> JournalRemoved { get; } = journalRemoved;

        // Callers resume off the loop, so a caller's continuation never holds up the next write.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
