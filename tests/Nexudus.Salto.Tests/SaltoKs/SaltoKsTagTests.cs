using System.Net;
using Nexudus.Salto.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>The tag endpoints are unconfirmed: both readings (the user's tag_id, dedicated endpoints) and configured paths.</summary>
public sealed class SaltoKsTagTests
{
    private static readonly SiteUserId SiteUser = new("su-1");

    [Fact]
    public async Task GetTagsAsync_DefaultPath_GetsSiteTags()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/tags").Respond("application/json", """{"items":[{"id":"t1","tag_number":"0012345678"}]}""");

        Tag tag = Assert.Single(await host.Client.GetTagsAsync("s1").ToListAsync());

        Assert.Equal("0012345678", tag.TagNumber);
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetTagsAsync_ConfiguredPathAndVersion_UsesThem()
    {
        using var host = new SaltoKsTestHost(o =>
        {
            o.ApiVersions.Tags = "v1.2";
            o.Tags.ListPath = "sites/{site_id}/registered_tags";
        });
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s%201/registered_tags").Respond("application/json", "[]");

        await host.Client.GetTagsAsync("s 1").ToListAsync();

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AssignTagAsync_UserTagIdMode_PatchesUserTagId()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApiJson(HttpMethod.Patch, "/v1.2/sites/s1/users/su-1", """{"tag_id":"t1"}""").Respond(HttpStatusCode.OK);

        await host.Client.AssignTagAsync("s1", SiteUser, "t1");

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task UnassignTagAsync_UserTagIdModeAndUserHoldsTag_ClearsTagId()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1/users/su-1").Respond("application/json", """{"id":"su-1","tag_id":"T1"}""");
        host.ExpectApiJson(HttpMethod.Patch, "/v1.2/sites/s1/users/su-1", """{"tag_id":null}""").Respond(HttpStatusCode.OK);

        Assert.True(await host.Client.UnassignTagAsync("s1", SiteUser, "t1"));
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task UnassignTagAsync_UserTagIdModeAndUserHoldsAnotherTag_LeavesItAlone()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1/users/su-1").Respond("application/json", """{"id":"su-1","tag_id":"t2"}""");
        MockedRequest patch = host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + "/v1.2/sites/s1/users/su-1").Respond(HttpStatusCode.OK);

        Assert.False(await host.Client.UnassignTagAsync("s1", SiteUser, "t1"));
        Assert.Equal(0, host.Http.GetMatchCount(patch));
    }

    [Fact]
    public async Task AssignTagAsync_TagEndpointsMode_PostsToAssignPath()
    {
        using var host = new SaltoKsTestHost(o => o.Tags.AssignmentMode = SaltoKsTagAssignmentMode.TagEndpoints);
        host.AcceptTokenRequests();
        host.ExpectApiJson(HttpMethod.Post, "/v1.1/sites/s1/users/su-1/tags", """{"tag_id":"t1"}""").Respond(HttpStatusCode.OK);

        await host.Client.AssignTagAsync("s1", SiteUser, "t1");

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task UnassignTagAsync_TagEndpointsModeWithConfiguredPath_DeletesThere()
    {
        using var host = new SaltoKsTestHost(o =>
        {
            o.Tags.AssignmentMode = SaltoKsTagAssignmentMode.TagEndpoints;
            o.Tags.UnassignPath = "sites/{site_id}/users/{site_user_id}/keys/{tag_id}";
        });
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Delete, "/v1.1/sites/s1/users/su-1/keys/t1").Respond(HttpStatusCode.NoContent);

        Assert.True(await host.Client.UnassignTagAsync("s1", SiteUser, "t1"));
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task UnassignTagAsync_TagEndpointsModeAndTagNotHeld_ReportsNothingRemoved()
    {
        using var host = new SaltoKsTestHost(o => o.Tags.AssignmentMode = SaltoKsTagAssignmentMode.TagEndpoints);
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Delete, "/v1.1/sites/s1/users/su-1/tags/t1").Respond(HttpStatusCode.NotFound);

        Assert.False(await host.Client.UnassignTagAsync("s1", SiteUser, "t1"));
    }
}
