using System.Text.Json;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The write-ahead journal of one site's membership changes, kept in a named value of the state store.
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
/// The journal is one value in the store, so concurrent groups must not each store their own copy: while a plan is
/// applied, only <see cref="SyncStateWriter"/> changes it, and stores its whole value with each batch. Its methods
/// lock anyway, so the in-memory entries stay whole whoever calls.
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

    public string Key => KeyOf(SiteId);

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

    public static string KeyOf(string siteId) => $"nexudus-salto:sync:pending-memberships:{siteId}";

    public static async Task<PendingMembershipJournal> LoadAsync(ISyncStateStore store, string siteId, CancellationToken cancellationToken)
    {
        var json = await store.GetValueAsync(KeyOf(siteId), cancellationToken).ConfigureAwait(false);
        List<PendingMembershipChange>? entries = null;
        if (!string.IsNullOrEmpty(json))
        {
            try
            {
                entries = JsonSerializer.Deserialize(json, SyncStateJsonContext.Default.ListPendingMembershipChange);
            }
            catch (JsonException)
            {
                // Unreadable entries cannot be settled; dropping them only loses ownership claims, never grants.
                entries = null;
            }
        }

        return new PendingMembershipJournal(siteId, entries ?? []);
    }

    /// <summary>Adds entries; returns the value to store.</summary>
    public KeyValuePair<string, string?> Add(IEnumerable<PendingMembershipChange> entries) => Change(entries, []);

    /// <summary>Removes entries; returns the value to store.</summary>
    public KeyValuePair<string, string?> Remove(IEnumerable<PendingMembershipChange> entries) => Change([], entries);

    /// <summary>Adds, then removes, entries in one step; returns the value to store.</summary>
    public KeyValuePair<string, string?> Change(IEnumerable<PendingMembershipChange> added, IEnumerable<PendingMembershipChange> removed)
    {
        lock (_gate)
        {
            _entries.AddRange(added);
            foreach (var entry in removed)
            {
                _entries.Remove(entry);
            }

            return Value();
        }
    }

    /// <summary>Puts back entries taken by <see cref="Entries"/>, when the write of a change failed and the store still holds the old value.</summary>
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

    private KeyValuePair<string, string?> Value() =>
        new(Key, _entries.Count == 0 ? null : JsonSerializer.Serialize(_entries, SyncStateJsonContext.Default.ListPendingMembershipChange));
}
