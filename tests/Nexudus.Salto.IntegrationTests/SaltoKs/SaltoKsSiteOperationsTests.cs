using Nexudus.Salto.SaltoKs;
using static Nexudus.Salto.IntegrationTests.SaltoKs.SaltoKsClientOnSandbox;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>Sites, their subscription and roles, through the real client against the sandbox.</summary>
public sealed class SaltoKsSiteOperationsTests
{
    private const string SecondSiteId = "7c0f2c1e-0000-4000-8000-000000000002";
    private const string ThirdSiteId = "7c0f2c1e-0000-4000-8000-000000000003";

    [Fact]
    public async Task GetSitesAsync_V11EnvelopeOverSeveralPages_ReadsEverySiteOnce()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.MaxPageSize = 2);
        run.Sandbox.Seed(b => b.Site(SecondSiteId, "North").Site(ThirdSiteId, "South"));

        List<Site> sites = await run.Client.GetSitesAsync().ToListAsync();

        Assert.Equal([SiteId, SecondSiteId, ThirdSiteId], sites.Select(s => s.Id));
        Assert.Equal(["", "?$skip=2"], run.Served("GET", "/v1.1/sites").Select(r => r.Query));
    }

    [Fact]
    public async Task GetSitesAsync_V12BareArray_ReadsEverySite()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(client: o => o.ApiVersions.Sites = "v1.2");
        run.Sandbox.Seed(b => b.Site(SecondSiteId, "North"));

        List<Site> sites = await run.Client.GetSitesAsync().ToListAsync();

        Assert.Equal(["Central", "North"], sites.Select(s => s.CustomerReference));
        Assert.Single(run.Served("GET", "/v1.2/sites"));
    }

    [Fact]
    public async Task GetSiteAsync_SeededSite_ReadsItsFieldsFromV12()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();

        Site site = await run.Client.GetSiteAsync(SiteId);

        Assert.Equal((SiteId, SiteUid, "Europe/Madrid"), (site.Id, site.SiteUid, site.TimeZone));
        Assert.Single(run.Served("GET", "/v1.2/sites/{site_id}"));
    }

    [Fact]
    public async Task GetSiteAsync_SiteUidInsteadOfId_ThrowsRequestInvalid1100()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(() => run.Client.GetSiteAsync(SiteUid));

        Assert.Equal((400, "1100"), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task GetSiteAsync_UnknownSite_ThrowsNotFound()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();

        await Assert.ThrowsAsync<SaltoKsNotFoundException>(() => run.Client.GetSiteAsync("7c0f2c1e-0000-4000-8000-0000000000ff"));
    }

    [Fact]
    public async Task GetSiteSubscriptionAsync_SeededSubscription_ReadsSeatsAndFeatures()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Seed(b => b.Subscription(25, ["events_streaming", "smart_tag_assignment"], "business"));

        SiteSubscription subscription = await run.Client.GetSiteSubscriptionAsync(SiteId);

        Assert.Equal(25, subscription.UserAmount);
        Assert.Equal("business", subscription.Type);
        Assert.Equal(["events_streaming", "smart_tag_assignment"], subscription.Features);
        Assert.Single(run.Served("GET", "/v1.2/sites/{site_id}/subscription"));
    }

    [Fact]
    public async Task GetRolesAsync_SeededRoles_ListsThemFromV11()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Seed(b => b
            .Role("8f6081a3-80fb-11e8-a892-000d3a221c5b", "site_user")
            .Role("8f6081a3-80fb-11e8-a892-000d3a221c5c", "site_admin"));

        List<Role> roles = await run.Client.GetRolesAsync(SiteId).ToListAsync();

        Assert.Equal(["site_user", "site_admin"], roles.Select(r => r.Name));
        Assert.Single(run.Served("GET", "/v1.1/sites/{site_id}/roles"));
    }

    [Fact]
    public async Task AnyCall_SiteNotReleased_ThrowsSiteNotReleased2210()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Seed(b => b.Site(SecondSiteId, "Unreleased", released: false));

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(() => run.Client.GetRolesAsync(SecondSiteId).ToListAsync().AsTask());

        Assert.Equal((400, "2210"), (error.Status, error.ErrorCode));
    }
}
