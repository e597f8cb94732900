using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class RecordStageTests
{
    private const string Site = "site-1";
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly PendingMembershipChange Entry = new("g1", "pu-1", true, 7, null);

    private static async Task<(WatchedStateStore Store, SiteRun Site)> SiteWithPendingEntryAsync(
        IReadOnlyList<OwnedMembership> settled, IReadOnlyList<PendingMembershipChange> settledEntries)
    {
        var store = new WatchedStateStore();
        var journal = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));
        await store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = journal.Add([Entry]) });
        var writes = store.Writes;
        Assert.Equal(1, writes);
        var site = new SiteRun(
            Site, new SiteSyncState { SiteId = Site }, journal, new Dictionary<string, IReadOnlyList<PlatformUserId>>(), settled, settledEntries, [],
            new IdentityMatchResult(), new SitePlan(new AccessPlan { SiteId = Site }, []), [])
        {
            Writer = new SyncStateWriter(store, journal),
        };
        return (store, site);
    }

    [Fact]
    public async Task RecordBookkeepingAsync_SettledEntry_ClaimsTheMembershipAndEmptiesTheJournalInOneWrite()
    {
        var owned = new OwnedMembership { SiteId = Site, GroupId = "g1", UserId = new PlatformUserId("pu-1"), CustomerId = 7, AddedAt = Now };
        var (store, site) = await SiteWithPendingEntryAsync([owned], [Entry]);

        await RecordStage.RecordBookkeepingAsync(site, CancellationToken.None);

        Assert.Equal(2, store.Writes);
        Assert.Empty(site.Journal.Entries);
        Assert.Empty(PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None)).Entries);
        Assert.Single((await store.LoadSiteAsync(Site)).OwnedMemberships);
    }

    [Fact]
    public async Task RecordBookkeepingAsync_NothingLearned_WritesNothing()
    {
        var (store, site) = await SiteWithPendingEntryAsync([], []);

        await RecordStage.RecordBookkeepingAsync(site, CancellationToken.None);

        Assert.Equal(1, store.Writes);
        Assert.Single(site.Journal.Entries);
    }

    [Fact]
    public async Task RecordBookkeepingAsync_RunCancelled_ThrowsAndWritesNothing()
    {
        var (store, site) = await SiteWithPendingEntryAsync([], [Entry]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RecordStage.RecordBookkeepingAsync(site, new CancellationToken(canceled: true)));

        Assert.Equal(1, store.Writes);
        Assert.Single(PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None)).Entries);
    }
}
