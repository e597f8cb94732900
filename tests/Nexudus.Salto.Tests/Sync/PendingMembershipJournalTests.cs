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
        var journal = await PendingMembershipJournal.LoadAsync(store, "s1", CancellationToken.None);
        await store.ApplyAsync(new SyncStateChanges { Values = [journal.Add(entries)] });
        return await PendingMembershipJournal.LoadAsync(store, "s1", CancellationToken.None);
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
    public async Task Remove_LastEntry_DeletesTheStoredValue()
    {
        var store = new InMemorySyncStateStore();
        var entry = new PendingMembershipChange("g", "pu-1", true, 7, null);
        var journal = await JournalWithAsync(store, entry);

        await store.ApplyAsync(new SyncStateChanges { Values = [journal.Remove([entry])] });

        Assert.Null(await store.GetValueAsync(PendingMembershipJournal.KeyOf("s1")));
    }

    [Fact]
    public async Task Load_UnreadableValue_StartsEmpty()
    {
        var store = new InMemorySyncStateStore();
        await store.ApplyAsync(new SyncStateChanges { Values = [new(PendingMembershipJournal.KeyOf("s1"), "not json")] });

        var journal = await PendingMembershipJournal.LoadAsync(store, "s1", CancellationToken.None);

        Assert.Empty(journal.Entries);
    }
}
