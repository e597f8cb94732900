using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.PostgreSql;
using Nexudus.Salto.State;
using Nexudus.Salto.Tests.Support;
using Npgsql;

namespace Nexudus.Salto.Tests.State;

/// <summary>
/// The inbox contract on <see cref="PostgreSqlSyncStateStore"/>, and what only a shared database has: the upgrade of
/// an existing schema, several hosts adding at once, and writes while other hosts hold site leases. Each test on its
/// own schema.
/// </summary>
public sealed class PostgreSqlWebhookInboxTests : WebhookInboxContractTests
{
    private PostgreSqlSyncStateStore Pg => (PostgreSqlSyncStateStore)Inbox;

    protected override async Task<IWebhookInbox> CreateInboxAsync() => await PostgreSqlTestServer.NewStoreAsync();

    public override Task DisposeAsync() => PostgreSqlTestServer.DropSchemaAsync(Pg.Schema);

    private PostgreSqlSyncStateStore Reopen() =>
        new(new PostgreSqlSyncStateStoreOptions { ConnectionString = PostgreSqlTestServer.ConnectionStringAsync().Result, Schema = Pg.Schema });

    private static WebhookEvent Event(string id, DateTimeOffset at, params long[] customers) => new()
    {
        Id = id,
        Action = WebhookAction.BookingCreate,
        RecordId = 7_000_000_002,
        CustomerIds = customers,
        ReceivedAt = at,
    };

    [Fact]
    public async Task AddWebhookEventAsync_ThenANewStoreOnTheSameSchema_StillHoldsTheEvent()
    {
        await Pg.AddWebhookEventAsync(Event("e1", T0, 5));

        var read = Assert.Single(await Reopen().ReadWebhookEventsAsync(10));

        Assert.Equal("e1", read.Id);
        Assert.Equal(WebhookAction.BookingCreate, read.Action);
        Assert.Equal([5L], read.CustomerIds);
        Assert.Empty(read.TeamPayerIds);
    }

    [Fact]
    public async Task ReadWebhookEventsAsync_SameInstantIdsDifferingInCase_OrdinalOrder()
    {
        // Ordinal order, as the other stores, whatever the database's collation says.
        await Pg.AddWebhookEventAsync(Event("b", T0, 1));
        await Pg.AddWebhookEventAsync(Event("B", T0, 2));
        await Pg.AddWebhookEventAsync(Event("a", T0, 3));

        Assert.Equal(["B", "a", "b"], (await Pg.ReadWebhookEventsAsync(10)).Select(e => e.Id));
    }

    [Fact]
    public async Task RemoveWebhookEventsAsync_EmptyOrNullIds_RemovesNothing()
    {
        await Pg.AddWebhookEventAsync(Event("a", T0, 1));

        await Pg.RemoveWebhookEventsAsync([]);
        await Pg.RemoveWebhookEventsAsync([null!]);

        Assert.Equal("a", Assert.Single(await Pg.ReadWebhookEventsAsync(10)).Id);
    }

    [Fact]
    public async Task AddWebhookEventAsync_IdWithANulCharacter_IsRefusedAndNothingIsWritten()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Pg.AddWebhookEventAsync(Event("e\01", T0, 1)));

        Assert.Contains("NUL", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await Pg.ReadWebhookEventsAsync(10));
    }

    [Fact]
    public async Task InitializeAsync_SchemaVersion1WithState_UpgradesKeepingTheStateAndTheInboxWorks()
    {
        // A database of the previous version: version 1's tables with state in them, no inbox.
        await Pg.InitializeAsync();
        await ((ISyncStateStore)Pg).ApplyAsync(new SyncStateChanges
        {
            MembershipsAdded = [new OwnedMembership { SiteId = "site-1", GroupId = "g1", UserId = new("u1"), CustomerId = 1_414_000_001, AddedAt = T0 }],
            Values = [new("cursor", "42")],
        });
        await PostgreSqlTestServer.ExecuteAsync(
            $"DROP TABLE \"{Pg.Schema}\".webhook_inbox; DROP TABLE \"{Pg.Schema}\".site_workers; DROP TABLE \"{Pg.Schema}\".pending_memberships; " +
            $"UPDATE \"{Pg.Schema}\".schema_version SET version = 1");

        var upgraded = Reopen();

        Assert.Equal(PostgreSqlSyncStateStore.CurrentSchemaVersion, await upgraded.GetSchemaVersionAsync());
        Assert.Equal(4, PostgreSqlSyncStateStore.CurrentSchemaVersion); // a version 5 needs this test's "version 1" set-up revisited
        var membership = Assert.Single((await upgraded.LoadSiteAsync("site-1")).OwnedMemberships);
        Assert.Equal(1_414_000_001, membership.CustomerId);
        Assert.Equal("42", await upgraded.GetValueAsync("cursor"));
        Assert.True(await upgraded.AddWebhookEventAsync(Event("e1", T0, 1)));
        Assert.Equal("e1", Assert.Single(await upgraded.ReadWebhookEventsAsync(10)).Id);
    }

    [Fact]
    public async Task AddWebhookEventAsync_SameDeliveryOnManyHostsAtOnce_RecordedOnceAndOneHostAddsIt()
    {
        await Pg.InitializeAsync();
        var hosts = Enumerable.Range(0, 8).Select(_ => Reopen()).ToList();

        var added = await Task.WhenAll(hosts.Select(h => h.AddWebhookEventAsync(Event("same", T0, 1))));

        Assert.Single(added, a => a);
        Assert.Equal("same", Assert.Single(await Pg.ReadWebhookEventsAsync(10)).Id);
    }

    [Fact]
    public async Task AddWebhookEventAsync_ManyEventsFromManyHostsAtOnce_AllRecordedInOrder()
    {
        var hosts = Enumerable.Range(0, 4).Select(_ => Reopen()).ToList();

        // The first calls also race to migrate the schema.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            hosts[i % hosts.Count].AddWebhookEventAsync(Event($"e{i:D2}", T0.AddSeconds(40 - i), i))));

        var read = await Pg.ReadWebhookEventsAsync(100);
        Assert.Equal(Enumerable.Range(0, 40).Reverse().Select(i => $"e{i:D2}"), read.Select(e => e.Id));
    }

    [Fact]
    public async Task AddWebhookEventAsync_WhileAnotherHostHoldsTheSiteLeaseAndCommits_BothSucceed()
    {
        var worker = Reopen();
        var lease = (await worker.TryAcquireSiteLeaseAsync("site-1", "worker-a")).Lease!;

        // The endpoint records deliveries while a run holds the lease; neither waits for nor fences the other.
        await Task.WhenAll(
            Pg.AddWebhookEventAsync(Event("during-run", T0, 1)),
            worker.ApplyAsync(new SyncStateChanges { Values = [new("run", "done")], Leases = [lease] }));

        Assert.Equal("during-run", Assert.Single(await worker.ReadWebhookEventsAsync(10)).Id);
        Assert.Equal("done", await Pg.GetValueAsync("run"));
    }

    [Fact]
    public async Task RemoveWebhookEventsAsync_TwoWorkersRemoveTheSameEvents_BothSucceedAndTheRestStays()
    {
        await Pg.AddWebhookEventAsync(Event("a", T0, 1));
        await Pg.AddWebhookEventAsync(Event("b", T0.AddSeconds(1), 2));
        await Pg.AddWebhookEventAsync(Event("c", T0.AddSeconds(2), 3));
        var other = Reopen();

        // Two workers read the same batch (the inbox is not claimed) and both remove it after applying it.
        var first = await Pg.ReadWebhookEventsAsync(2);
        var second = await other.ReadWebhookEventsAsync(2);
        Assert.Equal(first.Select(e => e.Id), second.Select(e => e.Id));
        await Task.WhenAll(
            Pg.RemoveWebhookEventsAsync(first.Select(e => e.Id)),
            other.RemoveWebhookEventsAsync(second.Select(e => e.Id)));

        Assert.Equal("c", Assert.Single(await Pg.ReadWebhookEventsAsync(10)).Id);
    }

    [Fact]
    public async Task UsePostgreSqlStateStore_Registered_TheStoreIsTheWebhookInbox()
    {
        var services = new ServiceCollection();

        services.AddSaltoIntegration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
            .UsePostgreSqlStateStore(await PostgreSqlTestServer.ConnectionStringAsync(), o => o with { Schema = Pg.Schema });
        await using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<PostgreSqlSyncStateStore>();
        Assert.Same(store, provider.GetRequiredService<ISyncStateStore>());
        Assert.Same(store, provider.GetRequiredService<IWebhookInbox>());
        Assert.True(await provider.GetRequiredService<IWebhookInbox>().AddWebhookEventAsync(Event("via-di", T0, 1)));
        Assert.Equal("via-di", Assert.Single(await Pg.ReadWebhookEventsAsync(10)).Id);
    }
}
