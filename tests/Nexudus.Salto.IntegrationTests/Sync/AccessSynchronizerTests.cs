using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>SPEC §4 against both sandboxes over loopback HTTP, one behaviour per test.</summary>
public sealed class AccessSynchronizerTests
{
    [Fact]
    public async Task Synchronize_CustomerWithPassAndNoSaltoUser_CreatesUserAndAddsThemWithLineage()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass"));

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Completed, report.Result);
        var sam = h.Salto.FindSiteUserByEmail(SiteId, "sam@example.com");
        Assert.NotNull(sam);
        Assert.Equal(("Sam", "Example"), (sam.User!.FirstName, sam.User.LastName));
        Assert.Equal([sam.User.Id], h.Members(PassGroup));
        var change = Assert.Single(report.Changes);
        Assert.Equal((MembershipChangeKind.Add, PassGroup, SyncChangeOutcome.Applied), (change.Kind, change.GroupId, change.Outcome));
        Assert.IsType<TimePassGrant>(Assert.Single(change.Grants));
        Assert.True(Assert.Single(report.UserCreations).InvitationSent);
    }
}
