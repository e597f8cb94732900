using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

/// <summary>
/// The executor over a client that split one chunk into several calls with different outcomes: it records exactly the
/// accepted ids, and each failed id carries the error of its own call.
/// </summary>
public sealed class PlanExecutorSplitChunkTests
{
    private const string Site = "s1";
    private const string Group = "g1";
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static readonly SaltoKsApiException TooLarge = new("SALTO KS answered 413 (too large).", 413, null, null, null);
    private static readonly SaltoKsApiException Unknown = new("SALTO KS answered 404 (2202) to PATCH: User not found.", 404, "2202", "User not found", null);

    [Fact]
    public async Task ExecuteAsync_ClientSplitTheChunk_LedgerHoldsExactlyTheAcceptedIds()
    {
        var (store, result) = await ExecuteAsync();

        var owned = (await store.LoadSiteAsync(Site)).OwnedMemberships;
        Assert.Equal(["u1", "u2", "u4"], owned.Select(o => o.UserId.Value).Order(StringComparer.Ordinal));
        Assert.Equal(3, result.Changes.Count(c => c.Outcome == SyncChangeOutcome.Applied));
    }

    [Fact]
    public async Task ExecuteAsync_ClientSplitTheChunk_EachFailedIdCarriesItsOwnCallsError()
    {
        var (_, result) = await ExecuteAsync();

        var failed = result.Changes.Where(c => c.Outcome == SyncChangeOutcome.Failed).ToDictionary(c => c.UserId!.Value.Value!, c => c.Detail);
        Assert.Equal(Unknown.Message, failed["u3"]);
        Assert.Equal(TooLarge.Message, failed["u5"]);
    }

    [Fact]
    public async Task ExecuteAsync_ClientSplitTheChunk_JournalKeepsOnlyTheUnacceptedIds()
    {
        var (store, _) = await ExecuteAsync();

        var journal = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));
        Assert.Equal(["u3", "u5"], journal.Entries.Select(e => e.UserId).Order(StringComparer.Ordinal));
    }

    private static async Task<(InMemorySyncStateStore Store, SiteExecutionResult Result)> ExecuteAsync()
    {
        var store = new InMemorySyncStateStore();
        var client = new SplittingClient(new AccessGroupMembersChangeResult
        {
            Chunks =
            [
                new AccessGroupMembersChunkResult { AddIds = [new("u1"), new("u2")] },
                new AccessGroupMembersChunkResult { AddIds = [new("u3")], Error = Unknown },
                new AccessGroupMembersChunkResult { AddIds = [new("u4")] },
                new AccessGroupMembersChunkResult { AddIds = [new("u5")], Error = TooLarge },
            ],
        });
        var executor = new PlanExecutor(client, new AccessSyncOptions(), new FakeTimeProvider(Now), NullLogger.Instance);
        var plan = new AccessPlan
        {
            SiteId = Site,
            Additions = [.. Enumerable.Range(1, 5).Select(i => new PlannedMembershipAddition
            {
                SiteId = Site, GroupId = Group, CustomerId = i, UserId = new PlatformUserId($"u{i}"), Grants = [],
            })],
        };
        var journal = PendingMembershipJournal.From(await store.LoadSiteAsync(Site, CancellationToken.None));

        var result = await executor.ExecuteAsync(new SiteExecutionInput { Plan = plan, Journal = journal }, new SyncStateWriter(store, journal), dryRun: false, CancellationToken.None);
        return (store, result);
    }

    /// <summary>Answers the one chunk the executor sends (5 ids, within the 1,000 default) with the calls a split made.</summary>
    private sealed class SplittingClient(AccessGroupMembersChangeResult outcome) : SaltoKsClient
    {
        public override Task<AccessGroupMembersChangeResult> ChangeAccessGroupMembersAsync(
            string siteId, string accessGroupId, AccessGroupUsersChange change, CancellationToken cancellationToken = default)
        {
            Assert.Equal(5, change.AddIds.Count);
            return Task.FromResult(outcome);
        }
    }
}
