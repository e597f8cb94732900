using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.State;

// The write-ahead journal's table: every store keeps pending membership changes as rows of the site's state.
public abstract partial class SyncStateStoreContractTests
{
    protected static PendingMembership Pending(string group, string user, bool isAddition = true, string site = "site-1") => new()
    {
        SiteId = site,
        GroupId = group,
        UserId = new PlatformUserId(user),
        IsAddition = isAddition,
        CustomerId = 42,
        AddedAt = isAddition ? null : T0,
    };

    [Fact]
    public async Task LoadSiteAsync_PendingMembershipsSaved_ComeBackWithEveryFieldOnAnotherConnection()
    {
        var removal = Pending("g1", "u1", isAddition: false);
        var addition = Pending("g1", "u2") with { CustomerId = null };

        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = [removal, addition] });

        var loaded = (await (await OpenSameStateAsync()).LoadSiteAsync("site-1")).PendingMemberships;
        Assert.Equal([removal, addition], loaded);
        Assert.Equal(TimeSpan.Zero, loaded[0].AddedAt!.Value.Offset);
    }

    [Fact]
    public async Task LoadSiteAsync_PendingMembershipsOfAnotherSite_AreNotLoaded()
    {
        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = [Pending("g1", "u1"), Pending("g1", "u1", site: "site-2")] });

        Assert.Equal("site-1", Assert.Single((await Store.LoadSiteAsync("site-1")).PendingMemberships).SiteId);
        Assert.Equal("site-2", Assert.Single((await Store.LoadSiteAsync("site-2")).PendingMemberships).SiteId);
        Assert.Empty((await Store.LoadSiteAsync("site-3")).PendingMemberships);
    }

    [Fact]
    public async Task ApplyAsync_PendingMembershipSavedTwiceUnderOneKey_TheLaterReplacesTheFirst()
    {
        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = [Pending("g1", "user-a")] });

        // The member is matched case-insensitively, as in the ledger.
        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = [Pending("g1", "USER-A") with { CustomerId = 43 }] });

        var row = Assert.Single((await Store.LoadSiteAsync("site-1")).PendingMemberships);
        Assert.Equal((new PlatformUserId("USER-A"), (long?)43), (row.UserId, row.CustomerId));
    }

    [Fact]
    public async Task ApplyAsync_PendingMembershipRemoved_ForgetsThatDirectionOnly()
    {
        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = [Pending("g1", "u1"), Pending("g1", "u1", isAddition: false), Pending("g2", "u1")] });

        // Only the key is matched: the other fields of the row to forget do not matter.
        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsRemoved = [Pending("g1", "U1") with { CustomerId = 99 }] });

        var left = (await Store.LoadSiteAsync("site-1")).PendingMemberships;
        Assert.Equal([Pending("g1", "u1", isAddition: false), Pending("g2", "u1")], left);
    }

    [Fact]
    public async Task ApplyAsync_PendingMembershipWithTheLedgerChange_LandsInTheSameBatch()
    {
        await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")] });

        // The write ahead of a removal: the ledger stops claiming the member as the journal records the removal.
        await Store.ApplyAsync(new SyncStateChanges
        {
            MembershipsRemoved = [new MembershipKey("site-1", "g1", new PlatformUserId("u1"))],
            PendingMembershipsAdded = [Pending("g1", "u1", isAddition: false)],
        });

        var state = await (await OpenSameStateAsync()).LoadSiteAsync("site-1");
        Assert.Empty(state.OwnedMemberships);
        Assert.Equal(Pending("g1", "u1", isAddition: false), Assert.Single(state.PendingMemberships));
    }

    [Fact]
    public async Task ApplyAsync_RemovalAndSaveOfTheSamePendingKeyInOneBatch_RemovalFirst()
    {
        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = [Pending("g1", "u1")] });

        await Store.ApplyAsync(new SyncStateChanges
        {
            PendingMembershipsRemoved = [Pending("g1", "u1")],
            PendingMembershipsAdded = [Pending("g1", "u1") with { CustomerId = 43 }],
        });

        Assert.Equal(43, Assert.Single((await Store.LoadSiteAsync("site-1")).PendingMemberships).CustomerId);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task ApplyAsync_PendingMembershipWithoutAGroup_IsRefusedAndNothingIsWritten(string? group)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Store.ApplyAsync(new SyncStateChanges
        {
            MembershipsAdded = [Owned("g1", "u1")],
            PendingMembershipsAdded = [Pending("g1", "u1") with { GroupId = group! }],
        }));

        Assert.Contains("PendingMemberships.GroupId", ex.Message, StringComparison.Ordinal);
        var state = await Store.LoadSiteAsync("site-1");
        Assert.Empty(state.OwnedMemberships);
        Assert.Empty(state.PendingMemberships);
    }

    [Fact]
    public async Task ApplyAsync_WatermarkPastTheRetention_KeepsPendingMemberships()
    {
        // Door-entry retention bounds the check-in memory only: a pending change waits for its group's next read,
        // however long that takes (dropping it could leave a membership nobody owns, or one SALTO kept unclaimed).
        await Store.ApplyAsync(new SyncStateChanges { PendingMembershipsAdded = [Pending("g1", "u1")] });

        await Store.ApplyAsync(new SyncStateChanges { CheckInCursors = [new CheckInCursor { SiteId = "site-1", Watermark = T0.AddDays(400) }] });

        Assert.Single((await Store.LoadSiteAsync("site-1")).PendingMemberships);
    }

    [Fact]
    public async Task ApplyAsync_ErasureOfACustomer_ForgetsTheirJournalRowsInBothDirections()
    {
        await Store.ApplyAsync(new SyncStateChanges
        {
            IdentitiesToSave = [Identity(7), Identity(8)],
            PendingMembershipsAdded =
            [
                Pending("g1", "pu-7") with { CustomerId = 7 },
                Pending("g2", "pu-7", isAddition: false) with { CustomerId = null },
                Pending("g1", "pu-8") with { CustomerId = 8 },
            ],
        });
        var state = await Store.LoadSiteAsync("site-1");

        var changes = CustomerEraser.StateChanges(state, PendingMembershipJournal.From(state), 7, out _, out _);
        await Store.ApplyAsync(changes);

        Assert.Equal(2, changes.PendingMembershipsRemoved.Count);
        Assert.Equal([Pending("g1", "pu-8") with { CustomerId = 8 }], (await Store.LoadSiteAsync("site-1")).PendingMemberships);
    }

    [Fact]
    public async Task ApplyAsync_JournalEntryAddedThenSettledThroughTheWriter_LeavesOnlyTheOpenEntry()
    {
        var journal = PendingMembershipJournal.From(await Store.LoadSiteAsync("site-1", CancellationToken.None));
        var writer = new SyncStateWriter(Store, journal);
        var a = new PendingMembershipChange("g1", "u1", true, 42, null);
        var b = new PendingMembershipChange("g2", "u2", true, 42, null);

        await Task.WhenAll(
            writer.CommitAsync(new SyncStateChanges(), [a], []),
            writer.CommitAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")] }, [b], [a]));

        var state = await (await OpenSameStateAsync()).LoadSiteAsync("site-1");
        Assert.Equal([Pending("g2", "u2")], state.PendingMemberships);
        Assert.Equal([b], journal.Entries);
    }
}
