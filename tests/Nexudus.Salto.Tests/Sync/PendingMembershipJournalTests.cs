using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class PendingMembershipJournalTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AddedEarlier = Now.AddDays(-3);

    private static async Task<PendingMembershipJournal> JournalWithAsync(InMemorySyncStateStore store, params PendingMembershipChange[] entries)
    {
        var journal = PendingMembershipJournal.From(await store.LoadSiteAsync("s1", CancellationToken.None));
        await store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = journal.Add(entries) });
        return PendingMembershipJournal.From(await store.LoadSiteAsync("s1", CancellationToken.None));
    }

    private static Dictionary<string, IReadOnlyList<PlatformUserId>> Members(string group, params string[] users) =>
        new(StringComparer.OrdinalIgnoreCase) { [group] = [.. users.Select(u => new PlatformUserId(u))] };

    [Fact]
    public async Task Settle_AdditionSaltoMade_IsClaimedForTheLedger()
    {
        var journal = await JournalWithAsync(new InMemorySyncStateStore(), new PendingMembershipChange("g", "pu-1", true, 7, null));

        var (claims, settled) = journal.Settle(Members("g", "pu-1"), Now);

        var claim = Assert.Single(claims);
        Assert.Equal(("g", new PlatformUserId("pu-1"), (long?)7, Now), (claim.GroupId, claim.UserId, claim.CustomerId, claim.AddedAt));
        Assert.Single(settled);
    }

    [Fact]
    public async Task Settle_AdditionSaltoNeverMade_IsDroppedWithoutAClaim()
    {
        var journal = await JournalWithAsync(new InMemorySyncStateStore(), new PendingMembershipChange("g", "pu-1", true, 7, null));

        var (claims, settled) = journal.Settle(Members("g", "pu-other"), Now);

        Assert.Empty(claims);
        Assert.Single(settled);
    }

    [Fact]
    public async Task Settle_AdditionToAGroupBelievedEmpty_IsDroppedWithoutAClaim()
    {
        // A doubted empty answer never reaches Settle (EmptyGroupReads leaves the group out); a believed one settles.
        var journal = await JournalWithAsync(new InMemorySyncStateStore(), new PendingMembershipChange("g", "pu-1", true, 7, null));

        var (claims, settled) = journal.Settle(Members("g"), Now);

        Assert.Empty(claims);
        Assert.Single(settled);
    }

    [Fact]
    public async Task Settle_RemovalSaltoDidNotMake_GoesBackIntoTheLedgerWithItsOriginalDate()
    {
        var journal = await JournalWithAsync(new InMemorySyncStateStore(), new PendingMembershipChange("g", "pu-1", false, 7, AddedEarlier));

        var (claims, _) = journal.Settle(Members("g", "pu-1"), Now);

        Assert.Equal(AddedEarlier, Assert.Single(claims).AddedAt);
    }

    [Fact]
    public async Task Settle_GroupNotRead_StaysPending()
    {
        var journal = await JournalWithAsync(new InMemorySyncStateStore(), new PendingMembershipChange("other", "pu-1", true, 7, null));

        var (claims, settled) = journal.Settle(Members("g", "pu-1"), Now);

        Assert.Empty(claims);
        Assert.Empty(settled);
    }

    [Fact]
    public async Task Remove_LastEntry_DeletesTheStoredRow()
    {
        var store = new InMemorySyncStateStore();
        var entry = new PendingMembershipChange("g", "pu-1", true, 7, null);
        var journal = await JournalWithAsync(store, entry);

        await store.ApplyAsync(new SyncStateChanges { PendingMembershipsRemoved = journal.Remove([entry]) });

        Assert.Empty((await store.LoadSiteAsync("s1")).PendingMemberships);
    }

    [Fact]
    public void LegacyParse_UnreadableValue_YieldsNoRows()
    {
        Assert.Empty(LegacyPendingMemberships.Parse(LegacyPendingMemberships.KeyPrefix + "s1", "not json"));
    }

    [Fact]
    public async Task Add_SameGroupMemberAndDirectionTwice_KeepsOneEntryTheLaterWinning()
    {
        var journal = await JournalWithAsync(new InMemorySyncStateStore(), new PendingMembershipChange("g", "pu-1", true, 7, null));

        var rows = journal.Add([new PendingMembershipChange("g", "PU-1", true, 8, null)]);

        Assert.Equal([new PendingMembershipChange("g", "PU-1", true, 8, null)], journal.Entries);
        Assert.Equal(8, Assert.Single(rows).CustomerId);
    }

    [Fact]
    public async Task RowsSince_EntryAddedAndSettledBetween_IsNeitherStoredNorDeleted()
    {
        var kept = new PendingMembershipChange("g", "pu-0", false, 6, AddedEarlier);
        var journal = await JournalWithAsync(new InMemorySyncStateStore(), kept);
        var before = journal.Entries;
        var a = new PendingMembershipChange("g", "pu-1", true, 7, null);
        var b = new PendingMembershipChange("h", "pu-2", true, 8, null);

        journal.Change([a], []);
        journal.Change([b], [a, kept]);
        var (added, removed) = journal.RowsSince(before);

        Assert.Equal([("h", "pu-2")], added.Select(r => (r.GroupId, r.UserId.Value)));
        Assert.Equal([("g", "pu-0", false)], removed.Select(r => (r.GroupId, r.UserId.Value, r.IsAddition)));
        Assert.All(added.Concat(removed), r => Assert.Equal("s1", r.SiteId));
    }

    [Fact]
    public void LegacyParse_ValueEarlierVersionsWrote_YieldsOneRowPerKeyForItsSite()
    {
        const string Json =
            "[{\"groupId\":\"g\",\"userId\":\"pu-1\",\"isAddition\":true,\"customerId\":7,\"addedAt\":null}," +
            "{\"groupId\":\"g\",\"userId\":\"pu-2\",\"isAddition\":false,\"customerId\":null,\"addedAt\":\"2025-03-01T09:00:00+01:00\"}," +
            "{\"groupId\":\"g\",\"userId\":\"PU-1\",\"isAddition\":true,\"customerId\":9,\"addedAt\":null}]";

        var rows = LegacyPendingMemberships.Parse(LegacyPendingMemberships.KeyPrefix + "site-a", Json);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("site-a", r.SiteId));
        Assert.Contains(rows, r => r.UserId.Value == "pu-2" && !r.IsAddition && r.AddedAt == new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(9, Assert.Single(rows, r => r.IsAddition).CustomerId);
    }
}
