using System.Net;
using Nexudus.Salto.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>List paging (next_page_link, bare arrays, $skip) and entries paging (continuation token).</summary>
public sealed class SaltoKsPagingTests
{
    [Fact]
    public async Task GetSiteUsersAsync_NextPageLinks_FollowsThemVerbatimToTheEnd()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .Respond("application/json", $$"""{"items":[{"id":"su-1"}],"next_page_link":"{{SaltoKsTestHost.Api}}/v1.1/sites/s1/users?$skip=1&$inlinecount=allpages","count":3}""");
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .WithExactQueryString("$skip=1&$inlinecount=allpages")
            .Respond("application/json", $$"""{"items":[{"id":"su-2"}],"next_page_link":"{{SaltoKsTestHost.Api}}/v1.1/sites/s1/users?$skip=2","count":3}""");
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .WithExactQueryString("$skip=2")
            .Respond("application/json", """{"items":[{"id":"su-3"}],"next_page_link":null,"count":3}""");

        List<SiteUser> users = await host.Client.GetSiteUsersAsync("s1").ToListAsync();

        Assert.Equal(["su-1", "su-2", "su-3"], users.Select(u => u.Id.Value));
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetAccessGroupMembersAsync_PageLostAfterTheFirst_IsAFailedReadBecauseTheCountIsAskedFor()
    {
        // Found by the chaos soak: a member list cut after its first page read as a shorter group, and the ledger
        // forgot the members it no longer showed (who then kept the group after their entitlement ended).
        using var host = new SaltoKsTestHost(o => o.ListPageSize = 1);
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/access_groups/g1/users")
            .WithExactQueryString("$inlinecount=allpages&$top=1")
            .Respond("application/json", $$"""{"items":[{"id":"u-1"}],"next_page_link":"{{SaltoKsTestHost.Api}}/v1.1/sites/s1/access_groups/g1/users?$skip=1","count":2}""");
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/access_groups/g1/users")
            .WithExactQueryString("$skip=1")
            .Respond("application/json", """{"items":[],"next_page_link":null}""");

        var error = await Assert.ThrowsAsync<SaltoKsApiException>(() => host.Client.GetAccessGroupMembersAsync("s1", "g1").ToListAsync().AsTask());

        Assert.Contains("ended after 1 of the 2 items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAccessGroupMembersAsync_ServiceLeavesTheCountNull_ReadsTheListAsBefore()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/access_groups/g1/users")
            .Respond("application/json", """{"items":[{"id":"u-1"}],"next_page_link":null,"count":null}""");

        Assert.Single(await host.Client.GetAccessGroupMembersAsync("s1", "g1").ToListAsync());
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetSiteUsersAsync_BareArray_ReadsItAsOnePage()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users").Respond("application/json", """[{"id":"su-1"},{"id":"su-2"}]""");

        Assert.Equal(2, (await host.Client.GetSiteUsersAsync("s1").ToListAsync()).Count);
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetSiteUsersAsync_NextPageLinkOnAnotherHost_RefusesToSendTheTokenThere()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .Respond("application/json", """{"items":[{"id":"su-1"}],"next_page_link":"https://evil.example/v1.1/sites/s1/users?$skip=1"}""");
        MockedRequest elsewhere = host.Http.When("https://evil.example/*").Respond(HttpStatusCode.OK);

        await Assert.ThrowsAsync<SaltoKsApiException>(async () => await host.Client.GetSiteUsersAsync("s1").ToListAsync());
        Assert.Equal(0, host.Http.GetMatchCount(elsewhere));
    }

    [Fact]
    public async Task GetSiteUsersAsync_NextPageLinkRepeatsCurrentPage_StopsWithError()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.1/sites/s1/users")
            .Respond("application/json", $$"""{"items":[{"id":"su-1"}],"next_page_link":"{{SaltoKsTestHost.Api}}/v1.1/sites/s1/users"}""");

        await Assert.ThrowsAsync<SaltoKsApiException>(async () => await host.Client.GetSiteUsersAsync("s1").ToListAsync());
    }

    [Fact]
    public async Task GetSiteUsersAsync_PageSizeAndFullPagesWithoutLink_ContinuesWithSkip()
    {
        using var host = new SaltoKsTestHost(o => o.ListPageSize = 2);
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users").WithExactQueryString("$top=2")
            .Respond("application/json", """{"items":[{"id":"su-1"},{"id":"su-2"}]}""");
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users").WithExactQueryString("$top=2&$skip=2")
            .Respond("application/json", """{"items":[{"id":"su-3"}]}""");

        Assert.Equal(3, (await host.Client.GetSiteUsersAsync("s1").ToListAsync()).Count);
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetSiteUsersAsync_PageSizeAndServiceGivesLinks_FollowsLinksNotSkip()
    {
        using var host = new SaltoKsTestHost(o => o.ListPageSize = 1);
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users").WithExactQueryString("$top=1")
            .Respond("application/json", $$"""{"items":[{"id":"su-1"}],"next_page_link":"{{SaltoKsTestHost.Api}}/v1.1/sites/s1/users?$top=1&$skip=1&token=abc"}""");
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users").WithExactQueryString("$top=1&$skip=1&token=abc")
            .Respond("application/json", """{"items":[]}""");

        Assert.Single(await host.Client.GetSiteUsersAsync("s1").ToListAsync());
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetEntriesAsync_ContinuationTokens_FollowsThemThroughEmptyPagesToTheEnd()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .With(r => !r.Headers.Contains("CLP-Continuation-Token"))
            .Respond("application/json", """{"items":[{"id":"e1","utc_date_time":"2025-03-04T08:00:00Z"}],"continuation_token":"{\"page\":2}"}""");
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .WithHeaders("CLP-Continuation-Token", """{"page":2}""")
            .Respond("application/json", """{"items":[],"continuation_token":"{\"page\":3}"}""");
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .WithHeaders("CLP-Continuation-Token", """{"page":3}""")
            .Respond("application/json", """{"items":[{"id":"e2","utc_date_time":"2025-03-04T08:01:00Z"}],"continuation_token":null}""");

        List<Entry> entries = await host.Client.GetEntriesAsync("s1").ToListAsync();

        Assert.Equal(["e1", "e2"], entries.Select(e => e.Id));
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetEntriesAsync_EmptyPageHandsBackSameToken_StopsInsteadOfSpinning()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .Respond("application/json", """{"items":[{"id":"e1","utc_date_time":"2025-03-04T08:00:00Z"}],"continuation_token":"t"}""");
        MockedRequest again = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.1/sites/s1/entries")
            .WithHeaders("CLP-Continuation-Token", "t")
            .Respond("application/json", """{"items":[],"continuation_token":"t"}""");

        Assert.Single(await host.Client.GetEntriesAsync("s1").ToListAsync());
        Assert.Equal(1, host.Http.GetMatchCount(again));
    }

    [Fact]
    public async Task GetEntriesPageAsync_Page_ReturnsItemsAndTokenToResumeFrom()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .Respond("application/json", """{"items":[{"id":"e1","utc_date_time":"2025-03-04T08:00:00"}],"continuation_token":"{\"k\":\"v\"}"}""");

        SaltoKsContinuationPage<Entry> page = await host.Client.GetEntriesPageAsync("s1");

        Assert.Equal("""{"k":"v"}""", page.ContinuationToken);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero), Assert.Single(page.Items).UtcDateTime);
    }

    [Fact]
    public async Task GetEntriesPageAsync_BareArray_IsTheLastPage()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries").Respond("application/json", """[{"id":"e1","utc_date_time":"2025-03-04T08:00:00Z"}]""");

        SaltoKsContinuationPage<Entry> page = await host.Client.GetEntriesPageAsync("s1");

        Assert.Single(page.Items);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task GetEntriesPageAsync_TokenWithLineBreak_IsRejected()
    {
        using var host = new SaltoKsTestHost();
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.GetEntriesPageAsync("s1", continuationToken: "a\r\nX-Evil: 1"));
    }

    [Fact]
    public async Task GetEntriesPageAsync_FromNotBeforeTo_IsRejected()
    {
        using var host = new SaltoKsTestHost();
        var at = new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.GetEntriesPageAsync("s1", new SaltoKsEntryQuery { From = at, To = at }));
    }

    [Fact]
    public async Task GetSitesAsync_MalformedBody_ThrowsApiExceptionWithStatus()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites").Respond("application/json", """{"items":[{"site_uid":"no id"}]}""");

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(async () => await host.Client.GetSitesAsync().ToListAsync());

        Assert.Equal(200, error.Status);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }
}
