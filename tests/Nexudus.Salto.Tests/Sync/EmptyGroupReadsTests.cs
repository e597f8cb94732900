using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class EmptyGroupReadsTests
{
    private const string Site = "s1";

    private static Dictionary<string, IReadOnlyList<PlatformUserId>> Read(params (string Group, string[] Users)[] groups) =>
        groups.ToDictionary(g => g.Group, g => (IReadOnlyList<PlatformUserId>)[.. g.Users.Select(u => new PlatformUserId(u))], StringComparer.OrdinalIgnoreCase);

    private static OwnedMembership Owned(string group, string user) => new() { SiteId = Site, GroupId = group, UserId = new PlatformUserId(user), CustomerId = 1 };

    private static async Task<EmptyGroupReads.Judgement> JudgeAsync(
        InMemorySyncStateStore store, Dictionary<string, IReadOnlyList<PlatformUserId>> read, OwnedMembership[]? ledger = null, PendingMembershipChange[]? journal = null, bool believe = false)
    {
        var reads = await EmptyGroupReads.LoadAsync(store, Site, CancellationToken.None);
        var judgement = reads.Judge(read, ledger ?? [], journal ?? [], believe);
        if (judgement.Value is { } value)
        {
            await store.ApplyAsync(new SyncStateChanges { Values = [value] });
        }

        return judgement;
    }

    [Fact]
    public async Task Judge_EmptyGroupWhereTheLedgerHoldsMembers_IsDoubtedWithTheReason()
    {
        var judgement = await JudgeAsync(new InMemorySyncStateStore(), Read(("g", [])), [Owned("g", "u1"), Owned("g", "u2")]);

        var reason = Assert.Single(judgement.Doubted);
        Assert.Equal("g", reason.Key);
        Assert.Contains("the SDK added 2 of its members", reason.Value, StringComparison.Ordinal);
        Assert.Contains("empty answer 1 in a row", reason.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_EmptyGroupWithAJournalRemoval_IsDoubted()
    {
        var judgement = await JudgeAsync(new InMemorySyncStateStore(), Read(("g", [])), journal: [new PendingMembershipChange("G", "u1", false, 1, null)]);

        Assert.Contains("have no known outcome", Assert.Single(judgement.Doubted).Value, StringComparison.Ordinal);
        Assert.Empty(judgement.Unsettled);
    }

    [Fact]
    public async Task Judge_EmptyGroupWithOnlyJournalAdditions_IsPlannedButItsAdditionsWaitForAnAnswerWithMembers()
    {
        var store = new InMemorySyncStateStore();
        PendingMembershipChange[] journal = [new PendingMembershipChange("G", "u1", true, 1, null)];

        var first = await JudgeAsync(store, Read(("g", [])), journal: journal);
        await JudgeAsync(store, Read(("g", [])), journal: journal);
        var third = await JudgeAsync(store, Read(("g", [])), journal: journal);

        Assert.Empty(first.Doubted);
        Assert.Equal(["g"], first.Unsettled);
        Assert.Empty(third.Unsettled); // believed: the additions settle as not made
    }

    [Fact]
    public async Task Judge_EmptyGroupNobodyKnowsOf_IsBelievedAndStoresNothing()
    {
        var judgement = await JudgeAsync(new InMemorySyncStateStore(), Read(("g", [])));

        Assert.Empty(judgement.Doubted);
        Assert.Null(judgement.Value);
    }

    [Fact]
    public async Task Judge_ThirdEmptyAnswerInARow_IsBelieved()
    {
        var store = new InMemorySyncStateStore();
        OwnedMembership[] ledger = [Owned("g", "u1")];

        var first = await JudgeAsync(store, Read(("g", [])), ledger);
        var second = await JudgeAsync(store, Read(("g", [])), ledger);
        var third = await JudgeAsync(store, Read(("g", [])), ledger);

        Assert.Single(first.Doubted);
        Assert.Contains("empty answer 2 in a row", Assert.Single(second.Doubted).Value, StringComparison.Ordinal);
        Assert.Empty(third.Doubted);
    }

    [Fact]
    public async Task Judge_AnAnswerWithMembersBetweenEmptyOnes_StartsTheCountAgain()
    {
        var store = new InMemorySyncStateStore();
        OwnedMembership[] ledger = [Owned("g", "u1")];

        await JudgeAsync(store, Read(("g", [])), ledger);
        await JudgeAsync(store, Read(("g", [])), ledger);
        await JudgeAsync(store, Read(("g", ["u1"])), ledger);
        var afterMembers = await JudgeAsync(store, Read(("g", [])), ledger);

        Assert.Contains("empty answer 1 in a row", Assert.Single(afterMembers.Doubted).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_OperatorBelievesEmptyGroups_NothingIsDoubtedAndTheCountStartsAgain()
    {
        var store = new InMemorySyncStateStore();
        OwnedMembership[] ledger = [Owned("g", "u1")];
        await JudgeAsync(store, Read(("g", [])), ledger);

        var believed = await JudgeAsync(store, Read(("g", [])), ledger, believe: true);
        var next = await JudgeAsync(store, Read(("g", [])), ledger);

        Assert.Empty(believed.Doubted);
        Assert.Contains("empty answer 1 in a row", Assert.Single(next.Doubted).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_GroupNotRead_KeepsItsCount()
    {
        var store = new InMemorySyncStateStore();
        OwnedMembership[] ledger = [Owned("g", "u1")];
        await JudgeAsync(store, Read(("g", [])), ledger);

        await JudgeAsync(store, Read(), ledger);
        var again = await JudgeAsync(store, Read(("g", [])), ledger);

        Assert.Contains("empty answer 2 in a row", Assert.Single(again.Doubted).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_UnreadableMemory_StartsEmpty()
    {
        var store = new InMemorySyncStateStore();
        await store.ApplyAsync(new SyncStateChanges { Values = [new(EmptyGroupReads.KeyOf(Site), "not json")] });

        var judgement = await JudgeAsync(store, Read(("g", [])));

        Assert.Empty(judgement.Doubted);
    }

    [Fact]
    public async Task Judge_GroupsWithMembersAsBefore_StoresNothing()
    {
        var store = new InMemorySyncStateStore();
        await JudgeAsync(store, Read(("g", ["u1"])), [Owned("g", "u1")]);

        var again = await JudgeAsync(store, Read(("g", ["u1", "u2"])), [Owned("g", "u1")]);

        Assert.Null(again.Value);
    }
}
