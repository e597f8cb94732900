using System.Net;
using System.Text.Json;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>Tags on their configurable (unconfirmed) routes.</summary>
public sealed class SaltoKsSandboxTagTests
{
    // The tag endpoints and tag_id on users are the older reading, served only when asked for.
    private static void OlderTagReading(SaltoKsSandboxOptions o)
    {
        o.ServeTagEndpoints = true;
        o.SiteUsersShowTagId = true;
    }

    [Fact]
    public async Task TagRoutes_EvidenceDefaults_Answer404AndUsersShowTagNumberWithoutTagId()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).UserTag(SaltoKsTestHost.AnnSiteUser, SaltoKsTestHost.Tag101));

        SaltoKsTestHost.Reply list = await host.GetAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/tags");
        SaltoKsTestHost.Reply user = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnSiteUser}");

        Assert.Equal(HttpStatusCode.NotFound, list.Status);
        Assert.True(!user.Json.TryGetProperty("tag_id", out JsonElement tagId) || tagId.ValueKind == JsonValueKind.Null);
        Assert.True(user.Json.GetProperty("tag_owned_by_this_site").GetBoolean());
        Assert.False(string.IsNullOrEmpty(user.Json.GetProperty("user").GetProperty("tag_number").GetString()));
    }

    private const string TagBody = $$"""{"tag_id":"{{SaltoKsTestHost.Tag101}}"}""";

    private static string Assign(object siteUserId) => $"v1.1/sites/{SaltoKsTestHost.SiteId}/users/{siteUserId}/tags";

    private static string Unassign(object siteUserId) => $"{Assign(siteUserId)}/{SaltoKsTestHost.Tag101}";

    private static string User(object siteUserId) => $"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{siteUserId}";

    [Fact]
    public async Task ListTags_DefaultPath_AnswersRegisteredTags()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading);

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/tags");

        JsonElement tag = Assert.Single(reply.Items);
        Assert.Equal(SaltoKsTestHost.Tag101, tag.GetProperty("id").GetString());
        Assert.Equal("0012345", tag.GetProperty("tag_number").GetString());
    }

    [Fact]
    public async Task ListTags_FilterByTagNumber_AnswersThatTag()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading, seed: b => SaltoKsTestHost.Standard(b).Tag("tag-2", "0099999"));

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/tags?$filter=" + Uri.EscapeDataString("tag_number eq '0099999'"));

        Assert.Equal("tag-2", Assert.Single(reply.Items).GetProperty("id").GetString());
    }

    [Fact]
    public async Task AssignTag_PostTagIdOnDefaultPath_AssignsTheTagToTheSiteUser()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading);

        SaltoKsTestHost.Reply reply = await host.PostAsync(Assign(SaltoKsTestHost.AnnSiteUser), TagBody);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(SaltoKsTestHost.Tag101, reply.Json.GetProperty("tag_id").GetString());
        Assert.Equal([SaltoKsTestHost.Tag101], host.Sandbox.GetUserTags(SaltoKsTestHost.SiteId, SaltoKsTestHost.AnnSiteUser));
    }

    [Fact]
    public async Task AssignTag_AlreadyAssignedToAnotherUser_Answers400With1101()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading, seed: b => SaltoKsTestHost.Standard(b).UserTag(SaltoKsTestHost.BobSiteUser, SaltoKsTestHost.Tag101));

        SaltoKsTestHost.Reply reply = await host.PostAsync(Assign(SaltoKsTestHost.AnnSiteUser), TagBody);

        Assert.Equal("1101", reply.Code);
    }

    [Fact]
    public async Task AssignTag_PlatformUserIdInPath_Answers404With2202()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading);

        SaltoKsTestHost.Reply reply = await host.PostAsync(Assign(SaltoKsTestHost.AnnUser), TagBody);

        Assert.Equal("2202", reply.Code);
    }

    [Fact]
    public async Task UnassignTag_DeleteOnDefaultPath_RemovesTheTag()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading, seed: b => SaltoKsTestHost.Standard(b).UserTag(SaltoKsTestHost.AnnSiteUser, SaltoKsTestHost.Tag101));

        SaltoKsTestHost.Reply reply = await host.DeleteAsync(Unassign(SaltoKsTestHost.AnnSiteUser));

        Assert.True((int)reply.Status is >= 200 and < 300);
        Assert.Empty(host.Sandbox.GetUserTags(SaltoKsTestHost.SiteId, SaltoKsTestHost.AnnSiteUser));
    }

    [Fact]
    public async Task UnassignTag_NotAssigned_Answers404()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading);

        SaltoKsTestHost.Reply reply = await host.DeleteAsync(Unassign(SaltoKsTestHost.AnnSiteUser));

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task TagRoutes_ConfiguredPaths_AreServedInsteadOfTheDefaults()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o =>
        {
            OlderTagReading(o);
            o.TagListPath = "/v1.2/sites/{site_id}/registered_tags";
            o.TagAssignPath = "/v1.2/sites/{site_id}/users/{site_user_id}/keys";
            o.TagUnassignPath = "/v1.2/sites/{site_id}/users/{site_user_id}/keys/{tag_id}";
        });

        SaltoKsTestHost.Reply list = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/registered_tags");
        SaltoKsTestHost.Reply assign = await host.PostAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnSiteUser}/keys", TagBody);
        SaltoKsTestHost.Reply unassign = await host.DeleteAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnSiteUser}/keys/{SaltoKsTestHost.Tag101}");
        SaltoKsTestHost.Reply oldPath = await host.GetAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/tags");

        Assert.Single(list.Items);
        Assert.Equal(HttpStatusCode.OK, assign.Status);
        Assert.Equal(HttpStatusCode.NoContent, unassign.Status);
        Assert.Equal(HttpStatusCode.NotFound, oldPath.Status);
    }

    [Fact]
    public async Task StartAsync_TagPathWithoutPlaceholder_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SaltoKsTestHost.StartAsync(o => o.TagUnassignPath = "/v1.1/sites/{site_id}/tags"));
    }

    [Fact]
    public async Task UpdateUser_TagId_AssignsThatTagAsTheUsersOnlyTag()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading, seed: b => SaltoKsTestHost.Standard(b).Tag("tag-2", "0099999").UserTag(SaltoKsTestHost.AnnSiteUser, "tag-2"));

        SaltoKsTestHost.Reply reply = await host.PatchAsync(User(SaltoKsTestHost.AnnSiteUser), TagBody);

        Assert.Equal(SaltoKsTestHost.Tag101, reply.Json.GetProperty("tag_id").GetString());
        Assert.Equal([SaltoKsTestHost.Tag101], host.Sandbox.GetUserTags(SaltoKsTestHost.SiteId, SaltoKsTestHost.AnnSiteUser));
    }

    [Fact]
    public async Task UpdateUser_TagIdNull_ClearsTheTag()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading, seed: b => SaltoKsTestHost.Standard(b).UserTag(SaltoKsTestHost.AnnSiteUser, SaltoKsTestHost.Tag101));

        SaltoKsTestHost.Reply reply = await host.PatchAsync(User(SaltoKsTestHost.AnnSiteUser), """{"tag_id":null}""");

        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("tag_id").ValueKind);
        Assert.Empty(host.Sandbox.GetUserTags(SaltoKsTestHost.SiteId, SaltoKsTestHost.AnnSiteUser));
    }

    [Fact]
    public async Task UpdateUser_TagIdHeldByAnotherUser_Answers400With1101()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading, seed: b => SaltoKsTestHost.Standard(b).UserTag(SaltoKsTestHost.BobSiteUser, SaltoKsTestHost.Tag101));

        SaltoKsTestHost.Reply reply = await host.PatchAsync(User(SaltoKsTestHost.AnnSiteUser), TagBody);

        Assert.Equal("1101", reply.Code);
    }

    [Fact]
    public async Task CreateUser_WithTagId_AssignsTheTag()
    {
        await using var host = await SaltoKsTestHost.StartAsync(OlderTagReading);

        SaltoKsTestHost.Reply reply = await host.PostAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/users", $$"""{"first_name":"Tag","role_ids":[],"tag_id":"{{SaltoKsTestHost.Tag101}}"}""");

        Assert.Equal(SaltoKsTestHost.Tag101, reply.Json.GetProperty("tag_id").GetString());
    }
}
