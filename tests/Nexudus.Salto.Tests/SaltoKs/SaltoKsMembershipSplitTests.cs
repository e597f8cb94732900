using System.Net;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.SaltoKs;
using Polly.Timeout;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>
/// SALTO KS applies a membership PATCH all or nothing and publishes no size limit: the client halves a call it rejects
/// as a whole (413, 400, 404 2202), records each final call, and learns a lower size when both halves pass.
/// </summary>
public sealed class SaltoKsMembershipSplitTests : IDisposable
{
    private const string Path = "/v1.1/sites/s1/access_groups/g1/users";
    private const string UserNotFound = """{"ErrorCode":"2202","Message":"User not found"}""";
    private const string InvalidParameter = """{"ErrorCode":"1101","Message":"A parameter value is invalid"}""";
    private readonly SaltoKsTestHost _host = new(o => o.MaxRetryAttempts = 0);

    public SaltoKsMembershipSplitTests() => _host.AcceptTokenRequests();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_OneUnknownIdAmongEight_HalvesDownToItAndSendsTheRest()
    {
        ExpectAdds(["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"], HttpStatusCode.NotFound, UserNotFound);
        ExpectAdds(["a1", "a2", "a3", "a4"], HttpStatusCode.NotFound, UserNotFound);
        ExpectAdds(["a1", "a2"], HttpStatusCode.OK);
        ExpectAdds(["a3", "a4"], HttpStatusCode.NotFound, UserNotFound);
        ExpectAdds(["a3"], HttpStatusCode.NotFound, UserNotFound);
        ExpectAdds(["a4"], HttpStatusCode.OK);
        ExpectAdds(["a5", "a6", "a7", "a8"], HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await AddAsync("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");

        _host.Http.VerifyNoOutstandingExpectation();
        Assert.Equal(["a1", "a2", "a4", "a5", "a6", "a7", "a8"], result.AddedIds.Select(i => i.Value));
        Assert.Equal(["a3"], result.FailedAddIds.Select(i => i.Value));
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_SplitCall_ListsOnlyTheCallsWithAFinalOutcome()
    {
        ExpectAdds(["a1", "a2", "a3", "a4"], HttpStatusCode.NotFound, UserNotFound);
        ExpectAdds(["a1", "a2"], HttpStatusCode.OK);
        ExpectAdds(["a3", "a4"], HttpStatusCode.NotFound, UserNotFound);
        ExpectAdds(["a3"], HttpStatusCode.OK);
        ExpectAdds(["a4"], HttpStatusCode.NotFound, UserNotFound);

        AccessGroupMembersChangeResult result = await AddAsync("a1", "a2", "a3", "a4");

        Assert.Equal(
            [("a1,a2", true), ("a3", true), ("a4", false)],
            result.Chunks.Select(c => (string.Join(',', c.AddIds.Select(i => i.Value)), c.Succeeded)));
        Assert.IsType<SaltoKsNotFoundException>(result.Chunks[2].Error);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_TooLarge413_SendsBothHalves()
    {
        ExpectAdds(["a1", "a2", "a3", "a4"], HttpStatusCode.RequestEntityTooLarge);
        ExpectAdds(["a1", "a2"], HttpStatusCode.OK);
        ExpectAdds(["a3", "a4"], HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await AddAsync("a1", "a2", "a3", "a4");

        _host.Http.VerifyNoOutstandingExpectation();
        Assert.True(result.Succeeded);
        Assert.Equal(4, result.AddedIds.Count);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_BothHalvesOfARejectedCallAccepted_LaterCallsStartAtTheHalfSize()
    {
        ExpectAdds(["a1", "a2", "a3", "a4"], HttpStatusCode.BadRequest, InvalidParameter);
        ExpectAdds(["a1", "a2"], HttpStatusCode.OK);
        ExpectAdds(["a3", "a4"], HttpStatusCode.OK);
        await AddAsync("a1", "a2", "a3", "a4");
        ExpectAdds(["b1", "b2"], HttpStatusCode.OK);
        ExpectAdds(["b3", "b4"], HttpStatusCode.OK);
        ExpectAdds(["b5"], HttpStatusCode.OK);

        // Another client instance of the same service provider: the typed client is transient, the size is not.
        AccessGroupMembersChangeResult later = await AddAsync("b1", "b2", "b3", "b4", "b5");

        _host.Http.VerifyNoOutstandingExpectation();
        Assert.Equal(3, later.Chunks.Count);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_SizeLearned_LogsTheSizeOnceAtWarning()
    {
        ExpectAdds(["a1", "a2", "a3", "a4"], HttpStatusCode.RequestEntityTooLarge);
        ExpectAdds(["a1", "a2"], HttpStatusCode.OK);
        ExpectAdds(["a3", "a4"], HttpStatusCode.OK);
        ExpectAdds(["b1", "b2"], HttpStatusCode.OK);
        ExpectAdds(["b3", "b4"], HttpStatusCode.OK);

        await AddAsync("a1", "a2", "a3", "a4");
        await AddAsync("b1", "b2", "b3", "b4");

        var learned = Assert.Single(_host.Logs.GetSnapshot(), r => r.Id.Id == 4015);
        Assert.Equal(LogLevel.Warning, learned.Level);
        Assert.Contains("at most 2 ids", learned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_RejectedCallSplit_LogsTheSplitAtInformationWithoutIds()
    {
        ExpectAdds(["pu-secret-1", "pu-secret-2"], HttpStatusCode.RequestEntityTooLarge);
        ExpectAdds(["pu-secret-1"], HttpStatusCode.OK);
        ExpectAdds(["pu-secret-2"], HttpStatusCode.OK);

        await AddAsync("pu-secret-1", "pu-secret-2");

        var split = Assert.Single(_host.Logs.GetSnapshot(), r => r.Id.Id == 4016);
        Assert.Equal(LogLevel.Information, split.Level);
        Assert.DoesNotContain("pu-secret", split.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_OneHalfAlsoRejected_DoesNotLearn()
    {
        ExpectAdds(["a1", "a2", "a3", "a4"], HttpStatusCode.BadRequest, InvalidParameter);
        ExpectAdds(["a1", "a2"], HttpStatusCode.OK);
        ExpectAdds(["a3", "a4"], HttpStatusCode.NotFound, UserNotFound);
        ExpectAdds(["a3"], HttpStatusCode.NotFound, UserNotFound);
        ExpectAdds(["a4"], HttpStatusCode.OK);
        await AddAsync("a1", "a2", "a3", "a4");
        ExpectAdds(["b1", "b2", "b3", "b4"], HttpStatusCode.OK);

        AccessGroupMembersChangeResult later = await AddAsync("b1", "b2", "b3", "b4");

        _host.Http.VerifyNoOutstandingExpectation();
        Assert.Single(later.Chunks);
        Assert.DoesNotContain(_host.Logs.GetSnapshot(), r => r.Id.Id == 4015);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_AddsAndRemovesRejected_HalvesEachList()
    {
        _host.ExpectApiJson(HttpMethod.Patch, Path, """{"add_ids":["a1","a2","a3"],"remove_ids":["r1"]}""")
            .Respond(HttpStatusCode.BadRequest, "application/json", InvalidParameter);
        _host.ExpectApiJson(HttpMethod.Patch, Path, """{"add_ids":["a1","a2"],"remove_ids":[]}""").Respond(HttpStatusCode.OK);
        _host.ExpectApiJson(HttpMethod.Patch, Path, """{"add_ids":["a3"],"remove_ids":["r1"]}""").Respond(HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await _host.Client.ChangeAccessGroupMembersAsync(
            "s1", "g1", new AccessGroupUsersChange { AddIds = [new("a1"), new("a2"), new("a3")], RemoveIds = [new("r1")] });

        _host.Http.VerifyNoOutstandingExpectation();
        Assert.Equal((3, 1), (result.AddedIds.Count, result.RemovedIds.Count));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task ChangeAccessGroupMembersAsync_FailureThatIsNotARejectionOfTheWhole_IsNotSplit(HttpStatusCode status)
    {
        MockedRequest whole = _host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path).WithContent("""{"add_ids":["a1","a2"],"remove_ids":[]}""").Respond(status);
        MockedRequest any = _host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path).Respond(HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await AddAsync("a1", "a2");

        Assert.Equal((1, 0), (_host.Http.GetMatchCount(whole), _host.Http.GetMatchCount(any)));
        Assert.Equal(["a1", "a2"], Assert.Single(result.Chunks).AddIds.Select(i => i.Value));
        Assert.Equal(2, result.FailedAddIds.Count);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_Unauthorized_IsNotSplit()
    {
        MockedRequest whole = _host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path).WithContent("""{"add_ids":["a1","a2"],"remove_ids":[]}""")
            .Respond(HttpStatusCode.Unauthorized);
        MockedRequest any = _host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path).Respond(HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await AddAsync("a1", "a2");

        Assert.Equal(0, _host.Http.GetMatchCount(any));
        Assert.True(_host.Http.GetMatchCount(whole) >= 1);
        Assert.IsType<SaltoKsAuthenticationException>(Assert.Single(result.Chunks).Error);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_Timeout_IsNotSplit()
    {
        MockedRequest whole = _host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path).WithContent("""{"add_ids":["a1","a2"],"remove_ids":[]}""")
            .Throw(new TimeoutRejectedException("The attempt timed out."));
        MockedRequest any = _host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path).Respond(HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await AddAsync("a1", "a2");

        Assert.Equal((1, 0), (_host.Http.GetMatchCount(whole), _host.Http.GetMatchCount(any)));
        Assert.IsType<TimeoutRejectedException>(Assert.Single(result.Chunks).Error);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_SingleIdRejected_RecordsItFailedWithoutAnotherCall()
    {
        MockedRequest call = _host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path)
            .Respond(HttpStatusCode.BadRequest, "application/json", InvalidParameter);

        AccessGroupMembersChangeResult result = await AddAsync("a1");

        Assert.Equal(1, _host.Http.GetMatchCount(call));
        Assert.Equal(["a1"], result.FailedAddIds.Select(i => i.Value));
        Assert.IsType<SaltoKsApiException>(Assert.Single(result.Chunks).Error);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_EveryCallNotFound_StopsSplittingAfterTwoSingleIdsFail()
    {
        // A group SALTO cannot find answers 404 2202 whatever the ids: splitting on would cost about two calls per id.
        MockedRequest calls = _host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path)
            .Respond(HttpStatusCode.NotFound, "application/json", UserNotFound);

        AccessGroupMembersChangeResult result = await AddAsync("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");

        // 8 → 4 → 2 → 1 + 1, then the untried halves [a3,a4] and [a5…a8] once each, whole.
        Assert.Equal(7, _host.Http.GetMatchCount(calls));
        Assert.Equal(["a1", "a2", "a3,a4", "a5,a6,a7,a8"], result.Chunks.Select(c => string.Join(',', c.AddIds.Select(i => i.Value))));
        Assert.DoesNotContain(result.Chunks, c => c.Succeeded);
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_RecentlyCreatedUserNotFound_RetriesTheWholeCallThroughTheWindowBeforeSplitting()
    {
        using var host = new SaltoKsTestHost(o => (o.MaxRetryAttempts, o.PostCreateRetryWindow, o.PostCreateRetryDelay) = (0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)));
        host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Post, SaltoKsTestHost.Api + "/v1.1/sites/s1/users")
            .Respond("application/json", """{"id":"su-new","user":{"id":"pu-new","email":"new@example.com"}}""");
        await host.Client.CreateSiteUserAsync("s1", new SiteUserCreateRequest { Email = "new@example.com" }, SiteUserCreateLookup.OnlyAfterUncertainCreate);
        MockedRequest whole = host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path).WithContent("""{"add_ids":["pu-new","pu-old"],"remove_ids":[]}""")
            .Respond(HttpStatusCode.NotFound, "application/json", UserNotFound);
        MockedRequest newAlone = host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path).WithContent("""{"add_ids":["pu-new"],"remove_ids":[]}""")
            .Respond(HttpStatusCode.NotFound, "application/json", UserNotFound);
        MockedRequest oldAlone = host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Path).WithContent("""{"add_ids":["pu-old"],"remove_ids":[]}""")
            .Respond(HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await host.AdvanceUntilDoneAsync(host.Client.ChangeAccessGroupMembersAsync(
            "s1", "g1", new AccessGroupUsersChange { AddIds = [new("pu-new"), new("pu-old")] }));

        Assert.True(host.Http.GetMatchCount(whole) >= 2, "The whole call is retried while the new user is inside the window.");
        Assert.Equal((1, 1), (host.Http.GetMatchCount(newAlone), host.Http.GetMatchCount(oldAlone)));
        Assert.Equal(["pu-old"], result.AddedIds.Select(i => i.Value));
    }

    private void ExpectAdds(string[] ids, HttpStatusCode status, string? errorBody = null)
    {
        MockedRequest request = _host.ExpectApiJson(
            HttpMethod.Patch, Path, $$"""{"add_ids":[{{string.Join(',', ids.Select(i => $"\"{i}\""))}}],"remove_ids":[]}""");
        if (errorBody is null)
        {
            request.Respond(status);
        }
        else
        {
            request.Respond(status, "application/json", errorBody);
        }
    }

    private Task<AccessGroupMembersChangeResult> AddAsync(params string[] ids) =>
        _host.Client.ChangeAccessGroupMembersAsync("s1", "g1", new AccessGroupUsersChange { AddIds = [.. ids.Select(i => new PlatformUserId(i))] });
}
