using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;
using ODataFilter = Nexudus.Salto.SaltoKs.ODataFilter;
using static Nexudus.Salto.IntegrationTests.SaltoKs.SaltoKsClientOnSandbox;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>Site users: list, find by e-mail, get, create, update, subscription and delete, against the sandbox.</summary>
public sealed class SaltoKsSiteUserOperationsTests
{
    private const string RoleId = "8f6081a3-80fb-11e8-a892-000d3a221c5b";
    private static readonly SiteUserId AnnSite = new("5a000000-0000-4000-8000-0000000000a1");
    private static readonly PlatformUserId AnnPlatform = new("9b000000-0000-4000-8000-0000000000a1");
    private static readonly SiteUserId PatSite = new("5a000000-0000-4000-8000-0000000000b2");
    private static readonly PlatformUserId PatPlatform = new("9b000000-0000-4000-8000-0000000000b2");

    private static void SeedAnnAndPat(SaltoKsSandbox sandbox) => sandbox.Seed(b => b
        .Role(RoleId, "site_user")
        .User(AnnSite, AnnPlatform, email: "ann@example.com", firstName: "Ann", lastName: "Lee", roleIds: [RoleId])
        .User(PatSite, PatPlatform, email: "pat.o'brien@example.com", firstName: "Pat", lastName: "O'Brien"));

    [Fact]
    public async Task GetSiteUsersAsync_NoFilterOverSeveralPages_ListsEveryUserWithBothIds()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.MaxPageSize = 1);
        SeedAnnAndPat(run.Sandbox);

        List<SiteUser> users = await run.Client.GetSiteUsersAsync(SiteId).ToListAsync();

        Assert.Equal([(AnnSite, AnnPlatform), (PatSite, PatPlatform)], users.Select(u => (u.Id, u.User!.Id)));
        Assert.Equal(2, run.Served("GET", "/v1.1/sites/{site_id}/users").Count);
    }

    [Fact]
    public async Task GetSiteUsersAsync_V12BareArray_ListsEveryUser()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(
            sandbox: o => o.BareArrayLists.Add("/v1.2/sites/{site_id}/users"), client: o => o.ApiVersions.ListSiteUsers = "v1.2");
        SeedAnnAndPat(run.Sandbox);

        List<SiteUser> users = await run.Client.GetSiteUsersAsync(SiteId).ToListAsync();

        Assert.Equal([AnnSite, PatSite], users.Select(u => u.Id));
        Assert.Single(run.Served("GET", "/v1.2/sites/{site_id}/users"));
    }

    [Fact]
    public async Task GetSiteUsersAsync_ContainsFilter_ListsOnlyMatchingUsers()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);

        List<SiteUser> users = await run.Client
            .GetSiteUsersAsync(SiteId, new SaltoKsListQuery { Filter = ODataFilter.Contains("user/email", "o'brien") })
            .ToListAsync();

        Assert.Equal(PatSite, Assert.Single(users).Id);
    }

    [Fact]
    public async Task FindSiteUsersByEmailAsync_EmailWithApostropheOtherCaseAndSpaces_FindsTheUser()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);

        IReadOnlyList<SiteUser> found = await run.Client.FindSiteUsersByEmailAsync(SiteId, "  Pat.O'Brien@example.com ");

        Assert.Equal(PatPlatform, Assert.Single(found).User!.Id);
    }

    [Fact]
    public async Task FindSiteUsersByEmailAsync_V12BareArray_FindsTheUser()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(
            sandbox: o => o.BareArrayLists.Add("/v1.2/sites/{site_id}/users"), client: o => o.ApiVersions.ListSiteUsers = "v1.2");
        SeedAnnAndPat(run.Sandbox);

        IReadOnlyList<SiteUser> found = await run.Client.FindSiteUsersByEmailAsync(SiteId, "pat.o'brien@example.com");

        Assert.Equal(PatSite, Assert.Single(found).Id);
    }

    [Fact]
    public async Task FindSiteUsersByEmailAsync_CaseSensitiveTenantSameCase_FindsTheUser()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.CaseInsensitiveFilters = false);
        SeedAnnAndPat(run.Sandbox);

        Assert.Equal(PatSite, Assert.Single(await run.Client.FindSiteUsersByEmailAsync(SiteId, " pat.o'brien@example.com")).Id);
    }

    [Fact]
    public async Task CreateSiteUserAsync_CaseSensitiveFilterTenantOtherCase_FindsTheUserInTheListAndCreatesNothing()
    {
        // The e-mail is matched on the site's user list, not by a server-side filter, so the tenant's collation does not matter.
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.CaseInsensitiveFilters = false);
        SeedAnnAndPat(run.Sandbox);

        SiteUserCreateResult result = await run.Client.CreateSiteUserAsync(
            SiteId, new SiteUserCreateRequest { FirstName = "Ann", LastName = "Lee", Email = "Ann@Example.com" });

        Assert.Equal(SiteUserCreateOutcome.AlreadyExisted, result.Outcome);
        Assert.Equal(0, run.Sandbox.Requests.Count("POST", $"/v1.1/sites/{SiteId}/users"));
        Assert.Equal(2, run.Sandbox.GetSiteUsers(SiteId).Count);
        Assert.Empty(run.Sandbox.GetInvitations());
    }

    [Fact]
    public async Task FindSiteUsersByEmailAsync_UnknownEmail_FindsNobody()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);

        Assert.Empty(await run.Client.FindSiteUsersByEmailAsync(SiteId, "o'brien@example.com"));
    }

    [Fact]
    public async Task GetSiteUserAsync_SiteUserId_ReadsTheUserFromV12()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);

        SiteUser ann = await run.Client.GetSiteUserAsync(SiteId, AnnSite);

        Assert.Equal(("Ann", "ann@example.com", AnnPlatform), (ann.User!.FirstName, ann.User.Email, ann.User.Id));
        Assert.Equal("site_user", Assert.Single(ann.Roles).Name);
        Assert.Single(run.Served("GET", "/v1.2/sites/{site_id}/users/{site_user_id}"));
    }

    [Fact]
    public async Task GetSiteUserAsync_PlatformUserIdInsteadOfSiteUserId_ThrowsNotFound2202()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);

        SaltoKsNotFoundException error = await Assert.ThrowsAsync<SaltoKsNotFoundException>(
            () => run.Client.GetSiteUserAsync(SiteId, new SiteUserId(AnnPlatform.Value)));

        Assert.Equal("2202", error.ErrorCode);
    }

    [Fact]
    public async Task CreateSiteUserAsync_NewEmail_CreatesOneUserWithBothIdsAndSendsOneInvitation()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);

        SiteUserCreateResult result = await run.Client.CreateSiteUserAsync(SiteId, new SiteUserCreateRequest
        {
            FirstName = "Sam",
            LastName = "D'Arcy",
            Email = "sam.d'arcy@example.com",
            RoleIds = [RoleId],
        });

        Assert.Equal(SiteUserCreateOutcome.Created, result.Outcome);
        SiteUser stored = Assert.IsType<SiteUser>(run.Sandbox.FindSiteUserByEmail(SiteId, "sam.d'arcy@example.com"));
        Assert.Equal((stored.Id, stored.User!.Id), (result.User.Id, result.User.User!.Id));
        Assert.NotEqual(result.User.Id.Value, result.User.User.Id.Value);
        SaltoKsInvitation invitation = Assert.Single(run.Sandbox.GetInvitations());
        Assert.Equal((SiteId, stored.Id, "sam.d'arcy@example.com"), (invitation.SiteId, invitation.SiteUserId, invitation.Email));
    }

    [Fact]
    public async Task CreateSiteUserAsync_NewEmail_LooksUpBeforeTheOnePost()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();

        await run.Client.CreateSiteUserAsync(SiteId, new SiteUserCreateRequest { FirstName = "Sam", LastName = "Example", Email = "sam@example.com" });

        Assert.Equal(
            ["GET /v1.1/sites/{site_id}/users", "POST /v1.1/sites/{site_id}/users"],
            run.Sandbox.Requests.GetRequests().Where(r => r.IsWrite || r.Route.Contains("/users", StringComparison.Ordinal)).Select(r => r.Method + " " + r.Route));
    }

    [Fact]
    public async Task CreateSiteUserAsync_EmailAlreadyOnSite_ReturnsExistingUserWithoutPostOrInvitation()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);

        SiteUserCreateResult result = await run.Client.CreateSiteUserAsync(
            SiteId, new SiteUserCreateRequest { FirstName = "Ann", LastName = "Lee", Email = "ANN@example.com" });

        Assert.Equal((SiteUserCreateOutcome.AlreadyExisted, AnnSite), (result.Outcome, result.User.Id));
        Assert.Empty(run.Served("POST", "/v1.1/sites/{site_id}/users"));
        Assert.Empty(run.Sandbox.GetInvitations());
    }

    [Fact]
    public async Task UpdateSiteUserAsync_SomeFields_ChangesOnlyThoseThroughV12Patch()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);

        await run.Client.UpdateSiteUserAsync(SiteId, AnnSite, new SiteUserUpdateRequest { UsePin = true, Alias = "Desk 12" });

        SiteUser ann = Assert.Single(run.Sandbox.GetSiteUsers(SiteId), u => u.Id == AnnSite);
        Assert.Equal((true, "Desk 12", false), (ann.UsePin, ann.Alias, ann.Blocked));
        Assert.Single(run.Served("PATCH", "/v1.2/sites/{site_id}/users/{site_user_id}"));
    }

    [Theory]
    [InlineData("suspended")]
    [InlineData("subscribed")]
    public async Task SetSiteUserSubscriptionAsync_State_MovesTheUserThere(string state)
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Seed(b => b.User(
            AnnSite, AnnPlatform, email: "ann@example.com",
            subscriptionState: state == "subscribed" ? SubscriptionState.Suspended : SubscriptionState.Subscribed));

        await run.Client.SetSiteUserSubscriptionAsync(SiteId, AnnSite, new SubscriptionState(state));

        Assert.Equal(new SubscriptionState(state), Assert.Single(run.Sandbox.GetSiteUsers(SiteId)).SubscriptionState);
        Assert.Single(run.Served("PATCH", "/v1.2/sites/{site_id}/users/{site_user_id}/subscription"));
    }

    [Fact]
    public async Task SetSiteUserSubscriptionAsync_Suspended_LocksTheUserOut()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Seed(b => b
            .User(AnnSite, AnnPlatform, email: "ann@example.com")
            .Lock("lock-front", "Front door")
            .AccessGroup("group-members", "Members")
            .GroupLock("group-members", "lock-front")
            .Member("group-members", AnnPlatform)
            .TimeSchedule("group-members", AlwaysSchedule("schedule-always")));
        Assert.True(run.Sandbox.CanOpen(SiteId, AnnPlatform, "lock-front", Start));

        await run.Client.SetSiteUserSubscriptionAsync(SiteId, AnnSite, SubscriptionState.Suspended);

        Assert.False(run.Sandbox.CanOpen(SiteId, AnnPlatform, "lock-front", Start));
    }

    [Fact]
    public async Task DeleteSiteUserAsync_ExistingUser_RemovesThemAndTheirMemberships()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);
        run.Sandbox.Seed(b => b.AccessGroup("group-members", "Members").Member("group-members", AnnPlatform).Member("group-members", PatPlatform));

        bool deleted = await run.Client.DeleteSiteUserAsync(SiteId, AnnSite);

        Assert.True(deleted);
        Assert.Equal([PatSite], run.Sandbox.GetSiteUsers(SiteId).Select(u => u.Id));
        Assert.Equal([PatPlatform], run.Sandbox.GetAccessGroupMembers(SiteId, "group-members"));
        Assert.Equal(202, Assert.Single(run.Served("DELETE", "/v1.1/sites/{site_id}/users/{site_user_id}")).StatusCode);
    }

    [Fact]
    public async Task DeleteSiteUserAsync_AlreadyGone_ReturnsFalse()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        SeedAnnAndPat(run.Sandbox);
        await run.Client.DeleteSiteUserAsync(SiteId, AnnSite);

        Assert.False(await run.Client.DeleteSiteUserAsync(SiteId, AnnSite));
        Assert.Equal([PatSite], run.Sandbox.GetSiteUsers(SiteId).Select(u => u.Id));
    }

    internal static TimeSchedule AlwaysSchedule(string id) => new()
    {
        Id = id,
        Monday = true,
        Tuesday = true,
        Wednesday = true,
        Thursday = true,
        Friday = true,
        Saturday = true,
        Sunday = true,
        StartTime = new TimeOnly(0, 0, 0),
        EndTime = new TimeOnly(23, 59, 59),
    };
}
