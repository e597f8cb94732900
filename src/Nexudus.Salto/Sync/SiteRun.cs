using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// One site's part of a run, between planning and applying: the per-site context the stages after the plan share,
/// with the site's unit of work (<see cref="Writer"/>) through which every state write of the site goes.
/// </summary>
internal sealed record SiteRun(
    string SiteId,
    SiteSyncState State,
    PendingMembershipJournal Journal,
    IReadOnlyDictionary<string, IReadOnlyList<PlatformUserId>> Members,
    IReadOnlyList<OwnedMembership> Settled,
    IReadOnlyList<PendingMembershipChange> SettledEntries,
    IReadOnlyCollection<long> Customers,
    IdentityMatchResult Identities,
    SitePlan Plan,
    IReadOnlyList<SiteUser> Users)
{
    /// <summary>
    /// Gets the site's unit of work: bookkeeping, identities of new users, the journal, the ledger, group statuses,
    /// tags and pass schedules are all committed through it, in the order the stages need.
    /// </summary>
    public required SyncStateWriter Writer { get; init; }

    /// <summary>Gets the memberships this run claims for the SDK when rebuilding ownership (already in <see cref="Settled"/>).</summary>
    public IReadOnlyList<OwnedMembership> Rebuilt { get; init; } = [];

    /// <summary>Gets the groups whose empty member list was not believed this run (left out of the plan), with the reason.</summary>
    public IReadOnlyDictionary<string, string> DoubtedEmptyGroups { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the site's memory of empty group reads to store with the bookkeeping, or <see langword="null"/> when unchanged.</summary>
    public KeyValuePair<string, string?>? EmptyGroupMemory { get; init; }
}
