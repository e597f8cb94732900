using Nexudus.Salto.Entitlements;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>Shared groups lose only what the SDK added; exclusive groups lose everyone not entitled.</summary>
public sealed class SyncOwnershipTests
{
    private static readonly PlatformUserId Stranger = new("pu-stranger");

    [Fact]
    public async Task Synchronize_SharedGroupMemberAddedByHand_IsLeftInTheGroup()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(saltoMore: s => s.User(new SiteUserId("su-stranger"), Stranger, "stranger@example.com").Member(PassGroup, Stranger));

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal([Stranger], h.Members(PassGroup));
        Assert.Empty(report.Changes);
    }

    [Fact]
    public async Task Synchronize_SharedGroupMemberTheSdkAddedLosesTheirPass_IsRemoved()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass",
            p => p with { ExpireDate = Start.AddHours(2) }));
        await h.SyncAsync(Options(seed));
        Assert.Single(h.Members(PassGroup));
        h.Time.Advance(TimeSpan.FromHours(3));

        var report = await h.SyncAsync(Options(seed));

        Assert.Empty(h.Members(PassGroup));
        var removal = Assert.Single(report.Changes);
        Assert.Equal((MembershipChangeKind.Remove, (RemovalBasis?)RemovalBasis.AddedBySdk, SyncChangeOutcome.Applied), (removal.Kind, removal.RemovalBasis, removal.Outcome));
        Assert.Empty((await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships);
    }

    [Fact]
    public async Task Synchronize_ExclusiveGroupMemberAddedByHand_IsRemoved()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(saltoMore: s => s.User(new SiteUserId("su-stranger"), Stranger, "stranger@example.com").Member(PassGroup, Stranger));
        var options = Options([Location(seed, GroupOwnership.Exclusive)]);

        var report = await h.SyncAsync(options);

        Assert.Empty(h.Members(PassGroup));
        Assert.Equal(RemovalBasis.ExclusiveGroup, Assert.Single(report.Changes).RemovalBasis);
    }

    [Fact]
    public async Task Synchronize_GroupNobodyLinks_IsNeverTouched()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(saltoMore: s => s.User(new SiteUserId("su-stranger"), Stranger, "stranger@example.com").Member(HandGroup, Stranger));
        var options = Options([Location(seed, GroupOwnership.Exclusive)]);

        await h.SyncAsync(options);

        Assert.Equal([Stranger], h.Members(HandGroup));
        Assert.Equal(0, h.Salto.Requests.Count(null, $"/v1.1/sites/{SiteId}/access_groups/{HandGroup}/users"));
    }
}
