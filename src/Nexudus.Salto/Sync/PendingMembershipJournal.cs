using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The write-ahead journal of one site's membership changes, kept as <see cref="PendingMembership"/> rows of the state
/// store (<see cref="SiteSyncState.PendingMemberships"/>).
/// </summary>
/// <remarks>
/// <para>
/// Before a bulk PATCH the journal records its changes, in the same batch that takes the removed members out of
/// the ownership ledger. After SALTO accepts the chunk, the additions enter the ledger and the entries leave the
/// journal. So the ledger never claims a membership SALTO does not have, whenever the run stops.
/// </para>
/// <para>
/// A run that stops between the two (a crash, a cancellation, a timeout whose outcome is unknown) leaves
/// entries behind. The next run settles them against the members it reads: an addition SALTO has is claimed
/// for the ledger (the SDK made it), a removal SALTO did not make goes back into the ledger.
/// </para>
/// <para>
/// The journal holds one entry per group, member and direction, as the store does: an entry for the same key replaces
/// the earlier one. While a plan is applied, only <see cref="SyncStateWriter"/> changes it, and stores the rows that
/// changed with each batch. Its methods lock anyway, so the in-memory entries stay whole whoever calls.
/// </para>
/// </remarks>
internal sealed class PendingMembershipJournal
{
    private readonly Lock _gate = new();
    private readonly List<PendingMembershipChange> _entries;

    private PendingMembershipJournal(string siteId, List<PendingMembershipChange> entries)
    {
        SiteId = siteId;
        _entries = entries;
    }

    public string SiteId { get; }

    /// <summary>Gets a copy of the entries as they are now.</summary>
    public IReadOnlyList<PendingMembershipChange> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The journal of a site state already read.</summary>
    public static PendingMembershipJournal From(SiteSyncState state)
    {
        var entries = new List<PendingMembershipChange>();
        foreach (var row in state.PendingMemberships)
        {
            Upsert(entries, new PendingMembershipChange(row.GroupId, row.UserId.Value, row.IsAddition, row.CustomerId, row.AddedAt));
        }

        return new PendingMembershipJournal(state.SiteId, entries);
    }

    /// <summary>Adds entries; returns the rows to store.</summary>
    public IReadOnlyList<PendingMembership> Add(IEnumerable<PendingMembershipChange> entries) => Change(entries, []).Added;

    /// <summary>Removes entries; returns the rows to delete.</summary>
    public IReadOnlyList<PendingMembership> Remove(IEnumerable<PendingMembershipChange> entries) => Change([], entries).Removed;

    /// <summary>Adds, then removes, entries in one step; returns the rows to store and to delete.</summary>
    public (IReadOnlyList<PendingMembership> Added, IReadOnlyList<PendingMembership> Removed) Change(
        IEnumerable<PendingMembershipChange> added, IEnumerable<PendingMembershipChange> removed)
    {
        lock (_gate)
        {
            List<PendingMembershipChange> before = [.. _entries];
            foreach (var entry in added)
            {
                Upsert(_entries, entry);
            }

            foreach (var entry in removed)
            {
                _entries.RemoveAll(e => SameKey(e, entry));
            }

            return Diff(before);
        }
    }

    /// <summary>
    /// The rows that take the store from <paramref name="before"/> (entries taken by <see cref="Entries"/>) to the
    /// entries now: those to store (new or changed) and those to delete.
    /// </summary>
    public (IReadOnlyList<PendingMembership> Added, IReadOnlyList<PendingMembership> Removed) RowsSince(IReadOnlyList<PendingMembershipChange> before)
    {
        lock (_gate)
        {
            return Diff(before);
        }
    }

    /// <summary>Puts back entries taken by <see cref="Entries"/>, when the write of a change failed and the store still holds the old rows.</summary>
    public void Restore(IReadOnlyList<PendingMembershipChange> entries)
    {
        lock (_gate)
        {
            _entries.Clear();
            _entries.AddRange(entries);
        }
    }

    /// <summary>
    /// Settles the entries of the groups whose members were read: what the ledger must now hold, and which
    /// entries are settled. Entries of groups not read stay pending.
    /// </summary>
    /// <remarks>
    /// An empty member list is not passed here unless it is believed (<see cref="EmptyGroupReads"/> doubts one while this
    /// journal holds an entry for the group): settling against a glitch would drop the claim on a member SALTO does have,
    /// who would then keep the group after their entitlement ends.
    /// </remarks>
    public (List<OwnedMembership> Claims, List<PendingMembershipChange> Settled) Settle(
        IReadOnlyDictionary<string, IReadOnlyList<PlatformUserId>> members, DateTimeOffset now)
    {
        var claims = new List<OwnedMembership>();
        var settled = new List<PendingMembershipChange>();
        foreach (var entry in Entries)
        {
            if (!members.TryGetValue(entry.GroupId, out var groupMembers))
            {
                continue;
            }

            settled.Add(entry);
            var user = new PlatformUserId(entry.UserId);
            if (groupMembers.Contains(user))
            {
                // An addition SALTO made, or a removal it did not: either way the SDK owns the membership.
                claims.Add(new OwnedMembership
                {
                    SiteId = SiteId,
                    GroupId = entry.GroupId,
                    UserId = user,
                    CustomerId = entry.CustomerId,
                    AddedAt = entry.IsAddition ? now : entry.AddedAt ?? now,
                });
            }
        }

        return (claims, settled);
    }

    // Called under the lock.
    private (IReadOnlyList<PendingMembership> Added, IReadOnlyList<PendingMembership> Removed) Diff(IReadOnlyList<PendingMembershipChange> before)
    {
        var unchanged = before.ToHashSet();
        var keys = _entries.Select(Key).ToHashSet();
        var added = _entries.Where(e => !unchanged.Contains(e)).Select(Row).ToList();
        var removed = before.Where(b => !keys.Contains(Key(b))).Select(Row).ToList();
        return (added, removed);
    }

    private static void Upsert(List<PendingMembershipChange> entries, PendingMembershipChange entry)
    {
        var at = entries.FindIndex(e => SameKey(e, entry));
        if (at < 0)
        {
            entries.Add(entry);
        }
        else
        {
            entries[at] = entry;
        }
    }

    // The store's key: group (ordinal), member (case-insensitive, as in the ledger) and direction.
    private static bool SameKey(PendingMembershipChange a, PendingMembershipChange b) => Key(a) == Key(b);

    private static (string Group, string User, bool IsAddition) Key(PendingMembershipChange e) => (e.GroupId, e.UserId.ToUpperInvariant(), e.IsAddition);

    private PendingMembership Row(PendingMembershipChange entry) => new()
    {
        SiteId = SiteId,
        GroupId = entry.GroupId,
        UserId = new PlatformUserId(entry.UserId),
        IsAddition = entry.IsAddition,
        CustomerId = entry.CustomerId,
        AddedAt = entry.AddedAt,
    };
}
