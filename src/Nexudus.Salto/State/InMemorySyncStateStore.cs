namespace Nexudus.Salto.State;

/// <summary>
/// An <see cref="ISyncStateStore"/> that keeps everything in memory: for tests, dry runs and
/// short-lived hosts. The state is lost when the process ends; use
/// <see cref="SqliteSyncStateStore"/> to keep it. It is also the webhook inbox (<see cref="IWebhookInbox"/>).
/// </summary>
public sealed class InMemorySyncStateStore : ISyncStateStore, IWebhookInbox
{
    private readonly object _gate = new();
    private readonly LeaseFlag _lease = new();
    private readonly Dictionary<(string, long), IdentityLink> _identities = [];
    private readonly Dictionary<MembershipKey, OwnedMembership> _memberships = [];
    private readonly Dictionary<(string, string), GroupSyncStatus> _groups = [];
    private readonly Dictionary<(string, long, string), TagAssignment> _tags = [];
    private readonly Dictionary<(string, string, string), OwnedSchedule> _schedules = [];
    private readonly Dictionary<(string, string, string, bool), PendingMembership> _pending = [];
    private readonly Dictionary<(string, string), ProcessedEntry> _entries = [];
    private readonly Dictionary<string, DateTimeOffset> _watermarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WebhookEvent> _inbox = new(StringComparer.Ordinal);

    /// <summary>Gets how long processed door entries are remembered behind the site's newest check-in watermark.</summary>
    /// <value>90 days, as <c>SaltoIntegration:EntryRetention</c>.</value>
    public TimeSpan ProcessedEntryRetention { get; init; } = TimeSpan.FromDays(90);

    /// <inheritdoc />
    public Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _lease.Held, 1, 0) != 0)
        {
            throw new SyncStateLockedException(holder, "in-memory", innerException: null);
        }

        return Task.FromResult<ISyncStateLease>(new Lease(holder, _lease));
    }

    /// <inheritdoc />
    public Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(new SiteSyncState
            {
                SiteId = siteId,
                Identities = [.. _identities.Values.Where(i => i.SiteId == siteId).OrderBy(i => i.CustomerId)],
                OwnedMemberships = [.. _memberships.Values.Where(m => m.SiteId == siteId)
                    .OrderBy(m => m.GroupId, StringComparer.Ordinal).ThenBy(m => m.UserId.Value, StringComparer.OrdinalIgnoreCase)],
                GroupStatuses = [.. _groups.Values.Where(g => g.SiteId == siteId).OrderBy(g => g.GroupId, StringComparer.Ordinal)],
                TagAssignments = [.. _tags.Values.Where(t => t.SiteId == siteId)
                    .OrderBy(t => t.CustomerId).ThenBy(t => t.TagNumber, StringComparer.Ordinal)],
                Schedules = [.. _schedules.Values.Where(s => s.SiteId == siteId)
                    .OrderBy(s => s.GroupId, StringComparer.Ordinal).ThenBy(s => s.ScheduleId, StringComparer.Ordinal)],
                PendingMemberships = [.. _pending.Values.Where(p => p.SiteId == siteId)
                    .OrderBy(p => p.GroupId, StringComparer.Ordinal).ThenBy(p => PendingKey(p).Item3, StringComparer.Ordinal).ThenBy(p => p.IsAddition)],
            });
        }
    }

    /// <inheritdoc />
    public Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(new CheckInCursor
            {
                SiteId = siteId,
                Watermark = _watermarks.TryGetValue(siteId, out var w) ? w : null,
            });
        }
    }

    /// <inheritdoc />
    public Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        ArgumentException.ThrowIfNullOrEmpty(entryId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_entries.ContainsKey((siteId, entryId)));
        }
    }

    /// <inheritdoc />
    public Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_values.TryGetValue(key, out var v) ? v : null);
        }
    }

    /// <inheritdoc />
    public Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        SyncStateChangesValidator.Validate(changes);
        lock (_gate)
        {
            // Validation above is the only thing that can fail, so the batch below is all-or-nothing.
            foreach (var (site, customer) in changes.IdentitiesToRemove)
            {
                _identities.Remove((site, customer));
            }

            foreach (var link in changes.IdentitiesToSave)
            {
                _identities[(link.SiteId, link.CustomerId)] = link;
            }

            foreach (var key in changes.MembershipsRemoved)
            {
                _memberships.Remove(key);
            }

            foreach (var m in changes.MembershipsAdded)
            {
                _memberships[new MembershipKey(m.SiteId, m.GroupId, m.UserId)] = m;
            }

            foreach (var g in changes.GroupStatuses)
            {
                _groups[(g.SiteId, g.GroupId)] = g;
            }

            foreach (var (site, customer, number) in changes.TagsUnassigned)
            {
                _tags.Remove((site, customer, number));
            }

            foreach (var t in changes.TagsAssigned)
            {
                _tags[(t.SiteId, t.CustomerId, t.TagNumber)] = t;
            }

            foreach (var (site, group, schedule) in changes.SchedulesRemoved)
            {
                _schedules.Remove((site, group, schedule));
            }

            foreach (var s in changes.SchedulesSaved)
            {
                _schedules[(s.SiteId, s.GroupId, s.ScheduleId)] = s;
            }

            foreach (var p in changes.PendingMembershipsRemoved)
            {
                _pending.Remove(PendingKey(p));
            }

            foreach (var p in changes.PendingMembershipsAdded)
            {
                _pending[PendingKey(p)] = p;
            }

            foreach (var e in changes.EntriesProcessed)
            {
                _entries[(e.SiteId, e.EntryId)] = e;
            }

            foreach (var c in changes.CheckInCursors)
            {
                if (c.Watermark is { } w && (!_watermarks.TryGetValue(c.SiteId, out var current) || w > current))
                {
                    _watermarks[c.SiteId] = w;

                    // The check-in memory is bounded as in the persistent stores.
                    var cutoff = w - ProcessedEntryRetention;
                    foreach (var key in _entries.Where(e => e.Key.Item1 == c.SiteId && e.Value.OccurredAt < cutoff).Select(e => e.Key).ToList())
                    {
                        _entries.Remove(key);
                    }
                }
            }

            foreach (var (key, value) in changes.Values)
            {
                if (value is null)
                {
                    _values.Remove(key);
                }
                else
                {
                    _values[key] = value;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> AddWebhookEventAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        WebhookInboxRules.Validate(webhookEvent);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_inbox.TryAdd(webhookEvent.Id, webhookEvent));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookEvent>> ReadWebhookEventsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<WebhookEvent>>(
                [.. _inbox.Values.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id, StringComparer.Ordinal).Take(maxCount)]);
        }
    }

    /// <inheritdoc />
    public Task RemoveWebhookEventsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToList();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var id in list)
            {
                _inbox.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    // Keyed as the persistent stores key the journal: site, group, member (case-insensitive) and direction.
    private static (string, string, string, bool) PendingKey(PendingMembership p) => (p.SiteId, p.GroupId, p.UserId.Value.ToUpperInvariant(), p.IsAddition);

    private sealed class LeaseFlag
    {
        public int Held;
    }

    private sealed class Lease(string holder, LeaseFlag flag) : ISyncStateLease
    {
        private int _released;

        public string Holder { get; } = holder;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Volatile.Write(ref flag.Held, 0);
            }

            return ValueTask.CompletedTask;
        }
    }
}
