using System.Net;
using Nexudus.Salto.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>Retries (429 with Retry-After, 5xx), creations never retried blindly, and chunked bulk membership.</summary>
public sealed class SaltoKsResilienceTests
{
    private static HttpResponseMessage Throttled(int seconds)
    {
        HttpResponseMessage response = SaltoKsTestHost.Error(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    [Fact]
    public async Task Call_429WithRetryAfter_WaitsThatLongThenRetries()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond(_ => Throttled(7));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.AdvanceUntilDoneAsync(host.Client.GetSiteAsync("s1"));

        host.Http.VerifyNoOutstandingExpectation();
        var retry = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 4006);
        Assert.Contains("00:00:07", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_429RetryAfterBeyondLimit_ThrowsThrottledWithRetryAfter()
    {
        using var host = new SaltoKsTestHost(o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));
        host.AcceptTokenRequests();
        MockedRequest api = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond(_ => Throttled(3600));

        SaltoKsThrottledException error = await Assert.ThrowsAsync<SaltoKsThrottledException>(() => host.Client.GetSiteAsync("s1"));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Equal(1, host.Http.GetMatchCount(api));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Call_TransientServerError_IsRetried(HttpStatusCode status)
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond(status);
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.AdvanceUntilDoneAsync(host.Client.GetSiteAsync("s1"));

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Call_ServerErrorEveryTime_GivesUpAfterConfiguredRetries()
    {
        using var host = new SaltoKsTestHost(o => o.MaxRetryAttempts = 2);
        host.AcceptTokenRequests();
        MockedRequest api = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1")
            .Respond(HttpStatusCode.InternalServerError, "application/json", """{"ErrorCode":"2201","Message":"Internal error"}""");

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(() => host.AdvanceUntilDoneAsync(host.Client.GetSiteAsync("s1")));

        Assert.Equal("2201", error.ErrorCode);
        Assert.Equal(3, host.Http.GetMatchCount(api));
    }

    [Fact]
    public async Task Call_ClientError_IsNotRetried()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        MockedRequest api = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"ErrorCode":"1100"}""");

        await Assert.ThrowsAsync<SaltoKsApiException>(() => host.Client.GetSiteAsync("s1"));
        Assert.Equal(1, host.Http.GetMatchCount(api));
    }

    [Fact]
    public async Task CreateAccessGroupAsync_ServerError_IsNotRetried()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        MockedRequest post = host.Http.When(HttpMethod.Post, SaltoKsTestHost.Api + "/v1.1/sites/s1/access_groups").Respond(HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<SaltoKsApiException>(
            () => host.Client.CreateAccessGroupAsync("s1", new AccessGroupCreateRequest { CustomerReference = "g" }));
        Assert.Equal(1, host.Http.GetMatchCount(post));
    }

    [Fact]
    public async Task CreateSiteUserAsync_PostTimesOutButUserExists_ReturnsFoundUserWithoutSecondPost()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users").Respond("application/json", "[]");
        MockedRequest post = host.Http.When(HttpMethod.Post, SaltoKsTestHost.Api + "/v1.1/sites/s1/users")
            .Throw(new HttpRequestException("The response ended prematurely."));
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .Respond("application/json", """[{"id":"su-1","user":{"id":"pu-1","email":"sam@example.com"}}]""");

        SiteUserCreateResult result = await host.Client.CreateSiteUserAsync("s1", new SiteUserCreateRequest { Email = "sam@example.com" });

        Assert.Equal(SiteUserCreateOutcome.FoundAfterUncertainCreate, result.Outcome);
        Assert.Equal(1, host.Http.GetMatchCount(post));
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateSiteUserAsync_OnlyAfterUncertainCreateAndPostTimesOut_LooksUpOnceAfterThePost()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        MockedRequest post = host.Http.When(HttpMethod.Post, SaltoKsTestHost.Api + "/v1.1/sites/s1/users")
            .Throw(new HttpRequestException("The response ended prematurely."));
        MockedRequest lookup = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.1/sites/s1/users")
            .Respond("application/json", """[{"id":"su-1","user":{"id":"pu-1","email":"sam@example.com"}}]""");

        SiteUserCreateResult result = await host.Client.CreateSiteUserAsync(
            "s1", new SiteUserCreateRequest { Email = "sam@example.com" }, SiteUserCreateLookup.OnlyAfterUncertainCreate);

        Assert.Equal(SiteUserCreateOutcome.FoundAfterUncertainCreate, result.Outcome);
        Assert.Equal(1, host.Http.GetMatchCount(post));
        Assert.Equal(1, host.Http.GetMatchCount(lookup));
    }

    [Fact]
    public async Task CreateSiteUserAsync_Post503AndUserNotFound_ThrowsTheCreateErrorAfterOnePost()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.1/sites/s1/users").Respond("application/json", "[]");
        MockedRequest post = host.Http.When(HttpMethod.Post, SaltoKsTestHost.Api + "/v1.1/sites/s1/users").Respond(HttpStatusCode.ServiceUnavailable);

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(
            () => host.Client.CreateSiteUserAsync("s1", new SiteUserCreateRequest { Email = "sam@example.com" }));

        Assert.Equal(503, error.Status);
        Assert.Equal(1, host.Http.GetMatchCount(post));
    }

    [Fact]
    public async Task CreateSiteUserAsync_PostRejected_DoesNotLookUpAgain()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        MockedRequest lookups = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.1/sites/s1/users").Respond("application/json", "[]");
        host.Http.When(HttpMethod.Post, SaltoKsTestHost.Api + "/v1.1/sites/s1/users")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"ErrorCode":"1101"}""");

        await Assert.ThrowsAsync<SaltoKsApiException>(() => host.Client.CreateSiteUserAsync("s1", new SiteUserCreateRequest { Email = "sam@example.com" }));
        Assert.Equal(1, host.Http.GetMatchCount(lookups));
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_MoreIdsThanChunkSize_SendsChunksOfAtMostThatSize()
    {
        using var host = new SaltoKsTestHost(o => o.MembershipChunkSize = 2);
        host.AcceptTokenRequests();
        host.ExpectApiJson(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/users", """{"add_ids":["a1","a2"],"remove_ids":["r1","r2"]}""").Respond(HttpStatusCode.OK);
        host.ExpectApiJson(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/users", """{"add_ids":["a3","a4"],"remove_ids":["r3"]}""").Respond(HttpStatusCode.OK);
        host.ExpectApiJson(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/users", """{"add_ids":["a5"],"remove_ids":[]}""").Respond(HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await host.Client.ChangeAccessGroupMembersAsync("s1", "g1", new AccessGroupUsersChange
        {
            AddIds = [new("a1"), new("a2"), new("a3"), new("a4"), new("a5"), new("A1")],
            RemoveIds = [new("r1"), new("r2"), new("r3")],
        });

        host.Http.VerifyNoOutstandingExpectation();
        Assert.Equal(3, result.Chunks.Count);
        Assert.Equal(5, result.AddedIds.Count);
        Assert.Equal(3, result.RemovedIds.Count);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_OneChunkFails_ReportsItAndSendsTheRest()
    {
        using var host = new SaltoKsTestHost(o => { o.MembershipChunkSize = 1; o.MaxRetryAttempts = 0; });
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/users").Respond(HttpStatusCode.OK);
        host.ExpectApi(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/users")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"ErrorCode":"1101"}""");
        host.ExpectApi(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/users").Respond(HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await host.Client.ChangeAccessGroupMembersAsync("s1", "g1", new AccessGroupUsersChange
        {
            AddIds = [new("a1"), new("a2"), new("a3")],
        });

        host.Http.VerifyNoOutstandingExpectation();
        Assert.False(result.Succeeded);
        Assert.Equal([new PlatformUserId("a1"), new PlatformUserId("a3")], result.AddedIds);
        Assert.Equal([new PlatformUserId("a2")], result.FailedAddIds);
        Assert.IsAssignableFrom<SaltoKsApiException>(result.Chunks[1].Error);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_ServerErrorOnce_RetriesTheSetOperation()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/users").Respond(HttpStatusCode.ServiceUnavailable);
        host.ExpectApiJson(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/users", """{"add_ids":["a1"],"remove_ids":[]}""").Respond(HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await host.AdvanceUntilDoneAsync(
            host.Client.ChangeAccessGroupMembersAsync("s1", "g1", new AccessGroupUsersChange { AddIds = [new("a1")] }));

        Assert.True(result.Succeeded);
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_IdBothAddedAndRemoved_ThrowsBeforeSending()
    {
        using var host = new SaltoKsTestHost();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.ChangeAccessGroupMembersAsync(
            "s1", "g1", new AccessGroupUsersChange { AddIds = [new("p1")], RemoveIds = [new("P1")] }));
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_NothingToChange_SendsNothing()
    {
        using var host = new SaltoKsTestHost();

        AccessGroupMembersChangeResult result = await host.Client.ChangeAccessGroupMembersAsync("s1", "g1", new AccessGroupUsersChange());

        Assert.Empty(result.Chunks);
        Assert.True(result.Succeeded);
    }
}
