using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.State;

/// <summary>
/// The behaviour every <see cref="ISyncStateStore"/> must have; each implementation runs all of it.
/// </summary>
public abstract partial class SyncStateStoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);

    protected ISyncStateStore Store { get; private set; } = null!;

    protected abstract Task<ISyncStateStore> CreateStoreAsync();

    /// <summary>A second store on the same state, as another process would open it (the same instance where there is no other).</summary>
    protected abstract Task<ISyncStateStore> OpenSameStateAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static IdentityLink Identity(long customer, string site = "site-1") => new()
    {
        SiteId = site,
        CustomerId = customer,
        SiteUserId = new SiteUserId($"su-{customer}"),
        PlatformUserId = new PlatformUserId($"pu-{customer}"),
        Email = $"c{customer}@example.com",
        CreatedBySdk = true,
        LinkedAt = T0,
    };

    protected static OwnedMembership Owned(string group, string user, string site = "site-1") => new()
    {
        SiteId = site,
        GroupId = group,
        UserId = new PlatformUserId(user),
        CustomerId = 42,
        AddedAt = T0,
    };

    [Fact]
    public async Task LoadSiteAsync_NothingStored_ReturnsEmptyState()
    {
        var state = await Store.LoadSiteAsync("site-1");

        Assert.Equal("site-1", state.SiteId);
        Assert.Empty(state.Identities);
        Assert.Empty(state.OwnedMemberships);
        Assert.Empty(state.GroupStatuses);
        Assert.Empty(state.TagAssignments);
        Assert.Empty(state.Schedules);
    }

    [Fact]
    public async Task ApplyAsync_IdentitySaved_LoadsWithBothSaltoIds()
    {
        await Store.ApplyAsync(new SyncStateChanges { IdentitiesToSave = [Identity(7)] });

        var link = Assert.Single((await Store.LoadSiteAsync("site-1")).Identities);
        Assert.Equal(Identity(7), link);
        Assert.Equal(new SiteUserId("su-7"), link.SiteUserId);
        Assert.Equal(new PlatformUserId("pu-7"), link.PlatformUserId);
    }

    [Fact]
    public async Task ApplyAsync_IdentitySavedTwice_ReplacesTheFirst()
    {
        await Store.ApplyAsync(new SyncStateChanges { IdentitiesToSave = [Identity(7)] });
        await Store.ApplyAsync(new SyncStateChanges { IdentitiesToSave = [Identity(7) with { Email = "new@example.com" }] });

        var link = Assert.Single((await Store.LoadSiteAsync("site-1")).Identities);
        Assert.Equal("new@example.com", link.Email);
    }

    [Fact]
    public async Task ApplyAsync_IdentityRemoved_IsForgotten()
    {
        await Store.ApplyAsync(new SyncStateChanges { IdentitiesToSave = [Identity(7), Identity(8)] });
        await Store.ApplyAsync(new SyncStateChanges { IdentitiesToRemove = [("site-1", 7)] });

        Assert.Equal(8, Assert.Single((await Store.LoadSiteAsync("site-1")).Identities).CustomerId);
    }

    [Fact]
    public async Task LoadSiteAsync_OtherSitesData_IsNotReturned()
    {
        await Store.ApplyAsync(new SyncStateChanges
        {
            IdentitiesToSave = [Identity(1, "site-A"), Identity(2, "site-B")],
            MembershipsAdded = [Owned("g", "u1", "site-A"), Owned("g", "u2", "site-B")],
        });

        var a = await Store.LoadSiteAsync("site-A");
        Assert.Equal(1, Assert.Single(a.Identities).CustomerId);
        Assert.Equal("u1", Assert.Single(a.OwnedMemberships).UserId.Value);
    }

    [Fact]
    public async Task ApplyAsync_MembershipsAddedThenRemoved_LedgerFollows()
    {
        await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1"), Owned("g1", "u2"), Owned("g2", "u1")] });
        await Store.ApplyAsync(new SyncStateChanges { MembershipsRemoved = [new MembershipKey("site-1", "g1", new PlatformUserId("u1"))] });

        var ledger = (await Store.LoadSiteAsync("site-1")).OwnedMemberships;
        Assert.Equal(["g1/u2", "g2/u1"], ledger.Select(m => $"{m.GroupId}/{m.UserId.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_MembershipRemovedWithOtherCaseOfUserId_IsRemoved()
    {
        // SALTO ids are GUID text; the same user may come back upper- or lower-case.
        await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "ab-cd")] });
        await Store.ApplyAsync(new SyncStateChanges { MembershipsRemoved = [new MembershipKey("site-1", "g1", new PlatformUserId("AB-CD"))] });

        Assert.Empty((await Store.LoadSiteAsync("site-1")).OwnedMemberships);
    }

    [Fact]
    public async Task ApplyAsync_SameMembershipAddedTwice_KeepsOneRow()
    {
        await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")] });
        await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1") with { AddedAt = T0.AddHours(1) }] });

        var row = Assert.Single((await Store.LoadSiteAsync("site-1")).OwnedMemberships);
        Assert.Equal(T0.AddHours(1), row.AddedAt);
    }

    [Fact]
    public async Task ApplyAsync_BatchWithAnInvalidItem_WritesNothing()
    {
        var batch = new SyncStateChanges
        {
            IdentitiesToSave = [Identity(7)],
            MembershipsAdded = [Owned("g1", "u1"), Owned("", "u2")],
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Store.ApplyAsync(batch));

        Assert.Contains("MembershipsAdded.GroupId", ex.Message, StringComparison.Ordinal);
        var state = await Store.LoadSiteAsync("site-1");
        Assert.Empty(state.Identities);
        Assert.Empty(state.OwnedMemberships);
    }

    [Fact]
    public async Task ApplyAsync_CancelledBeforehand_WritesNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")] }, cts.Token));

        Assert.Empty((await Store.LoadSiteAsync("site-1")).OwnedMemberships);
    }

    [Fact]
    public async Task ApplyAsync_GroupStatus_RoundTripsEveryField()
    {
        var status = new GroupSyncStatus
        {
            SiteId = "site-1",
            GroupId = "g1",
            ConsecutiveFailures = 3,
            LastError = "503 from SALTO",
            LastFailureAt = T0,
            LastSuccessAt = T0.AddDays(-1),
            NextAttemptAt = T0.AddMinutes(8),
        };

        await Store.ApplyAsync(new SyncStateChanges { GroupStatuses = [status] });

        Assert.Equal(status, Assert.Single((await Store.LoadSiteAsync("site-1")).GroupStatuses));
    }

    [Fact]
    public async Task ApplyAsync_TagsAssignedAndUnassigned_Follow()
    {
        TagAssignment Tag(string number) => new() { SiteId = "site-1", CustomerId = 5, TagNumber = number, TagId = $"tag-{number}", AssignedAt = T0 };
        await Store.ApplyAsync(new SyncStateChanges { TagsAssigned = [Tag("111"), Tag("222")] });
        await Store.ApplyAsync(new SyncStateChanges { TagsUnassigned = [("site-1", 5, "111")] });

        Assert.Equal(Tag("222"), Assert.Single((await Store.LoadSiteAsync("site-1")).TagAssignments));
    }

    [Fact]
    public async Task ApplyAsync_SchedulesSavedAndRemoved_Follow()
    {
        OwnedSchedule S(string id, string fp) => new() { SiteId = "site-1", GroupId = "g1", ScheduleId = id, Fingerprint = fp };
        await Store.ApplyAsync(new SyncStateChanges { SchedulesSaved = [S("s1", "a"), S("s2", "b")] });
        await Store.ApplyAsync(new SyncStateChanges { SchedulesSaved = [S("s2", "c")], SchedulesRemoved = [("site-1", "g1", "s1")] });

        Assert.Equal(S("s2", "c"), Assert.Single((await Store.LoadSiteAsync("site-1")).Schedules));
    }

    [Fact]
    public async Task ApplyAsync_EntryProcessed_IsRecognisedAfterwards()
    {
        Assert.False(await Store.IsEntryProcessedAsync("site-1", "e1"));

        await Store.ApplyAsync(new SyncStateChanges
        {
            EntriesProcessed = [new ProcessedEntry { SiteId = "site-1", EntryId = "e1", OccurredAt = T0, Outcome = "checked-in", CheckInId = 9, ProcessedAt = T0 }],
            CheckInCursors = [new CheckInCursor { SiteId = "site-1", Watermark = T0 }],
        });

        Assert.True(await Store.IsEntryProcessedAsync("site-1", "e1"));
        Assert.False(await Store.IsEntryProcessedAsync("site-2", "e1"));
        Assert.Equal(T0, (await Store.LoadCheckInCursorAsync("site-1")).Watermark);
    }

    [Fact]
    public async Task LoadCheckInCursorAsync_NoRunYet_HasNoWatermark()
    {
        Assert.Null((await Store.LoadCheckInCursorAsync("site-1")).Watermark);
    }

    [Fact]
    public async Task ApplyAsync_OlderWatermark_DoesNotMoveTheCursorBack()
    {
        await Store.ApplyAsync(new SyncStateChanges { CheckInCursors = [new CheckInCursor { SiteId = "site-1", Watermark = T0 }] });
        await Store.ApplyAsync(new SyncStateChanges { CheckInCursors = [new CheckInCursor { SiteId = "site-1", Watermark = T0.AddHours(-1) }] });

        Assert.Equal(T0, (await Store.LoadCheckInCursorAsync("site-1")).Watermark);
    }

    [Fact]
    public async Task ApplyAsync_Values_SetReplaceAndDelete()
    {
        await Store.ApplyAsync(new SyncStateChanges { Values = [new("nexudus:coworkers:updated-on", "2026-03-01T00:00Z")] });
        Assert.Equal("2026-03-01T00:00Z", await Store.GetValueAsync("nexudus:coworkers:updated-on"));

        await Store.ApplyAsync(new SyncStateChanges { Values = [new("nexudus:coworkers:updated-on", "2026-03-02T00:00Z")] });
        Assert.Equal("2026-03-02T00:00Z", await Store.GetValueAsync("nexudus:coworkers:updated-on"));

        await Store.ApplyAsync(new SyncStateChanges { Values = [new("nexudus:coworkers:updated-on", null)] });
        Assert.Null(await Store.GetValueAsync("nexudus:coworkers:updated-on"));
    }

    [Fact]
    public async Task AcquireLeaseAsync_WhileHeld_FailsFastWithAClearMessage()
    {
        await using var first = await Store.AcquireLeaseAsync("sync");

        var ex = await Assert.ThrowsAsync<SyncStateLockedException>(() => Store.AcquireLeaseAsync("watch"));

        Assert.Equal("watch", ex.RequestedBy);
        Assert.Contains("Another run already holds the sync state", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcquireLeaseAsync_AfterRelease_Succeeds()
    {
        var first = await Store.AcquireLeaseAsync("sync");
        await first.DisposeAsync();
        await first.DisposeAsync(); // releasing twice is harmless

        await using var second = await Store.AcquireLeaseAsync("sync");
        Assert.Equal("sync", second.Holder);
        await Assert.ThrowsAsync<SyncStateLockedException>(() => Store.AcquireLeaseAsync("other"));
    }

    [Fact]
    public async Task ApplyAsync_ManyConcurrentBatches_AllLand()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", $"u{i}")] })));

        Assert.Equal(40, (await Store.LoadSiteAsync("site-1")).OwnedMemberships.Count);
    }

    [Fact]
    public async Task ApplyAsync_JournalWrittenAheadThenTheRunDies_EntriesAreThereForTheNextRun()
    {
        var journal = PendingMembershipJournal.From(await Store.LoadSiteAsync("site-1", CancellationToken.None));
        var entry = new PendingMembershipChange("g1", "u1", IsAddition: true, CustomerId: 42, AddedAt: null);

        // The write-ahead entry before the PATCH; the process dies before the outcome is recorded.
        await new SyncStateWriter(Store, journal).CommitAsync(new SyncStateChanges(), [entry], []);

        var next = PendingMembershipJournal.From(await (await OpenSameStateAsync()).LoadSiteAsync("site-1", CancellationToken.None));
        Assert.Equal(entry, Assert.Single(next.Entries));
        Assert.Empty((await Store.LoadSiteAsync("site-1")).OwnedMemberships);
    }

    [Fact]
    public async Task ApplyAsync_OutcomeRecordedWithTheJournalEntry_LedgerGainsItAndJournalEmpties()
    {
        var journal = PendingMembershipJournal.From(await Store.LoadSiteAsync("site-1", CancellationToken.None));
        var entry = new PendingMembershipChange("g1", "u1", IsAddition: true, CustomerId: 42, AddedAt: null);
        var writer = new SyncStateWriter(Store, journal);
        await writer.CommitAsync(new SyncStateChanges(), [entry], []);

        await writer.CommitAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")] }, [], [entry]);

        var reopened = await OpenSameStateAsync();
        Assert.Empty(PendingMembershipJournal.From(await reopened.LoadSiteAsync("site-1", CancellationToken.None)).Entries);
        Assert.Equal(Owned("g1", "u1"), Assert.Single((await reopened.LoadSiteAsync("site-1")).OwnedMemberships));
    }

    [Fact]
    public async Task ApplyAsync_RemovalAndAdditionOfTheSameKeyInOneBatch_RemovalFirst()
    {
        await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")] });

        await Store.ApplyAsync(new SyncStateChanges
        {
            MembershipsRemoved = [new MembershipKey("site-1", "g1", new PlatformUserId("u1"))],
            MembershipsAdded = [Owned("g1", "u1") with { CustomerId = 43 }],
        });

        Assert.Equal(43, Assert.Single((await Store.LoadSiteAsync("site-1")).OwnedMemberships).CustomerId);
    }

    [Fact]
    public async Task ApplyAsync_TwoWritersOnTheSameState_EveryBatchLands()
    {
        var other = await OpenSameStateAsync();

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => (i % 2 == 0 ? Store : other).ApplyAsync(new SyncStateChanges
        {
            MembershipsAdded = [Owned("g1", $"u{i}")],
            IdentitiesToSave = [Identity(i)],
            Values = [new($"k{i}", "v")],
        })));

        var state = await other.LoadSiteAsync("site-1");
        Assert.Equal(30, state.OwnedMemberships.Count);
        Assert.Equal(30, state.Identities.Count);
        Assert.Equal("v", await Store.GetValueAsync("k29"));
    }

    [Fact]
    public async Task ApplyAsync_BatchCarryingALeaseThatIsNotCurrent_WritesNothing()
    {
        var stale = new SiteLease { SiteId = "site-1", Holder = "worker-a", FencingToken = 12345, ExpiresAt = T0 };

        var ex = await Assert.ThrowsAnyAsync<InvalidOperationException>(async () =>
        {
            try
            {
                await Store.ApplyAsync(new SyncStateChanges { MembershipsAdded = [Owned("g1", "u1")], Leases = [stale] });
            }
            catch (ArgumentException notLeasing) when (Store is not ISiteLeaseStore)
            {
                // A store that does not lease sites cannot check the lease, so it refuses the batch too.
                throw new InvalidOperationException(notLeasing.Message, notLeasing);
            }
        });

        Assert.True(Store is ISiteLeaseStore ? ex is SyncStateFencedException : ex.InnerException is ArgumentException, ex.ToString());
        Assert.Empty((await Store.LoadSiteAsync("site-1")).OwnedMemberships);
    }

    [Fact]
    public async Task ApplyAsync_ErasureOfACustomer_LeavesNoRowAboutThemAndKeepsTheOthers()
    {
        var other = new PlatformUserId("pu-8");
        await Store.ApplyAsync(new SyncStateChanges
        {
            IdentitiesToSave = [Identity(7), Identity(8)],
            MembershipsAdded = [Owned("g1", "pu-7") with { CustomerId = 7 }, Owned("g2", "pu-7") with { CustomerId = 7 }, Owned("g1", "pu-8") with { CustomerId = 8 }],
            TagsAssigned =
            [
                new TagAssignment { SiteId = "site-1", CustomerId = 7, TagNumber = "02305075", TagId = "tag-7", AssignedAt = T0 },
                new TagAssignment { SiteId = "site-1", CustomerId = 8, TagNumber = "02305076", TagId = "tag-8", AssignedAt = T0 },
            ],
        });
        var journal = PendingMembershipJournal.From(await Store.LoadSiteAsync("site-1", CancellationToken.None));
        await Store.ApplyAsync(new SyncStateChanges
        {
            PendingMembershipsAdded = journal.Add([new PendingMembershipChange("g3", "pu-7", true, 7, null), new PendingMembershipChange("g3", "pu-8", true, 8, null)]),
        });
        var state = await Store.LoadSiteAsync("site-1");
        journal = PendingMembershipJournal.From(await Store.LoadSiteAsync("site-1", CancellationToken.None));

        await Store.ApplyAsync(CustomerEraser.StateChanges(state, journal, 7, out _, out _));

        var after = await Store.LoadSiteAsync("site-1");
        Assert.Equal([8L], after.Identities.Select(l => l.CustomerId));
        Assert.Equal([other], after.OwnedMemberships.Select(o => o.UserId));
        Assert.Equal([8L], after.TagAssignments.Select(t => t.CustomerId));
        var pending = PendingMembershipJournal.From(await Store.LoadSiteAsync("site-1", CancellationToken.None)).Entries;
        Assert.Equal(["pu-8"], pending.Select(e => e.UserId));
    }

    [Fact]
    public async Task ApplyAsync_WatermarkPastTheRetention_ForgetsOlderProcessedEntries()
    {
        await Store.ApplyAsync(new SyncStateChanges
        {
            EntriesProcessed =
            [
                new ProcessedEntry { SiteId = "site-1", EntryId = "old", OccurredAt = T0, Outcome = "CheckedIn", ProcessedAt = T0 },
                new ProcessedEntry { SiteId = "site-1", EntryId = "recent", OccurredAt = T0.AddDays(60), Outcome = "CheckedIn", ProcessedAt = T0 },
            ],
            CheckInCursors = [new CheckInCursor { SiteId = "site-1", Watermark = T0.AddDays(60) }],
        });
        Assert.True(await Store.IsEntryProcessedAsync("site-1", "old"));

        await Store.ApplyAsync(new SyncStateChanges { CheckInCursors = [new CheckInCursor { SiteId = "site-1", Watermark = T0.AddDays(91) }] });

        Assert.False(await Store.IsEntryProcessedAsync("site-1", "old"));
        Assert.True(await Store.IsEntryProcessedAsync("site-1", "recent"));
    }
}

public sealed class InMemorySyncStateStoreTests : SyncStateStoreContractTests
{
    protected override Task<ISyncStateStore> CreateStoreAsync() => Task.FromResult<ISyncStateStore>(new InMemorySyncStateStore());

    protected override Task<ISyncStateStore> OpenSameStateAsync() => Task.FromResult(Store);
}
