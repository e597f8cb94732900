using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>The sync engine against both sandboxes over loopback HTTP, one behaviour per test.</summary>
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

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task Constructor_SaltoWriteConcurrencyOutsideOneToThirtyTwo_Throws(int concurrency)
    {
        await using var h = await StartAsync();
        var seed = h.Seed();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => h.Synchronizer(Options(seed, o => o with { SaltoWriteConcurrency = concurrency })));

        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public async Task Synchronize_FirstSyncWithWritesOverlapped_CreatesEveryoneAddsThemAndReportsInCustomerOrder()
    {
        await using var h = await StartAsync();
        var emails = Enumerable.Range(1, 40).Select(i => $"member{i:00}@example.com").ToList();
        var seed = h.Seed(b =>
        {
            foreach (var email in emails)
            {
                b.Customer(email, "Member Example").CustomerPass(email, "Day Pass");
            }
        });

        var report = await h.SyncAsync(Options(seed, o => o with { SaltoWriteConcurrency = 8, MembershipChunkSize = 7 }));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal(emails.Order(), h.Members(PassGroup).Select(m => h.Salto.GetSiteUsers(SiteId).Single(u => u.User!.Id == m).User!.Email!).Order());
        Assert.Equal(report.UserCreations.Select(c => c.CustomerId).Order(), report.UserCreations.Select(c => c.CustomerId));
        var state = await h.Store.LoadSiteAsync(SiteId);
        Assert.Equal(40, state.Identities.Count);
        Assert.Equal(h.Members(PassGroup).Select(m => m.Value).Order(StringComparer.Ordinal), state.OwnedMemberships.Select(o => o.UserId.Value).Order(StringComparer.Ordinal));
    }
}
