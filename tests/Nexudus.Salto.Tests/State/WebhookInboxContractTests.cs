using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Tests.State;

/// <summary>
/// The behaviour every <see cref="IWebhookInbox"/> must have; each implementation runs all of it (derive from this
/// class for a new store).
/// </summary>
public abstract class WebhookInboxContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);

    protected IWebhookInbox Inbox { get; private set; } = null!;

    protected abstract Task<IWebhookInbox> CreateInboxAsync();

    public async Task InitializeAsync() => Inbox = await CreateInboxAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static WebhookEvent Event(string id, DateTimeOffset at, params long[] customers) => new()
    {
        Id = id,
        Action = WebhookAction.CoworkerContractCancel,
        RecordId = 7_000_000_001,
        CustomerIds = customers,
        TeamPayerIds = customers.Take(1).ToArray(),
        ReceivedAt = at,
    };

    [Fact]
    public async Task AddWebhookEventAsync_NewEvent_IsReadBackWhole()
    {
        var added = await Inbox.AddWebhookEventAsync(Event("e1", T0, 1_414_000_001, 1_414_000_002));

        Assert.True(added);
        var read = Assert.Single(await Inbox.ReadWebhookEventsAsync(10));
        Assert.Equal("e1", read.Id);
        Assert.Equal(WebhookAction.CoworkerContractCancel, read.Action);
        Assert.Equal(7_000_000_001, read.RecordId);
        Assert.Equal([1_414_000_001, 1_414_000_002], read.CustomerIds);
        Assert.Equal([1_414_000_001], read.TeamPayerIds);
        Assert.Equal(T0, read.ReceivedAt);
    }

    [Fact]
    public async Task AddWebhookEventAsync_SameIdTwice_KeepsOneAndSaysSo()
    {
        Assert.True(await Inbox.AddWebhookEventAsync(Event("e1", T0, 1)));
        Assert.False(await Inbox.AddWebhookEventAsync(Event("e1", T0.AddSeconds(1), 2)));

        var read = Assert.Single(await Inbox.ReadWebhookEventsAsync(10));
        Assert.Equal([1L], read.CustomerIds);
    }

    [Fact]
    public async Task ReadWebhookEventsAsync_SeveralEvents_OldestFirstUpToTheCount()
    {
        await Inbox.AddWebhookEventAsync(Event("late", T0.AddSeconds(2), 3));
        await Inbox.AddWebhookEventAsync(Event("b", T0, 2));
        await Inbox.AddWebhookEventAsync(Event("a", T0, 1));

        var read = await Inbox.ReadWebhookEventsAsync(2);

        Assert.Equal(["a", "b"], read.Select(e => e.Id));
    }

    [Fact]
    public async Task RemoveWebhookEventsAsync_SomeIds_RemovesOnlyThoseAndIgnoresUnknownOnes()
    {
        await Inbox.AddWebhookEventAsync(Event("a", T0, 1));
        await Inbox.AddWebhookEventAsync(Event("b", T0.AddSeconds(1), 2));

        await Inbox.RemoveWebhookEventsAsync(["a", "unknown"]);

        Assert.Equal(["b"], (await Inbox.ReadWebhookEventsAsync(10)).Select(e => e.Id));
    }

    [Fact]
    public async Task AddWebhookEventAsync_EmptyId_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Inbox.AddWebhookEventAsync(Event("", T0, 1)));
        Assert.Empty(await Inbox.ReadWebhookEventsAsync(10));
    }
}

/// <summary>The inbox contract on <see cref="InMemorySyncStateStore"/>.</summary>
public sealed class InMemoryWebhookInboxTests : WebhookInboxContractTests
{
    protected override Task<IWebhookInbox> CreateInboxAsync() => Task.FromResult<IWebhookInbox>(new InMemorySyncStateStore());
}

/// <summary>The inbox contract on <see cref="SqliteSyncStateStore"/>, and its durability across instances.</summary>
public sealed class SqliteWebhookInboxTests : WebhookInboxContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nexudus-salto-inbox-").FullName;

    private string Path => System.IO.Path.Combine(_directory, "state.db");

    protected override Task<IWebhookInbox> CreateInboxAsync() =>
        Task.FromResult<IWebhookInbox>(new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = Path }));

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AddWebhookEventAsync_ThenANewStoreOnTheSameFile_StillHoldsTheEvent()
    {
        await Inbox.AddWebhookEventAsync(new WebhookEvent { Id = "e1", Action = WebhookAction.BookingCreate, CustomerIds = [5], ReceivedAt = T0 });

        var reopened = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = Path });

        Assert.Equal("e1", Assert.Single(await reopened.ReadWebhookEventsAsync(10)).Id);
    }
}
