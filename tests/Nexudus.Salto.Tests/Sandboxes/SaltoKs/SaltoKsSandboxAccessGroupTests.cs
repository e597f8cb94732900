using System.Net;
using System.Text.Json;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>Access groups, members (platform ids only), group locks and time schedules.</summary>
public sealed class SaltoKsSandboxAccessGroupTests
{
    private const string Groups = $"v1.1/sites/{SaltoKsTestHost.SiteId}/access_groups";
    private const string Group = $"{Groups}/{SaltoKsTestHost.Members}";

    [Fact]
    public async Task CreateAccessGroup_AnswersIdAndCustomerReference()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync(Groups, """{"customer_reference":"Booking 1418686279"}""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("Booking 1418686279", reply.Json.GetProperty("customer_reference").GetString());
        Assert.Contains(host.Sandbox.GetAccessGroups(SaltoKsTestHost.SiteId), g => g.Id == reply.Json.GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreateAccessGroup_WithoutCustomerReference_Answers400()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync(Groups, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task GetAccessGroup_ById_AnswersTheGroup()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/access_groups/{SaltoKsTestHost.Members}");

        Assert.Equal("Members", reply.Json.GetProperty("customer_reference").GetString());
    }

    [Fact]
    public async Task DeleteAccessGroup_RemovesItAndASecondDeleteAnswers404()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply first = await host.DeleteAsync(Group);
        SaltoKsTestHost.Reply second = await host.DeleteAsync(Group);

        Assert.True((int)first.Status is >= 200 and < 300);
        Assert.Empty(host.Sandbox.GetAccessGroups(SaltoKsTestHost.SiteId));
        Assert.Equal(HttpStatusCode.NotFound, second.Status);
    }

    [Fact]
    public async Task ChangeMembers_AddAndRemovePlatformIds_AppliesBoth()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PatchAsync($"{Group}/users", $$"""{"add_ids":["{{SaltoKsTestHost.BobUser}}"],"remove_ids":["{{SaltoKsTestHost.AnnUser}}"]}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal([SaltoKsTestHost.BobUser], host.Sandbox.GetAccessGroupMembers(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task ChangeMembers_SiteUserIdInAddIds_Answers404With2202AndChangesNothing()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PatchAsync($"{Group}/users", $$"""{"add_ids":["{{SaltoKsTestHost.BobSiteUser}}"],"remove_ids":["{{SaltoKsTestHost.AnnUser}}"]}""");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("2202", reply.Code);
        Assert.Equal("User not found", reply.Json.GetProperty("Message").GetString());
        Assert.Equal([SaltoKsTestHost.AnnUser], host.Sandbox.GetAccessGroupMembers(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task ChangeMembers_AddingAnExistingMember_IsASetOperation()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        await host.PatchAsync($"{Group}/users", $$"""{"add_ids":["{{SaltoKsTestHost.AnnUser}}"],"remove_ids":[]}""");

        Assert.Equal([SaltoKsTestHost.AnnUser], host.Sandbox.GetAccessGroupMembers(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task ChangeMembers_MoreIdsThanMaxBulkIds_Answers400With1101()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.MaxBulkIds = 1);

        SaltoKsTestHost.Reply reply = await host.PatchAsync($"{Group}/users", $$"""{"add_ids":["{{SaltoKsTestHost.BobUser}}"],"remove_ids":["{{SaltoKsTestHost.AnnUser}}"]}""");

        Assert.Equal("1101", reply.Code);
    }

    [Fact]
    public async Task AddMember_PlatformUserId_AddsTheMember()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync($"{Group}/users", $$"""{"user_id":"{{SaltoKsTestHost.BobUser}}"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains(SaltoKsTestHost.BobUser, host.Sandbox.GetAccessGroupMembers(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task AddMember_SiteUserId_Answers404With2202()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync($"{Group}/users", $$"""{"user_id":"{{SaltoKsTestHost.BobSiteUser}}"}""");

        Assert.Equal("2202", reply.Code);
        Assert.DoesNotContain(SaltoKsTestHost.BobUser, host.Sandbox.GetAccessGroupMembers(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task RemoveMember_PlatformUserId_RemovesTheMember()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.DeleteAsync($"{Group}/users/{SaltoKsTestHost.AnnUser}");

        Assert.True((int)reply.Status is >= 200 and < 300);
        Assert.Empty(host.Sandbox.GetAccessGroupMembers(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task RemoveMember_NotAMember_Answers404()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.DeleteAsync($"{Group}/users/{SaltoKsTestHost.BobUser}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task ListMembers_FlatShape_ItemIdIsThePlatformUserId()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Group}/users");

        JsonElement member = Assert.Single(reply.Items);
        Assert.Equal(SaltoKsTestHost.AnnUser.Value, member.GetProperty("id").GetString());
        Assert.Equal("ann@example.com", member.GetProperty("email").GetString());
    }

    [Fact]
    public async Task ListMembers_NestedUserShape_NestsThePlatformUserId()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.MemberShape = SaltoKsMemberShape.NestedUser);

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Group}/users");

        JsonElement member = Assert.Single(reply.Items);
        Assert.Equal(SaltoKsTestHost.AnnSiteUser.Value, member.GetProperty("id").GetString());
        Assert.Equal(SaltoKsTestHost.AnnUser.Value, member.GetProperty("user").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(SaltoKsMemberShape.Flat)]
    [InlineData(SaltoKsMemberShape.NestedUser)]
    public async Task ListMembers_EitherShape_ReadsBackAsThePlatformUserIdThroughTheModel(SaltoKsMemberShape shape)
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.MemberShape = shape);

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Group}/users");

        SaltoKsList<AccessGroupMember> list = SaltoKsList.Read(System.Text.Encoding.UTF8.GetBytes(reply.Body), SaltoKsJsonContext.Default.AccessGroupMember);
        Assert.Equal(SaltoKsTestHost.AnnUser, Assert.Single(list.Items).PlatformUserId);
    }

    [Fact]
    public async Task ChangeGroupLocks_AddAndRemove_AppliesBoth()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PatchAsync($"{Group}/locks", $$"""{"add_ids":["{{SaltoKsTestHost.MeetingRoom}}"],"remove_ids":["{{SaltoKsTestHost.FrontDoor}}"]}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal([SaltoKsTestHost.MeetingRoom], host.Sandbox.GetAccessGroupLocks(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task ListGroupLocks_AnswersLockObjects()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Group}/locks");

        JsonElement theLock = Assert.Single(reply.Items);
        Assert.Equal(SaltoKsTestHost.FrontDoor, theLock.GetProperty("id").GetString());
        Assert.Equal("Front door", theLock.GetProperty("customer_reference").GetString());
    }

    [Fact]
    public async Task AddGroupLock_UnknownLock_Answers404()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync($"{Group}/locks", """{"lock_id":"no-such-lock"}""");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task RemoveGroupLock_ByLockId_RemovesIt()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        await host.DeleteAsync($"{Group}/locks/{SaltoKsTestHost.FrontDoor}");

        Assert.Empty(host.Sandbox.GetAccessGroupLocks(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task CreateTimeSchedule_DocumentedBody_StoresAndEchoesIt()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync($"{Group}/time_schedules", """
            { "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
              "saturday": true, "sunday": true, "start_time": "00:00:00", "end_time": "23:59:59",
              "start_date": "2025-03-04T09:00:00.000Z", "end_date": "2025-03-04T10:30:00.000Z" }
            """);

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("23:59:59", reply.Json.GetProperty("end_time").GetString());
        TimeSchedule stored = Assert.Single(host.Sandbox.GetTimeSchedules(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
        Assert.Equal(reply.Json.GetProperty("id").GetString(), stored.Id);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 30, 0, TimeSpan.Zero), stored.EndDate);
    }

    [Theory]
    [InlineData("users", "user_id", "{}")]
    [InlineData("users", "user_id", """{"user_id":42}""")]
    [InlineData("locks", "lock_id", "{}")]
    [InlineData("locks", "lock_id", """{"lock_id":null}""")]
    public async Task AddOne_IdMissingOrNotAString_Answers400NamingTheField(string collection, string field, string body)
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync($"{Group}/{collection}", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal($"A parameter value is invalid: {field}", reply.Json.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task CreateTimeSchedule_NoWeekday_Answers400With1101()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync($"{Group}/time_schedules", """{"start_time":"09:00:00","end_time":"17:00:00"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("1101", reply.Code);
        Assert.Equal("At least one day should be selected", reply.Json.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task CreateTimeSchedule_StartAfterEnd_Answers400With1101()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.PostAsync($"{Group}/time_schedules", """{"monday":true,"start_time":"17:00:00","end_time":"09:00:00"}""");

        Assert.Equal("1101", reply.Code);
    }

    [Fact]
    public async Task UpdateTimeSchedule_PartialBody_ReplacesOnlyTheFieldsSent()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        SaltoKsTestHost.Reply created = await host.PostAsync($"{Group}/time_schedules", """{"monday":true,"start_time":"09:00:00","end_time":"17:00:00"}""");
        string id = created.Json.GetProperty("id").GetString()!;

        SaltoKsTestHost.Reply reply = await host.PatchAsync($"{Group}/time_schedules/{id}", """{"end_time":"12:00:00"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        TimeSchedule stored = Assert.Single(host.Sandbox.GetTimeSchedules(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
        Assert.Equal(new TimeOnly(12, 0), stored.EndTime);
        Assert.True(stored.Monday);
    }

    [Fact]
    public async Task DeleteTimeSchedule_RemovesIt()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        SaltoKsTestHost.Reply created = await host.PostAsync($"{Group}/time_schedules", """{"friday":true}""");

        await host.DeleteAsync($"{Group}/time_schedules/{created.Json.GetProperty("id").GetString()}");

        Assert.Empty(host.Sandbox.GetTimeSchedules(SaltoKsTestHost.SiteId, SaltoKsTestHost.Members));
    }

    [Fact]
    public async Task ListTimeSchedules_AnswersItemsEnvelope()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        await host.PostAsync($"{Group}/time_schedules", """{"friday":true}""");

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Group}/time_schedules");

        Assert.True(Assert.Single(reply.Items).GetProperty("friday").GetBoolean());
    }
}
