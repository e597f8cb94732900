using Nexudus.Salto.SaltoKs;
using static Nexudus.Salto.IntegrationTests.SaltoKs.SaltoKsClientOnSandbox;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>
/// Locks, and tags under both readings of the unconfirmed tag endpoints: the user's <c>tag_id</c> (the default) and
/// dedicated tag routes.
/// </summary>
public sealed class SaltoKsLockAndTagOperationsTests
{
    // These operations cover the older tag reading: a site that serves the tag routes and shows tag_id on its users.
    private static Task<SaltoKsClientOnSandbox> StartAsync(Action<Testing.SaltoKsSandboxOptions>? sandbox = null, Action<SaltoKsClientOptions>? client = null) =>
        SaltoKsClientOnSandbox.StartAsync(
            o =>
            {
                o.ServeTagEndpoints = true;
                o.SiteUsersShowTagId = true;
                sandbox?.Invoke(o);
            },
            client);

    private const string FrontDoor = "3f1c0000-0000-4000-8000-00000000f001";
    private const string Room101 = "3f1c0000-0000-4000-8000-00000000f101";
    private const string Room102 = "3f1c0000-0000-4000-8000-00000000f102";
    private const string BlueFob = "7a900000-0000-4000-8000-000000000001";
    private const string RedFob = "7a900000-0000-4000-8000-000000000002";
    private const string UserPatchRoute = "/v1.2/sites/{site_id}/users/{site_user_id}";
    private static readonly SiteUserId Ann = new("5a000000-0000-4000-8000-0000000000a1");
    private static readonly SiteUserId Bob = new("5a000000-0000-4000-8000-0000000000b2");

    private static async Task<SaltoKsClientOnSandbox> StartWithTagsAsync(SaltoKsTagAssignmentMode mode)
    {
        SaltoKsClientOnSandbox run = await StartAsync(client: o => o.Tags.AssignmentMode = mode);
        run.Sandbox.Seed(b => b
            .User(Ann, new PlatformUserId("9b000000-0000-4000-8000-0000000000a1"), email: "ann@example.com")
            .User(Bob, new PlatformUserId("9b000000-0000-4000-8000-0000000000b2"), email: "bob@example.com")
            .Tag(BlueFob, "04A1B2C3D4", "Blue fob")
            .Tag(RedFob, "04FFEE0011", "Red fob"));
        return run;
    }

    [Fact]
    public async Task GetLocksAsync_NoFilterOverSeveralPages_ListsEveryLock()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o => o.MaxPageSize = 2);
        run.Sandbox.Seed(b => b.Lock(FrontDoor, "Front door", LockType.WallReaderPin).Lock(Room101, "Room #101").Lock(Room102, "Room #102", online: false));

        List<SaltoLock> locks = await run.Client.GetLocksAsync(SiteId).ToListAsync();

        Assert.Equal([FrontDoor, Room101, Room102], locks.Select(l => l.Id));
        Assert.Equal((LockType.WallReaderPin, false), (locks[0].LockType, locks[2].Online));
        Assert.Equal(2, run.Served("GET", "/v1.1/sites/{site_id}/locks").Count);
    }

    [Fact]
    public async Task GetLocksAsync_ContainsFilterWithHash_ListsMatchingLocksOnly()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync();
        run.Sandbox.Seed(b => b.Lock(FrontDoor, "Front door").Lock(Room101, "Room #101").Lock(Room102, "Room #102"));

        List<SaltoLock> locks = await run.Client
            .GetLocksAsync(SiteId, new SaltoKsListQuery { Filter = ODataFilter.Contains("customer_reference", "#101") })
            .ToListAsync();

        Assert.Equal(Room101, Assert.Single(locks).Id);
    }

    [Fact]
    public async Task GetTagsAsync_RegisteredTags_ListsIdsAndNumbers()
    {
        await using SaltoKsClientOnSandbox run = await StartWithTagsAsync(SaltoKsTagAssignmentMode.UserTagId);

        List<Tag> tags = await run.Client.GetTagsAsync(SiteId).ToListAsync();

        Assert.Equal([(BlueFob, "04A1B2C3D4"), (RedFob, "04FFEE0011")], tags.Select(t => (t.Id, t.TagNumber)));
    }

    [Fact]
    public async Task GetTagsAsync_PathConfiguredOnBothSides_ListsFromThatPath()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(
            sandbox: o => o.TagListPath = "/v1.2/sites/{site_id}/registered_tags",
            client: o => (o.ApiVersions.Tags, o.Tags.ListPath) = ("v1.2", "sites/{site_id}/registered_tags"));
        run.Sandbox.Seed(b => b.Tag(BlueFob, "04A1B2C3D4"));

        Assert.Equal(BlueFob, Assert.Single(await run.Client.GetTagsAsync(SiteId).ToListAsync()).Id);
        Assert.Single(run.Served("GET", "/v1.2/sites/{site_id}/registered_tags"));
    }

    [Fact]
    public async Task AssignTagAsync_UserTagIdMode_PatchesTheUsersTagId()
    {
        await using SaltoKsClientOnSandbox run = await StartWithTagsAsync(SaltoKsTagAssignmentMode.UserTagId);

        await run.Client.AssignTagAsync(SiteId, Ann, BlueFob);

        Assert.Equal([BlueFob], run.Sandbox.GetUserTags(SiteId, Ann));
        Assert.Equal(BlueFob, (await run.Client.GetSiteUserAsync(SiteId, Ann)).TagId);
        Assert.Single(run.Served("PATCH", UserPatchRoute));
    }

    [Fact]
    public async Task AssignTagAsync_UserTagIdModeSecondTag_ReplacesTheFirst()
    {
        await using SaltoKsClientOnSandbox run = await StartWithTagsAsync(SaltoKsTagAssignmentMode.UserTagId);
        await run.Client.AssignTagAsync(SiteId, Ann, BlueFob);

        await run.Client.AssignTagAsync(SiteId, Ann, RedFob);

        Assert.Equal([RedFob], run.Sandbox.GetUserTags(SiteId, Ann));
    }

    [Fact]
    public async Task AssignTagAsync_TagHeldByAnotherUser_ThrowsAndLeavesBothAsTheyWere()
    {
        await using SaltoKsClientOnSandbox run = await StartWithTagsAsync(SaltoKsTagAssignmentMode.UserTagId);
        run.Sandbox.Seed(b => b.UserTag(Bob, BlueFob));

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(() => run.Client.AssignTagAsync(SiteId, Ann, BlueFob));

        Assert.Equal(400, error.Status);
        Assert.Empty(run.Sandbox.GetUserTags(SiteId, Ann));
        Assert.Equal([BlueFob], run.Sandbox.GetUserTags(SiteId, Bob));
    }

    [Fact]
    public async Task UnassignTagAsync_UserTagIdModeHeldTag_ClearsIt()
    {
        await using SaltoKsClientOnSandbox run = await StartWithTagsAsync(SaltoKsTagAssignmentMode.UserTagId);
        run.Sandbox.Seed(b => b.UserTag(Ann, BlueFob));

        Assert.True(await run.Client.UnassignTagAsync(SiteId, Ann, BlueFob));

        Assert.Empty(run.Sandbox.GetUserTags(SiteId, Ann));
    }

    [Fact]
    public async Task UnassignTagAsync_UserTagIdModeUserHoldsAnotherTag_KeepsItAndSendsNoPatch()
    {
        await using SaltoKsClientOnSandbox run = await StartWithTagsAsync(SaltoKsTagAssignmentMode.UserTagId);
        run.Sandbox.Seed(b => b.UserTag(Ann, RedFob));

        Assert.False(await run.Client.UnassignTagAsync(SiteId, Ann, BlueFob));

        Assert.Equal([RedFob], run.Sandbox.GetUserTags(SiteId, Ann));
        Assert.Empty(run.Served("PATCH", UserPatchRoute));
    }

    [Fact]
    public async Task AssignTagAsync_TagEndpointsMode_PostsToTheUsersTagsAndKeepsEarlierTags()
    {
        await using SaltoKsClientOnSandbox run = await StartWithTagsAsync(SaltoKsTagAssignmentMode.TagEndpoints);

        await run.Client.AssignTagAsync(SiteId, Ann, BlueFob);
        await run.Client.AssignTagAsync(SiteId, Ann, RedFob);

        Assert.Equal([BlueFob, RedFob], run.Sandbox.GetUserTags(SiteId, Ann));
        Assert.Equal(2, run.Served("POST", "/v1.1/sites/{site_id}/users/{site_user_id}/tags").Count);
        Assert.Empty(run.Served("PATCH", UserPatchRoute));
    }

    [Fact]
    public async Task UnassignTagAsync_TagEndpointsModeHeldTag_DeletesOnlyThatTag()
    {
        await using SaltoKsClientOnSandbox run = await StartWithTagsAsync(SaltoKsTagAssignmentMode.TagEndpoints);
        run.Sandbox.Seed(b => b.UserTag(Ann, BlueFob).UserTag(Ann, RedFob));

        Assert.True(await run.Client.UnassignTagAsync(SiteId, Ann, BlueFob));

        Assert.Equal([RedFob], run.Sandbox.GetUserTags(SiteId, Ann));
        Assert.Single(run.Served("DELETE", "/v1.1/sites/{site_id}/users/{site_user_id}/tags/{tag_id}"));
    }

    [Fact]
    public async Task UnassignTagAsync_TagEndpointsModeTagNotHeld_ReturnsFalse()
    {
        await using SaltoKsClientOnSandbox run = await StartWithTagsAsync(SaltoKsTagAssignmentMode.TagEndpoints);
        run.Sandbox.Seed(b => b.UserTag(Ann, RedFob));

        Assert.False(await run.Client.UnassignTagAsync(SiteId, Ann, BlueFob));
        Assert.Equal([RedFob], run.Sandbox.GetUserTags(SiteId, Ann));
    }
}
