using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>Identity map first, then e-mail (trimmed, case-insensitive); create the missing; keep both ids.</summary>
public sealed class SyncIdentityTests
{
    [Fact]
    public async Task Synchronize_SaltoUserWithSameEmailInOtherCase_IsMatchedNotCreated()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(
            b => b.Customer(" Sam@Example.com ", "Sam Example").CustomerPass(" Sam@Example.com ", "Day Pass"),
            s => s.User(new SiteUserId("su-sam"), new PlatformUserId("pu-sam"), "sam@example.COM"));

        var report = await h.SyncAsync(Options(seed));

        Assert.Empty(report.UserCreations);
        Assert.Empty(h.Salto.GetInvitations());
        Assert.Equal([new PlatformUserId("pu-sam")], h.Members(PassGroup));
    }

    [Fact]
    public async Task Synchronize_CreatedUser_RemembersBothSaltoIds()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass"));

        await h.SyncAsync(Options(seed));

        var link = Assert.Single((await h.Store.LoadSiteAsync(SiteId)).Identities);
        var sam = h.Salto.FindSiteUserByEmail(SiteId, "sam@example.com")!;
        Assert.Equal((seed.Customer("sam@example.com").Id, sam.Id, sam.User!.Id, true), (link.CustomerId, link.SiteUserId, link.PlatformUserId, link.CreatedBySdk));
    }

    [Fact]
    public async Task Synchronize_CustomerChangedEmailAfterBeingLinked_StaysMatchedThroughTheIdentityMap()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass"));
        await h.SyncAsync(Options(seed));
        var sam = seed.Customer("sam@example.com");
        h.Nexudus.Put(sam with { Email = "samuel@example.com" });

        var report = await h.SyncAsync(Options(seed));

        Assert.Empty(report.UserCreations);
        Assert.Empty(report.Changes);
        Assert.Single(h.Salto.GetInvitations());
    }

    [Fact]
    public async Task Synchronize_TwoSaltoUsersShareTheCustomersEmail_ReportsItAndCreatesNobody()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(
            b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass"),
            s => s.User(new SiteUserId("su-1"), new PlatformUserId("pu-1"), "sam@example.com")
                  .User(new SiteUserId("su-2"), new PlatformUserId("pu-2"), "SAM@example.com"));

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(IdentityIssueKind.AmbiguousSaltoUsers, Assert.Single(report.IdentityIssues).Kind);
        Assert.Empty(report.UserCreations);
        Assert.Empty(h.Members(PassGroup));
    }

    [Fact]
    public async Task Synchronize_CustomerWithoutEmail_IsReportedAndNotCreated()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("nomail@example.com", "No Mail").CustomerPass("nomail@example.com", "Day Pass"));
        h.Nexudus.Put(seed.Customer("nomail@example.com") with { Email = null });

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(IdentityIssueKind.NoEmail, Assert.Single(report.IdentityIssues).Kind);
        Assert.Empty(h.Salto.GetSiteUsers(SiteId));
    }
}
