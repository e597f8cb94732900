using Microsoft.Extensions.Logging;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The match stage of one site: loads what the store knows of the site, takes the SALTO users and the managed groups'
/// members the read stage started, doubts empty member lists that contradict the SDK's knowledge, settles what an
/// interrupted run left in the journal, and matches customers to SALTO users (<see cref="IdentityMatcher"/>).
/// </summary>
/// <remarks>
/// In the creation-only run the stage is scoped to what a creation needs: the customers the lists entitle, the
/// ledger as stored; a failed read only leaves the site or group out (the whole run reports it), and the journal and
/// empty-group memory are the whole run's to settle.
/// </remarks>
internal sealed class MatchStage(ISyncStateStore store, ILogger logger)
{
    /// <summary>Reads and matches one site; <see langword="null"/> when its users could not be read (the site is left alone).</summary>
    public async Task<SiteMatch?> MatchAsync(SyncRunContext run, string siteId, CancellationToken cancellationToken)
    {
        var report = !run.CreationsOnly;
        var reads = run.ReadsOf(siteId);
        var state = await store.LoadSiteAsync(siteId, cancellationToken).ConfigureAwait(false);
        var journal = PendingMembershipJournal.From(state);

        List<SiteUser> users;
        try
        {
            users = [.. await reads.Users.ConfigureAwait(false), .. run.Early.UsersOf(siteId)];
        }
        catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
        {
            if (report)
            {
                SyncLog.SaltoReadFailed(logger, "users", siteId, ex);
                run.Errors.Add(new SyncError
                {
                    Kind = SyncErrorKind.SaltoRead, SiteId = siteId, Message = $"Reading the users of site {siteId} failed; the site is left alone this run: {PlanExecutor.Describe(ex)}",
                });
            }

            return null;
        }

        if (SaltoSiteReads.JudgeUserList(siteId, users, state.Identities) is { } shortList)
        {
            if (report)
            {
                SyncLog.SaltoUserListShort(logger, siteId, shortList);
                run.Errors.Add(new SyncError { Kind = SyncErrorKind.SaltoRead, SiteId = siteId, Message = shortList });
            }

            return null;
        }

        var groups = run.Desired.ManagedGroups.Where(g => SyncRunContext.Same(g.SiteId, siteId)).ToList();
        var members = await ReadMembersAsync(run, reads, groups, cancellationToken).ConfigureAwait(false);

        // An empty member list that contradicts what the SDK knows of the group is a failed read of that group.
        var emptiness = new EmptyGroupReads.Judgement(new Dictionary<string, string>(), new HashSet<string>(), null);
        List<OwnedMembership> claims = [];
        List<PendingMembershipChange> settled = [];
        if (report)
        {
            var emptyReads = await EmptyGroupReads.LoadAsync(store, siteId, cancellationToken).ConfigureAwait(false);
            emptiness = emptyReads.Judge(members, state.OwnedMemberships, journal.Entries, run.Flags.AllowMassRevocation);
            foreach (var (groupId, reason) in emptiness.Doubted)
            {
                members.Remove(groupId);
                SyncLog.SaltoGroupReadDoubted(logger, groupId, siteId, reason);
                run.Errors.Add(new SyncError { Kind = SyncErrorKind.SaltoRead, SiteId = siteId, GroupId = groupId, Message = reason });
            }

            // What an interrupted run left pending is settled against what SALTO has now.
            (claims, settled) = journal.Settle(
                emptiness.Unsettled.Count == 0 ? members : members.Where(m => !emptiness.Unsettled.Contains(m.Key)).ToDictionary(StringComparer.OrdinalIgnoreCase),
                run.Now);
            if (settled.Count > 0)
            {
                SyncLog.PendingSettled(logger, siteId, settled.Count);
            }
        }

        var ledger = state.OwnedMemberships
            .Concat(claims)
            .DistinctBy(o => new MembershipKey(siteId, o.GroupId.ToUpperInvariant(), o.UserId))
            .ToList();

        var entitled = run.Desired.Memberships.Where(m => SyncRunContext.Same(m.SiteId, siteId)).Select(m => m.CustomerId).ToHashSet();
        var toMatch = report ? entitled.Concat(state.TagAssignments.Select(t => t.CustomerId).Where(run.Customers.ContainsKey)).ToHashSet() : entitled;
        if (run.Scope is { } scope)
        {
            toMatch = [.. toMatch.Where(scope.Contains).Concat(scope)];
        }

        var identities = IdentityMatcher.Match(siteId, run.Snapshot.Coworkers, toMatch, users, state.Identities, run.Now);
        IReadOnlyList<OwnedMembership> rebuilt = [];
        if (run.Flags.RebuildOwnership && !run.NexudusReadFailed && run.Scope is null && members.Count == groups.Count)
        {
            rebuilt = Rebuild(run, siteId, members, identities, ledger);
            ledger = [.. ledger, .. rebuilt];
        }

        return new SiteMatch(siteId, state, journal, new SyncStateWriter(store, journal), users, groups, members, claims, settled, ledger, toMatch, identities)
        {
            Rebuilt = rebuilt,
            Emptiness = emptiness,
        };
    }

    private async Task<Dictionary<string, IReadOnlyList<PlatformUserId>>> ReadMembersAsync(
        SyncRunContext run, SaltoSiteReads reads, List<ManagedGroup> groups, CancellationToken cancellationToken)
    {
        var siteId = reads.SiteId;
        var members = new Dictionary<string, IReadOnlyList<PlatformUserId>>(StringComparer.OrdinalIgnoreCase);
        var pending = groups.Select(g => (g.GroupId, Read: reads.Members(g.GroupId))).ToList();
        foreach (var (groupId, read) in pending)
        {
            try
            {
                members[groupId] = await read.ConfigureAwait(false);
            }
            catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
            {
                // Left out either way: no one is created, added or removed in a group whose members are unknown (the planner skips it).
                if (!run.CreationsOnly)
                {
                    SyncLog.SaltoReadFailed(logger, $"members of group {groupId}", siteId, ex);
                    run.Errors.Add(new SyncError
                    {
                        Kind = SyncErrorKind.SaltoRead, SiteId = siteId, GroupId = groupId,
                        Message = $"Reading the members of group {groupId} failed; the group is left alone this run: {PlanExecutor.Describe(ex)}",
                    });
                }
            }
        }

        return members;
    }

    /// <summary>
    /// Claims only what the reads show and Nexudus entitles: the member is the matched user of a customer entitled to
    /// the group now. Everything else stays unowned, as if added by hand.
    /// </summary>
    private static List<OwnedMembership> Rebuild(
        SyncRunContext run, string siteId, Dictionary<string, IReadOnlyList<PlatformUserId>> members, IdentityMatchResult identities, List<OwnedMembership> ledger)
    {
        var owned = ledger.Select(o => (o.GroupId.ToUpperInvariant(), o.UserId)).ToHashSet();
        return [.. run.Desired.Memberships
            .Where(m => SyncRunContext.Same(m.SiteId, siteId) && members.TryGetValue(m.GroupId, out var actual) &&
                        identities.Matched.TryGetValue(m.CustomerId, out var identity) && actual.Contains(identity.PlatformUserId) &&
                        !owned.Contains((m.GroupId.ToUpperInvariant(), identity.PlatformUserId)))
            .Select(m => new OwnedMembership
            {
                SiteId = siteId, GroupId = m.GroupId, UserId = identities.Matched[m.CustomerId].PlatformUserId, CustomerId = m.CustomerId, AddedAt = run.Now,
            })
            .DistinctBy(o => (o.GroupId.ToUpperInvariant(), o.UserId))];
    }
}

/// <summary>What the match stage learned of one site, for the plan stage.</summary>
internal sealed record SiteMatch(
    string SiteId,
    SiteSyncState State,
    PendingMembershipJournal Journal,
    SyncStateWriter Writer,
    List<SiteUser> Users,
    List<ManagedGroup> Groups,
    Dictionary<string, IReadOnlyList<PlatformUserId>> Members,
    List<OwnedMembership> Claims,
    List<PendingMembershipChange> Settled,
    List<OwnedMembership> Ledger,
    HashSet<long> ToMatch,
    IdentityMatchResult Identities)
{
    /// <summary>Gets the memberships claimed for the SDK when rebuilding ownership (already in <see cref="Ledger"/>).</summary>
    public IReadOnlyList<OwnedMembership> Rebuilt { get; init; } = [];

    /// <summary>Gets the judgement of empty member lists.</summary>
    public required EmptyGroupReads.Judgement Emptiness { get; init; }
}
