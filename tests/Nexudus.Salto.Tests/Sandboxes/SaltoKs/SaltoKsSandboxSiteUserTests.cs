using System.Net;
using System.Text.Json;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>Site users: the two ids, creation and invitation, subscription, delete, eventual consistency.</summary>
public sealed class SaltoKsSandboxSiteUserTests
{
    private const string Users = $"v1.1/sites/{SaltoKsTestHost.SiteId}/users";

    [Fact]
    public async Task CreateUser_WithEmail_AnswersBothIdsAndRecordsInvitation()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync(Users, """{"first_name":"Sam","last_name":"Example","email":"sam@example.com","role_ids":["8f6081a3-80fb-11e8-a892-000d3a221c5b"]}""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        string siteUserId = reply.Json.GetProperty("id").GetString()!;
        string platformUserId = reply.Json.GetProperty("user").GetProperty("id").GetString()!;
        Assert.NotEqual(siteUserId, platformUserId);
        Assert.Equal("subscribed", reply.Json.GetProperty("subscription_state").GetString());
        SaltoKsInvitation invitation = Assert.Single(host.Sandbox.GetInvitations());
        Assert.Equal("sam@example.com", invitation.Email);
        Assert.Equal(siteUserId, invitation.SiteUserId.Value);
    }

    [Fact]
    public async Task CreateUser_WithoutEmail_SendsNoInvitation()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync(Users, """{"first_name":"Tag","last_name":"Only","role_ids":[]}""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Empty(host.Sandbox.GetInvitations());
    }

    [Fact]
    public async Task CreateUser_EmailKnownOnAnotherSite_ReusesThePlatformUserId()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).Site("other-site"));

        SaltoKsTestHost.Reply reply = await host.PostAsync("v1.1/sites/other-site/users", """{"email":"ann@example.com","role_ids":[]}""");

        Assert.Equal(SaltoKsTestHost.AnnUser.Value, reply.Json.GetProperty("user").GetProperty("id").GetString());
        Assert.NotEqual(SaltoKsTestHost.AnnSiteUser.Value, reply.Json.GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreateUser_AllSeatsTaken_CreatesUserSuspended()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).Subscription(2));

        SaltoKsTestHost.Reply reply = await host.PostAsync(Users, """{"email":"third@example.com","role_ids":[]}""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("suspended", reply.Json.GetProperty("subscription_state").GetString());
    }

    [Fact]
    public async Task CreateUser_UnknownRole_Answers400With1101()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync(Users, """{"email":"x@example.com","role_ids":["no-such-role"]}""");

        Assert.Equal("1101", reply.Code);
    }

    [Fact]
    public async Task CreateUser_NotJsonContentType_Answers415()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.SendAsync(HttpMethod.Post, Users, configure: r => r.Content = new StringContent("email=x@example.com"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
    }

    [Fact]
    public async Task GetUser_BySiteUserId_AnswersTheUser()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnSiteUser}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("ann@example.com", reply.Json.GetProperty("user").GetProperty("email").GetString());
    }

    [Fact]
    public async Task GetUser_ByPlatformUserId_Answers404With2202()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnUser}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("2202", reply.Code);
    }

    [Fact]
    public async Task UpdateUser_UsePin_ChangesOnlyThatField()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PatchAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnSiteUser}", """{"use_pin": true}""");

        Assert.True(reply.Json.GetProperty("use_pin").GetBoolean());
        Assert.False(reply.Json.GetProperty("blocked").GetBoolean());
    }

    [Fact]
    public async Task ChangeSubscription_StateSuspended_SuspendsTheUser()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PatchAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnSiteUser}/subscription", """{"state":"suspended"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(SubscriptionState.Suspended, host.Sandbox.GetSiteUsers(SaltoKsTestHost.SiteId)[0].SubscriptionState);
    }

    [Fact]
    public async Task ChangeSubscription_SubscriptionStateField_Answers400With1101()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PatchAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnSiteUser}/subscription", """{"subscription_state":"suspended"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("1101", reply.Code);
        Assert.Equal(SubscriptionState.Subscribed, host.Sandbox.GetSiteUsers(SaltoKsTestHost.SiteId)[0].SubscriptionState);
    }

    [Fact]
    public async Task DeleteUser_BySiteUserId_Answers202AndEndsGroupMemberships()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.DeleteAsync($"{Users}/{SaltoKsTestHost.AnnSiteUser}");

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.DoesNotContain(host.Sandbox.GetSiteUsers(SaltoKsTestHost.SiteId), u => u.Id == SaltoKsTestHost.AnnSiteUser);
        Assert.Empty(host.Sandbox.GetAccessGroupMembers(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task DeleteUser_AlreadyGone_Answers404()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        await host.DeleteAsync($"{Users}/{SaltoKsTestHost.AnnSiteUser}");

        SaltoKsTestHost.Reply reply = await host.DeleteAsync($"{Users}/{SaltoKsTestHost.AnnSiteUser}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Theory]
    [InlineData(SaltoKsConsistencyError.NotFound, HttpStatusCode.NotFound, "2202")]
    [InlineData(SaltoKsConsistencyError.Forbidden, HttpStatusCode.Forbidden, "2203")]
    public async Task NewUser_InsidePostCreateWindow_AnswersConfiguredError(SaltoKsConsistencyError error, HttpStatusCode status, string code)
    {
        await using var host = await SaltoKsTestHost.StartAsync(o =>
        {
            o.PostCreateConsistencyWindow = TimeSpan.FromMinutes(1);
            o.PostCreateConsistencyError = error;
        });
        SaltoKsTestHost.Reply created = await host.PostAsync(Users, """{"email":"new@example.com","role_ids":[]}""");
        string platformUserId = created.Json.GetProperty("user").GetProperty("id").GetString()!;

        SaltoKsTestHost.Reply reply = await host.PostAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/access_groups/{SaltoKsTestHost.Members}/users", $$"""{"user_id":"{{platformUserId}}"}""");

        Assert.Equal(status, reply.Status);
        Assert.Equal(code, reply.Code);
    }

    [Fact]
    public async Task NewUser_AfterPostCreateWindow_CanBeAddedToAGroup()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.PostCreateConsistencyWindow = TimeSpan.FromMinutes(1));
        SaltoKsTestHost.Reply created = await host.PostAsync(Users, """{"email":"new@example.com","role_ids":[]}""");
        string platformUserId = created.Json.GetProperty("user").GetProperty("id").GetString()!;

        host.Time.Advance(TimeSpan.FromMinutes(1));
        SaltoKsTestHost.Reply reply = await host.PostAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/access_groups/{SaltoKsTestHost.Members}/users", $$"""{"user_id":"{{platformUserId}}"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains(new PlatformUserId(platformUserId), host.Sandbox.GetAccessGroupMembers(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task NewUser_InsidePostCreateWindow_StillListedByEmailFilter()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.PostCreateConsistencyWindow = TimeSpan.FromMinutes(1));
        await host.PostAsync(Users, """{"email":"new@example.com","role_ids":[]}""");

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Users}?$filter=" + Uri.EscapeDataString("user/email eq 'new@example.com'"));

        Assert.Single(reply.Items);
    }

    [Fact]
    public async Task SeededUser_WithPostCreateWindowOn_IsNeverAffected()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.PostCreateConsistencyWindow = TimeSpan.FromMinutes(1));

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users/{SaltoKsTestHost.AnnSiteUser}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }
}
