using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>Erasure end to end: the user the SDK created goes with every state row; an adopted user stays.</summary>
public sealed class SyncErasureTests
{
    private static readonly SiteUserId SamSiteUser = new("su-sam");
    private static readonly PlatformUserId Sam = new("pu-sam");

    [Fact]
    public async Task EraseAsync_CustomerWhoseUserTheSdkCreated_DeletesTheUserAndEveryStateRow()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("ann@example.com", "Ann Example").CustomerPass("ann@example.com", "Day Pass")
            .Customer("bob@example.com", "Bob Example").CustomerPass("bob@example.com", "Day Pass")
            .Invoice("ann@example.com", "INV-1", Start.AddDays(-3)));
        var options = Options([Location(seed) with { SuspendAfterOverdueDays = 7 }]);
        await h.SyncAsync(options);
        h.Time.Advance(TimeSpan.FromDays(5));
        await h.SyncAsync(options); // Ann is now suspended for payment: a row about her outside the sites
        Assert.NotNull(await h.Store.GetValueAsync(PaymentAwareAccess.StateKey));
        var ann = seed.Customer("ann@example.com").Id;

        var erasure = await new CustomerEraser(h.SaltoClient, h.Store, options).EraseAsync(ann);

        Assert.True(erasure.Completed);
        var site = Assert.Single(erasure.Sites);
        Assert.True(site.UserCreatedBySdk && site.UserDeleted);
        Assert.Null(h.Salto.FindSiteUserByEmail(SiteId, "ann@example.com"));
        Assert.Equal(1, erasure.OtherRowsRemoved);
        var state = await h.Store.LoadSiteAsync(SiteId);
        Assert.DoesNotContain(state.Identities, l => l.CustomerId == ann);
        Assert.DoesNotContain(state.OwnedMemberships, o => o.CustomerId == ann);
        Assert.Null(await h.Store.GetValueAsync(PaymentAwareAccess.StateKey));
        Assert.Contains(state.Identities, l => l.CustomerId == seed.Customer("bob@example.com").Id);
        Assert.Equal([h.UserOf("bob@example.com")], h.Members(PassGroup));
    }

    [Fact]
    public async Task EraseAsync_AdoptedUser_KeepsTheUserAndRemovesOnlyTheMembershipsTheSdkAdded()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(
            b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass"),
            s => s.User(SamSiteUser, Sam, "sam@example.com").Member(HandGroup, Sam));
        var options = Options(seed);
        await h.SyncAsync(options);
        Assert.Equal([Sam], h.Members(PassGroup));
        var sam = seed.Customer("sam@example.com").Id;

        var erasure = await new CustomerEraser(h.SaltoClient, h.Store, options).EraseAsync(sam);

        var site = Assert.Single(erasure.Sites);
        Assert.False(site.UserCreatedBySdk || site.UserDeleted);
        Assert.Equal([PassGroup], site.GroupsLeft);
        Assert.NotNull(h.Salto.FindSiteUserByEmail(SiteId, "sam@example.com"));
        Assert.Empty(h.Members(PassGroup));
        Assert.Equal([Sam], h.Members(HandGroup));
        var state = await h.Store.LoadSiteAsync(SiteId);
        Assert.Empty(state.Identities);
        Assert.Empty(state.OwnedMemberships);
    }

    [Fact]
    public async Task EraseAsync_DryRun_SaysWhatWouldGoAndRemovesNothing()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("ann@example.com", "Ann Example").CustomerPass("ann@example.com", "Day Pass"));
        var options = Options(seed);
        await h.SyncAsync(options);

        var erasure = await new CustomerEraser(h.SaltoClient, h.Store, options).EraseAsync(seed.Customer("ann@example.com").Id, dryRun: true);

        Assert.Equal(2, Assert.Single(erasure.Sites).StateRowsRemoved); // the identity link and the ledger row
        Assert.NotNull(h.Salto.FindSiteUserByEmail(SiteId, "ann@example.com"));
        Assert.Single((await h.Store.LoadSiteAsync(SiteId)).Identities);
    }

    [Fact]
    public async Task EraseAsync_SaltoDeleteFails_KeepsTheRowsSoErasingAgainCompletes()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("ann@example.com", "Ann Example").CustomerPass("ann@example.com", "Day Pass"));
        var options = Options(seed);
        await h.SyncAsync(options);
        var ann = seed.Customer("ann@example.com").Id;
        h.Salto.Faults.Add(SandboxFaultRule.On("DELETE", $"/v1.1/sites/{SiteId}/users/*", SaltoKsFaults.InternalError()));
        var eraser = new CustomerEraser(h.SaltoClient, h.Store, options);

        var failed = await eraser.EraseAsync(ann);

        Assert.False(failed.Completed);
        Assert.Single((await h.Store.LoadSiteAsync(SiteId)).Identities);
        h.Salto.Faults.Clear();
        Assert.True((await eraser.EraseAsync(ann)).Completed);
        Assert.Empty((await h.Store.LoadSiteAsync(SiteId)).Identities);
        Assert.Null(h.Salto.FindSiteUserByEmail(SiteId, "ann@example.com"));
    }

    [Fact]
    public async Task Synchronize_CustomerDeletedInNexudus_ErasesTheUserTheSdkCreated()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("ann@example.com", "Ann Example").CustomerPass("ann@example.com", "Day Pass")
            .Customer("bob@example.com", "Bob Example").CustomerPass("bob@example.com", "Day Pass"));
        var options = Options(seed);
        await h.SyncAsync(options);
        var ann = seed.Customer("ann@example.com").Id;
        h.Nexudus.Remove<Coworker>(ann);

        var report = await h.SyncAsync(options);

        var erasure = Assert.Single(report.Erasures);
        Assert.Equal((ann, "deleted in Nexudus"), (erasure.CustomerId, erasure.Reason));
        Assert.Null(h.Salto.FindSiteUserByEmail(SiteId, "ann@example.com"));
        Assert.DoesNotContain((await h.Store.LoadSiteAsync(SiteId)).Identities, l => l.CustomerId == ann);
        Assert.Equal([h.UserOf("bob@example.com")], h.Members(PassGroup));
        Assert.Empty((await h.SyncAsync(options)).Erasures);
    }

    [Fact]
    public async Task Synchronize_ArchivedCustomer_IsErasedOnlyOnceArchivedLongerThanEraseArchivedAfter()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("ann@example.com", "Ann Example").CustomerPass("ann@example.com", "Day Pass"));
        var options = Options(seed, o => o with { EraseArchivedAfter = TimeSpan.FromDays(30) });
        await h.SyncAsync(options);
        h.Nexudus.ArchiveCustomer(seed.Customer("ann@example.com").Id);

        h.Time.Advance(TimeSpan.FromDays(29));
        var early = await h.SyncAsync(options);
        Assert.Empty(early.Erasures);
        Assert.NotNull(h.Salto.FindSiteUserByEmail(SiteId, "ann@example.com"));

        h.Time.Advance(TimeSpan.FromDays(2));
        var late = await h.SyncAsync(options);

        Assert.StartsWith("archived in Nexudus since", Assert.Single(late.Erasures).Reason, StringComparison.Ordinal);
        Assert.Null(h.Salto.FindSiteUserByEmail(SiteId, "ann@example.com"));
    }

    [Fact]
    public async Task Synchronize_ArchivedCustomerWithoutEraseArchivedAfter_OnlyLosesAccess()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("ann@example.com", "Ann Example").CustomerPass("ann@example.com", "Day Pass")
            .Customer("bob@example.com", "Bob Example").CustomerPass("bob@example.com", "Day Pass"));
        await h.SyncAsync(Options(seed));
        h.Nexudus.ArchiveCustomer(seed.Customer("ann@example.com").Id);
        h.Time.Advance(TimeSpan.FromDays(3650));

        var report = await h.SyncAsync(Options(seed));

        Assert.Empty(report.Erasures);
        Assert.Equal([h.UserOf("bob@example.com")], h.Members(PassGroup));
        Assert.NotNull(h.Salto.FindSiteUserByEmail(SiteId, "ann@example.com"));
    }

    [Fact]
    public async Task Synchronize_CustomerReadFailsWhileGoneFromTheList_ErasesNobody()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("ann@example.com", "Ann Example").CustomerPass("ann@example.com", "Day Pass"));
        await h.SyncAsync(Options(seed));
        h.Nexudus.Remove<Coworker>(seed.Customer("ann@example.com").Id);
        h.Nexudus.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers/*", SandboxFault.Response(500)));

        var report = await h.SyncAsync(Options(seed));

        Assert.Empty(report.Erasures);
        Assert.NotNull(h.Salto.FindSiteUserByEmail(SiteId, "ann@example.com"));
        Assert.Single((await h.Store.LoadSiteAsync(SiteId)).Identities);
    }
}
