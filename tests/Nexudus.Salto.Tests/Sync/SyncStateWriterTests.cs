using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class SyncStateWriterTests
{
    private const string Site = "site-1";
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static SyncStateChanges Identity(long customer) => new()
    {
        IdentitiesToSave =
        [
            new IdentityLink
            {
                SiteId = Site, CustomerId = customer, SiteUserId = new SiteUserId($"su-{customer}"), PlatformUserId = new PlatformUserId($"pu-{customer}"), LinkedAt = Now,
            },
        ],
    };

    // A record no store accepts: a tag assignment without a tag id.
    private static SyncStateChanges Malformed(long customer) => new()
    {
        TagsAssigned = [new TagAssignment { SiteId = Site, CustomerId = customer, TagNumber = "10000001", TagId = "", AssignedAt = Now }],
    };

    private static OwnedMembership Owned(string group, string user) => new() { SiteId = Site, GroupId = group, UserId = new PlatformUserId(user), AddedAt = Now };

    /// <summary>Queues every change while the first write is held, then lets it go.</summary>
    private static Task<Task[]> CommitWhileTheFirstWriteIsHeldAsync(SyncStateWriter writer, WatchedStateStore store, params SyncStateChanges[] changes) =>
        CommitWhileTheFirstWriteIsHeldAsync(writer, store, [.. changes.Select(c => (Func<Task>)(() => writer.CommitAsync(c)))]);

    private static async Task<Task[]> CommitWhileTheFirstWriteIsHeldAsync(SyncStateWriter writer, WatchedStateStore store, params Func<Task>[] commits)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = store.Writes + 1;
        store.BeforeWrite = n =>
        {
            if (n != held)
            {
                return Task.CompletedTask;
            }

            entered.SetResult();
            return release.Task;
        };
        var first = writer.CommitAsync(Identity(1000));
        await entered.Task;
        var rest = commits.Select(commit => commit()).ToArray();
        release.SetResult();
        await first;
        return rest;
    }

    [Fact]
    public async Task CommitAsync_ChangesQueuedWhileAWriteRuns_AreWrittenTogetherOnce()
    {
        var store = new WatchedStateStore();
        var writer = new SyncStateWriter(store);

        await Task.WhenAll(await CommitWhileTheFirstWriteIsHeldAsync(writer, store, Identity(1), Identity(2), Identity(3)));

        Assert.Equal(2, store.Writes);
        Assert.Equal([1L, 2, 3, 1000], (await store.LoadSiteAsync(Site)).Identities.Select(i => i.CustomerId));
    }

    [Fact]
    public async Task CommitAsync_RemovalOfAKeyAnEarlierQueuedChangeSaves_IsWrittenAfterIt()
    {
        var store = new WatchedStateStore();
        var writer = new SyncStateWriter(store);

        // Merged into one batch, the store would apply the removal first and keep the membership.
        await Task.WhenAll(await CommitWhileTheFirstWriteIsHeldAsync(
            writer,
            store,
            new SyncStateChanges { MembershipsAdded = [Owned("g", "pu-1")] },
            new SyncStateChanges { MembershipsRemoved = [new MembershipKey(Site, "g", new PlatformUserId("pu-1"))] }));

        Assert.Equal(3, store.Writes);
        Assert.Empty((await store.LoadSiteAsync(Site)).OwnedMemberships);
    }

    [Fact]
    public async Task CommitAsync_OneBadChangeInAMergedBatch_FailsOnlyItsCaller()
    {
        var store = new WatchedStateStore();
        var writer = new SyncStateWriter(store);

        var commits = await CommitWhileTheFirstWriteIsHeldAsync(writer, store, Identity(1), Malformed(2), Identity(3));

        await commits[0];
        await Assert.ThrowsAnyAsync<ArgumentException>(() => commits[1]);
        await commits[2];
        Assert.Equal([1L, 3, 1000], (await store.LoadSiteAsync(Site)).Identities.Select(i => i.CustomerId));
    }

    [Fact]
    public async Task CommitAsync_JournalChangesOfTwoGroupsInOneBatch_StoresBothEntries()
    {
        var store = new WatchedStateStore();
        var journal = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));
        var writer = new SyncStateWriter(store, journal);
        var a = new PendingMembershipChange("g-a", "pu-1", true, 1, null);
        var b = new PendingMembershipChange("g-b", "pu-2", true, 2, null);

        await Task.WhenAll(writer.CommitAsync(new SyncStateChanges(), [a], []), writer.CommitAsync(new SyncStateChanges(), [b], []));

        var stored = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));
        Assert.Equal([a, b], stored.Entries);
        Assert.Equal([a, b], journal.Entries);
    }

    [Fact]
    public async Task CommitAsync_JournalEntryRemovedByOneGroupWhileAnotherAdds_KeepsTheOther()
    {
        var store = new WatchedStateStore();
        var journal = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));
        var writer = new SyncStateWriter(store, journal);
        var a = new PendingMembershipChange("g-a", "pu-1", true, 1, null);
        var b = new PendingMembershipChange("g-b", "pu-2", true, 2, null);
        await writer.CommitAsync(new SyncStateChanges(), [a], []);

        await Task.WhenAll(await CommitWhileTheFirstWriteIsHeldAsync(
            writer, store, () => writer.CommitAsync(new SyncStateChanges(), [b], []), () => writer.CommitAsync(new SyncStateChanges(), [], [a])));

        Assert.Equal(3, store.Writes);
        Assert.Equal([b], PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task CommitAsync_WriteFails_PutsTheJournalBackAsStored()
    {
        var store = new WatchedStateStore();
        var journal = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));
        var writer = new SyncStateWriter(store, journal);
        var a = new PendingMembershipChange("g-a", "pu-1", true, 1, null);
        await writer.CommitAsync(new SyncStateChanges(), [a], []);
        store.BeforeWrite = _ => throw new IOException("The disk is full.");

        await Assert.ThrowsAsync<IOException>(() => writer.CommitAsync(new SyncStateChanges(), [new PendingMembershipChange("g-b", "pu-2", true, 2, null)], [a]));

        Assert.Equal([a], journal.Entries);
    }

    [Fact]
    public void CommitAsync_WithoutAJournal_RefusesJournalChanges()
    {
        var writer = new SyncStateWriter(new WatchedStateStore());

        Assert.Throws<InvalidOperationException>(() => { _ = writer.CommitAsync(new SyncStateChanges(), [new PendingMembershipChange("g", "pu", true, 1, null)], []); });
    }

    [Fact]
    public async Task CommitAsync_ManyCallersAtOnce_NeverEntersTheStoreTwiceAtOnce()
    {
        var store = new WatchedStateStore();
        var writer = new SyncStateWriter(store);

        await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(() => writer.CommitAsync(Identity(i)))));

        Assert.Equal(0, store.Overlaps);
        Assert.Equal(200, (await store.LoadSiteAsync(Site)).Identities.Count);
    }
}
