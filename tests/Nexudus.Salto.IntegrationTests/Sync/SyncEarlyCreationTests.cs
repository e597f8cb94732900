using System.Collections.Concurrent;
using Nexudus.Salto.Testing;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// <see cref="AccessSyncOptions.CreateUsersWhileReading"/>: the users of customers that passes and bookings already
/// entitle are created while the contracts' and teams' full records are still being read; the result is the same.
/// </summary>
public sealed class SyncEarlyCreationTests
{
    private static readonly string UsersRoute = $"/v1.1/sites/{SiteId}/users";

    private static NexudusSeed SeedPassesAndAContract(SyncHarness h) => h.Seed(b => b
        .Customers(3, "member")
        .CustomerPass("member0001@example.com", "Day Pass")
        .CustomerPass("member0002@example.com", "Day Pass")
        .Contract("member0003@example.com", "Office plan", Start.AddDays(-10), ["Office 101"]));

    private static bool IsContractBatchRead(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get &&
        request.RequestUri!.AbsolutePath.Contains("coworkercontracts", StringComparison.OrdinalIgnoreCase) &&
        Uri.UnescapeDataString(request.RequestUri.Query).Contains("id=[", StringComparison.Ordinal);

    private static bool IsUserCreation(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith(UsersRoute, StringComparison.Ordinal);

    [Fact]
    public async Task Synchronize_CustomersEntitledByPasses_GetTheirUsersWhileTheContractsAreStillRead()
    {
        await using var h = await StartAsync();
        var seed = SeedPassesAndAContract(h);
        var created = new ManualResetEventSlim();
        var heldContractRead = false;
        h.Hook.OnRequest = (_, request) =>
        {
            if (IsUserCreation(request))
            {
                created.Set();
            }
            else if (IsContractBatchRead(request))
            {
                // The contracts' full records wait for a user creation, which only the lists can have started.
                heldContractRead = created.Wait(TimeSpan.FromSeconds(20));
            }

            return HookAction.None;
        };

        var report = await h.SyncAsync(Options(seed));

        Assert.True(heldContractRead, "No user was created while the contracts were being read.");
        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal(3, report.UserCreations.Count);
        Assert.Equal(3, report.UserCreations.Select(c => c.CustomerId).Distinct().Count());
        Assert.All(report.UserCreations, c => Assert.Equal(SyncChangeOutcome.Applied, c.Outcome));
        Assert.Equal(3, h.Salto.Requests.Count("POST", UsersRoute));
        Assert.Equal(2, h.Members(PassGroup).Count);
        Assert.Single(h.Members(OfficeGroup));
        Assert.Equal(3, (await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships.Count);
    }

    [Fact]
    public async Task Synchronize_CreateUsersWhileReadingOff_CreatesUsersOnlyAfterEveryNexudusRead()
    {
        await using var h = await StartAsync();
        var seed = SeedPassesAndAContract(h);
        var order = new ConcurrentQueue<(long N, bool Creation, bool Nexudus)>();
        h.Hook.OnRequest = (n, request) =>
        {
            order.Enqueue((n, IsUserCreation(request), request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)));
            return HookAction.None;
        };

        var report = await h.SyncAsync(Options(seed, o => o with { CreateUsersWhileReading = false }));

        var lastNexudusRead = order.Where(r => r.Nexudus).Max(r => r.N);
        Assert.All(order.Where(r => r.Creation), r => Assert.True(r.N > lastNexudusRead));
        Assert.Equal(3, report.UserCreations.Count(c => c.Outcome == SyncChangeOutcome.Applied));
        Assert.Equal(2, h.Members(PassGroup).Count);
        Assert.Single(h.Members(OfficeGroup));
    }

    [Fact]
    public async Task Synchronize_IncrementalRead_CreatesUsersOnlyAfterEveryNexudusRead()
    {
        await using var h = await StartAsync();
        var seed = SeedPassesAndAContract(h);
        var synchronizer = h.Synchronizer(Options(seed, o => o with { FullReadInterval = TimeSpan.FromHours(1) }));
        await synchronizer.SynchronizeAsync();
        h.Time.Advance(TimeSpan.FromMinutes(10));
        h.Nexudus.Seed(b => b.AtLocation("Central").Customer("late@example.com", "Late Comer").CustomerPass("late@example.com", "Day Pass"));
        var order = new ConcurrentQueue<(long N, bool Creation, bool Nexudus)>();
        h.Hook.OnRequest = (n, request) =>
        {
            order.Enqueue((n, IsUserCreation(request), request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)));
            return HookAction.None;
        };

        var report = await synchronizer.SynchronizeAsync();

        Assert.Equal(SnapshotReadKind.Incremental, report.SnapshotRead);
        var creation = Assert.Single(order, r => r.Creation);
        Assert.True(creation.N > order.Where(r => r.Nexudus).Max(r => r.N));
        Assert.Equal(SyncChangeOutcome.Applied, Assert.Single(report.UserCreations).Outcome);
        Assert.Equal(3, h.Members(PassGroup).Count);
    }

    [Fact]
    public async Task Synchronize_WithAndWithoutCreatingWhileReading_EndsWithTheSameMembershipsAndLedger()
    {
        async Task<(string[] Pass, string[] Office, int Owned, int Identities)> RunAsync(bool early)
        {
            await using var h = await StartAsync();
            var seed = SeedPassesAndAContract(h);
            await h.SyncAsync(Options(seed, o => o with { CreateUsersWhileReading = early }));
            var state = await h.Store.LoadSiteAsync(SiteId);
            return ([.. h.Members(PassGroup).Select(m => m.Value!).Order()], [.. h.Members(OfficeGroup).Select(m => m.Value!).Order()],
                state.OwnedMemberships.Count, state.Identities.Count);
        }

        var early = await RunAsync(early: true);
        var late = await RunAsync(early: false);

        // Platform ids are the sandbox's own, handed out in creation order: compare the counts and shapes.
        Assert.Equal(late.Pass.Length, early.Pass.Length);
        Assert.Equal(late.Office.Length, early.Office.Length);
        Assert.Equal(late.Owned, early.Owned);
        Assert.Equal(late.Identities, early.Identities);
        Assert.Equal(3, early.Identities);
    }

    [Fact]
    public async Task Synchronize_EarlyCreationFails_IsReportedOnceAndTriedAgainNextRun()
    {
        await using var h = await StartAsync(saltoClient: o => o.MaxRetryAttempts = 0);
        var seed = h.Seed(b => b.Customers(1, "member").CustomerPass("member0001@example.com", "Day Pass"));
        h.Salto.Faults.Add(SandboxFaultRule.On("POST", "/v1.1/sites/{site_id}/users", SaltoKsFaults.Error(400, "1100", "Request invalid")).ForNextCalls(1));

        var first = await h.SyncAsync(Options(seed));
        var second = await h.SyncAsync(Options(seed));

        var failed = Assert.Single(first.UserCreations);
        Assert.Equal(SyncChangeOutcome.Failed, failed.Outcome);
        Assert.Equal(1, first.Errors.Count(e => e.Kind == SyncErrorKind.UserCreation));
        Assert.Equal(SyncChangeOutcome.Applied, Assert.Single(second.UserCreations).Outcome);
        Assert.Single(h.Members(PassGroup));
    }

    [Fact]
    public async Task Synchronize_CardsOfCustomersCreatedWhileReading_ResolvesTheSiteTagsOnce()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = h.Seed(
            b => b.Customer("sam@example.com", "Sam Example", c => c with { AccessCardId = "11112222" }).CustomerPass("sam@example.com", "Day Pass")
                .Customer("kim@example.com", "Kim Example", c => c with { AccessCardId = "33334444" }).CustomerPass("kim@example.com", "Day Pass"),
            s => s.Tag("tag-1", "11112222").Tag("tag-2", "33334444"));

        await h.SyncAsync(Options(seed));

        Assert.Equal(1, h.Salto.Requests.Count("GET", $"/v1.1/sites/{SiteId}/tags"));
        Assert.Equal(["tag-1"], h.Salto.GetUserTags(SiteId, h.Salto.FindSiteUserByEmail(SiteId, "sam@example.com")!.Id));
        Assert.Equal(["tag-2"], h.Salto.GetUserTags(SiteId, h.Salto.FindSiteUserByEmail(SiteId, "kim@example.com")!.Id));
    }

    [Fact]
    public async Task Synchronize_DryRun_CreatesNoUserWhileReading()
    {
        await using var h = await StartAsync();
        var seed = SeedPassesAndAContract(h);

        var report = await h.SyncAsync(Options(seed, o => o with { DryRun = true }));

        Assert.Equal(0, h.Salto.Requests.Count("POST", UsersRoute));
        Assert.Equal(3, report.UserCreations.Count(c => c.Outcome == SyncChangeOutcome.Planned));
    }
}
