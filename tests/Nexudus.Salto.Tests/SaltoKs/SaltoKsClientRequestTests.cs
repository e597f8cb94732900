using System.Net;
using Nexudus.Salto.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>The exact request of every operation: method, path with version prefix, query, headers and JSON body.</summary>
public sealed class SaltoKsClientRequestTests : IDisposable
{
    private const string SiteUserJson = """{"id":"su-1","user":{"id":"pu-1","email":"sam@example.com"},"roles":[],"tag_id":"tag-1"}""";
    private readonly SaltoKsTestHost _host = new();

    public SaltoKsClientRequestTests() => _host.AcceptTokenRequests();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task GetSitesAsync_Always_GetsV11Sites()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites").WithExactQueryString("").Respond("application/json", """{"items":[{"id":"s1"}]}""");

        Site site = Assert.Single(await _host.Client.GetSitesAsync().ToListAsync());

        Assert.Equal("s1", site.Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetSiteAsync_Always_GetsV12Site()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1","site_uid":"DE1"}""");

        Site site = await _host.Client.GetSiteAsync("s1");

        Assert.Equal("DE1", site.SiteUid);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetSiteSubscriptionAsync_Always_GetsV12Subscription()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1/subscription")
            .Respond("application/json", """{"user_amount":25,"type":"business","features":["pods","events_streaming"]}""");

        SiteSubscription subscription = await _host.Client.GetSiteSubscriptionAsync("s1");

        Assert.Equal((25, "business"), (subscription.UserAmount, subscription.Type));
        Assert.Equal(["pods", "events_streaming"], subscription.Features);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetRolesAsync_Always_GetsV11Roles()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/roles").Respond("application/json", """{"items":[{"id":"r1","name":"site_user"}]}""");

        Role role = Assert.Single(await _host.Client.GetRolesAsync("s1").ToListAsync());

        Assert.Equal("site_user", role.Name);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetSiteUsersAsync_WithFilter_SendsFilter()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .WithExactQueryString([new("$filter", "contains(user/email,'@example.com')")])
            .Respond("application/json", "[]");

        await _host.Client.GetSiteUsersAsync("s1", new SaltoKsListQuery { Filter = ODataFilter.Contains("user/email", "@example.com") }).ToListAsync();

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task FindSiteUsersByEmailAsync_Always_ListsSiteUsersWithoutFilterAndMatchesTrimmedIgnoringCase()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .With(r => string.IsNullOrEmpty(r.RequestUri!.Query))
            .Respond(
                "application/json",
                """[{"id":"su-1","user":{"id":"pu-1","email":" O'Brien+door@Example.com "}},{"id":"su-2","user":{"id":"pu-2","email":"other@example.com"}},{"id":"su-3","user":null}]""");

        IReadOnlyList<SiteUser> found = await _host.Client.FindSiteUsersByEmailAsync("s1", "  o'brien+door@example.com ");

        Assert.Equal([new SiteUserId("su-1")], found.Select(u => u.Id));
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetSiteUserAsync_Always_GetsV12SiteUserBySiteUserId()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1/users/su-1").Respond("application/json", SiteUserJson);

        SiteUser user = await _host.Client.GetSiteUserAsync("s1", new SiteUserId("su-1"));

        Assert.Equal(new PlatformUserId("pu-1"), user.User!.Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateSiteUserAsync_NewEmail_LooksUpThenPostsV11User()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .With(r => string.IsNullOrEmpty(r.RequestUri!.Query))
            .Respond("application/json", """{"items":[],"next_page_link":null,"count":null}""");
        _host.ExpectApiJson(
                HttpMethod.Post,
                "/v1.1/sites/s1/users",
                """{"first_name":"Sam","last_name":"Example","email":"sam@example.com","role_ids":["r1"]}""")
            .Respond(HttpStatusCode.Created, "application/json", SiteUserJson);

        SiteUserCreateResult result = await _host.Client.CreateSiteUserAsync(
            "s1", new SiteUserCreateRequest { FirstName = "Sam", LastName = "Example", Email = "sam@example.com", RoleIds = ["r1"] });

        Assert.Equal(SiteUserCreateOutcome.Created, result.Outcome);
        Assert.Equal(new SiteUserId("su-1"), result.User.Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateSiteUserAsync_OnlyAfterUncertainCreate_PostsWithoutLookingUpFirst()
    {
        MockedRequest lookup = _host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.1/sites/s1/users").Respond("application/json", "[]");
        _host.ExpectApiJson(HttpMethod.Post, "/v1.1/sites/s1/users", """{"email":"sam@example.com","role_ids":[]}""")
            .Respond(HttpStatusCode.Created, "application/json", SiteUserJson);

        SiteUserCreateResult result = await _host.Client.CreateSiteUserAsync(
            "s1", new SiteUserCreateRequest { Email = "sam@example.com" }, SiteUserCreateLookup.OnlyAfterUncertainCreate);

        Assert.Equal(SiteUserCreateOutcome.Created, result.Outcome);
        Assert.Equal(0, _host.Http.GetMatchCount(lookup));
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateSiteUserAsync_EmailAlreadyUsed_ReturnsExistingWithoutPosting()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users").Respond("application/json", $"[{SiteUserJson}]");
        MockedRequest post = _host.Http.When(HttpMethod.Post, SaltoKsTestHost.Api + "/v1.1/sites/s1/users").Respond(HttpStatusCode.Created);

        SiteUserCreateResult result = await _host.Client.CreateSiteUserAsync("s1", new SiteUserCreateRequest { Email = "SAM@example.com " });

        Assert.Equal(SiteUserCreateOutcome.AlreadyExisted, result.Outcome);
        Assert.Equal(0, _host.Http.GetMatchCount(post));
    }

    [Fact]
    public async Task CreateSiteUserAsync_ServiceIgnoresFilter_DoesNotTakeAnotherUser()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .Respond("application/json", """[{"id":"su-9","user":{"id":"pu-9","email":"someone.else@example.com"}}]""");
        _host.ExpectApi(HttpMethod.Post, "/v1.1/sites/s1/users").Respond(HttpStatusCode.Created, "application/json", SiteUserJson);

        SiteUserCreateResult result = await _host.Client.CreateSiteUserAsync("s1", new SiteUserCreateRequest { Email = "sam@example.com" });

        Assert.Equal(SiteUserCreateOutcome.Created, result.Outcome);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateSiteUserAsync_EmailInUse1101_RereadsUsersAndAdoptsTheMatchingOne()
    {
        _host.ExpectApiJson(HttpMethod.Post, "/v1.1/sites/s1/users", """{"email":"sam@example.com","role_ids":[]}""")
            .Respond(
                HttpStatusCode.BadRequest,
                "application/json",
                """{"ErrorCode":"1101","Message":"Validation failed: This email address is already in use."}""");
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users")
            .With(r => string.IsNullOrEmpty(r.RequestUri!.Query))
            .Respond("application/json", """[{"id":"su-7","user":{"id":"pu-7","email":"Sam@Example.com"},"subscription_state":"subscribed"}]""");

        SiteUserCreateResult result = await _host.Client.CreateSiteUserAsync(
            "s1", new SiteUserCreateRequest { Email = "sam@example.com" }, SiteUserCreateLookup.OnlyAfterUncertainCreate);

        Assert.Equal(SiteUserCreateOutcome.AlreadyExisted, result.Outcome);
        Assert.Equal(new SiteUserId("su-7"), result.User.Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateSiteUserAsync_EmailInUse1101ButNoUserFound_ThrowsTheValidationError()
    {
        _host.ExpectApi(HttpMethod.Post, "/v1.1/sites/s1/users")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"ErrorCode":1101,"Message":"Validation failed: This email address is already in use."}""");
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/users").Respond("application/json", "[]");

        var error = await Assert.ThrowsAsync<SaltoKsApiException>(() => _host.Client.CreateSiteUserAsync(
            "s1", new SiteUserCreateRequest { Email = "sam@example.com" }, SiteUserCreateLookup.OnlyAfterUncertainCreate));

        Assert.Equal("1101", error.ErrorCode);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateSiteUserAsync_Other1101_ThrowsWithoutLookingUp()
    {
        MockedRequest lookup = _host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.1/sites/s1/users").Respond("application/json", "[]");
        _host.ExpectApi(HttpMethod.Post, "/v1.1/sites/s1/users")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"ErrorCode":"1101","Message":"A role id is invalid"}""");

        await Assert.ThrowsAsync<SaltoKsApiException>(() => _host.Client.CreateSiteUserAsync(
            "s1", new SiteUserCreateRequest { Email = "sam@example.com" }, SiteUserCreateLookup.OnlyAfterUncertainCreate));

        Assert.Equal(0, _host.Http.GetMatchCount(lookup));
    }

    [Fact]
    public async Task CreateSiteUserAsync_NoFreeSeat_Returns201UserAsSuspended()
    {
        _host.ExpectApi(HttpMethod.Post, "/v1.1/sites/s1/users")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"su-1","user":{"id":"pu-1","email":"sam@example.com"},"subscription_state":"suspended"}""");

        SiteUserCreateResult result = await _host.Client.CreateSiteUserAsync(
            "s1", new SiteUserCreateRequest { Email = "sam@example.com" }, SiteUserCreateLookup.OnlyAfterUncertainCreate);

        Assert.Equal(SubscriptionState.Suspended, result.User.SubscriptionState);
    }

    [Fact]
    public async Task UpdateSiteUserAsync_Always_PatchesV12UserWithSetFieldsOnly()
    {
        _host.ExpectApiJson(HttpMethod.Patch, "/v1.2/sites/s1/users/su-1", """{"use_pin":true}""").Respond(HttpStatusCode.OK);

        await _host.Client.UpdateSiteUserAsync("s1", new SiteUserId("su-1"), new SiteUserUpdateRequest { UsePin = true });

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task SetSiteUserSubscriptionAsync_Always_PatchesV12SubscriptionWithState()
    {
        _host.ExpectApiJson(HttpMethod.Patch, "/v1.2/sites/s1/users/su-1/subscription", """{"state":"suspended"}""").Respond(HttpStatusCode.OK);

        await _host.Client.SetSiteUserSubscriptionAsync("s1", new SiteUserId("su-1"), SubscriptionState.Suspended);

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task DeleteSiteUserAsync_Accepted_DeletesV11UserAndReportsDeleted()
    {
        _host.ExpectApi(HttpMethod.Delete, "/v1.1/sites/s1/users/su-1").Respond(HttpStatusCode.Accepted);

        Assert.True(await _host.Client.DeleteSiteUserAsync("s1", new SiteUserId("su-1")));
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task DeleteSiteUserAsync_NotFound_ReportsAlreadyGone()
    {
        _host.ExpectApi(HttpMethod.Delete, "/v1.1/sites/s1/users/su-1")
            .Respond(HttpStatusCode.NotFound, "application/json", """{"ErrorCode":"2202","Message":"User not found"}""");

        Assert.False(await _host.Client.DeleteSiteUserAsync("s1", new SiteUserId("su-1")));
    }

    [Fact]
    public async Task GetAccessGroupsAsync_WithFilter_SendsCustomerReferenceFilter()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/access_groups")
            .WithExactQueryString([new("$filter", "customer_reference eq 'Desk #4'")])
            .Respond("application/json", """{"items":[{"id":"g1","customer_reference":"Desk #4"}],"next_page_link":null,"count":1}""");

        AccessGroup group = Assert.Single(await _host.Client
            .GetAccessGroupsAsync("s1", new SaltoKsListQuery { Filter = ODataFilter.Equal("customer_reference", "Desk #4") }).ToListAsync());

        Assert.Equal("g1", group.Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetAccessGroupAsync_Always_GetsV11Group()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/access_groups/g1").Respond("application/json", """{"id":"g1"}""");

        Assert.Equal("g1", (await _host.Client.GetAccessGroupAsync("s1", "g1")).Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateAccessGroupAsync_Always_PostsCustomerReference()
    {
        _host.ExpectApiJson(HttpMethod.Post, "/v1.1/sites/s1/access_groups", """{"customer_reference":"Morning pass"}""")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"g1","customer_reference":"Morning pass"}""");

        AccessGroup group = await _host.Client.CreateAccessGroupAsync("s1", new AccessGroupCreateRequest { CustomerReference = "Morning pass" });

        Assert.Equal("g1", group.Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task DeleteAccessGroupAsync_Always_DeletesV11Group()
    {
        _host.ExpectApi(HttpMethod.Delete, "/v1.1/sites/s1/access_groups/g1").Respond(HttpStatusCode.NoContent);

        Assert.True(await _host.Client.DeleteAccessGroupAsync("s1", "g1"));
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetAccessGroupMembersAsync_Always_GetsUsersOfGroup()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/access_groups/g1/users")
            .Respond("application/json", """{"items":[{"id":"pu-1"},{"id":"x","user":{"id":"pu-2"}}]}""");

        List<AccessGroupMember> members = await _host.Client.GetAccessGroupMembersAsync("s1", "g1").ToListAsync();

        Assert.Equal([new PlatformUserId("pu-1"), new PlatformUserId("pu-2")], members.Select(m => m.PlatformUserId!.Value));
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AddAccessGroupMemberAsync_Always_PostsPlatformUserId()
    {
        _host.ExpectApiJson(HttpMethod.Post, "/v1.1/sites/s1/access_groups/g1/users", """{"user_id":"pu-1"}""").Respond(HttpStatusCode.OK);

        await _host.Client.AddAccessGroupMemberAsync("s1", "g1", new PlatformUserId("pu-1"));

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task RemoveAccessGroupMemberAsync_Always_DeletesPlatformUserIdFromGroup()
    {
        _host.ExpectApi(HttpMethod.Delete, "/v1.1/sites/s1/access_groups/g1/users/pu-1").Respond(HttpStatusCode.OK);

        Assert.True(await _host.Client.RemoveAccessGroupMemberAsync("s1", "g1", new PlatformUserId("pu-1")));
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ChangeAccessGroupMembersAsync_SmallChange_SendsOnePatch()
    {
        _host.ExpectApiJson(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/users", """{"add_ids":["pu-1","pu-2"],"remove_ids":["pu-3"]}""")
            .Respond(HttpStatusCode.OK);

        AccessGroupMembersChangeResult result = await _host.Client.ChangeAccessGroupMembersAsync(
            "s1", "g1", new AccessGroupUsersChange { AddIds = [new("pu-1"), new("pu-2")], RemoveIds = [new("pu-3")] });

        Assert.True(result.Succeeded);
        Assert.Single(result.Chunks);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetAccessGroupLocksAsync_Always_GetsLocksOfGroup()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/access_groups/g1/locks").Respond("application/json", """{"items":[{"id":"l1"}]}""");

        Assert.Equal("l1", Assert.Single(await _host.Client.GetAccessGroupLocksAsync("s1", "g1").ToListAsync()).Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ChangeAccessGroupLocksAsync_Always_PatchesAddAndRemoveIds()
    {
        _host.ExpectApiJson(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/locks", """{"add_ids":["l1"],"remove_ids":["l2"]}""")
            .Respond(HttpStatusCode.OK);

        await _host.Client.ChangeAccessGroupLocksAsync("s1", "g1", new AccessGroupLocksChange { AddIds = ["l1"], RemoveIds = ["l2"] });

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetTimeSchedulesAsync_Always_GetsSchedulesOfGroup()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/access_groups/g1/time_schedules")
            .Respond("application/json", """{"items":[{"id":"t1","monday":true,"start_time":"08:00:00","end_time":"12:00:00"}]}""");

        TimeSchedule schedule = Assert.Single(await _host.Client.GetTimeSchedulesAsync("s1", "g1").ToListAsync());

        Assert.Equal(new TimeOnly(8, 0), schedule.StartTime);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateTimeScheduleAsync_Always_PostsScheduleWithUtcDates()
    {
        _host.ExpectApiJson(
                HttpMethod.Post,
                "/v1.1/sites/s1/access_groups/g1/time_schedules",
                """{"monday":true,"tuesday":false,"wednesday":false,"thursday":false,"friday":false,"saturday":false,"sunday":false,"start_time":"08:00:00","end_time":"12:00:00","start_date":"2025-03-04T09:00:00Z","end_date":null}""")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"t1","monday":true}""");

        TimeSchedule created = await _host.Client.CreateTimeScheduleAsync("s1", "g1", new TimeScheduleRequest
        {
            Monday = true,
            StartTime = new TimeOnly(8, 0),
            EndTime = new TimeOnly(12, 0),
            StartDate = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(1)),
        });

        Assert.Equal("t1", created.Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task UpdateTimeScheduleAsync_Always_PatchesSchedule()
    {
        _host.ExpectApi(HttpMethod.Patch, "/v1.1/sites/s1/access_groups/g1/time_schedules/t1")
            .WithPartialContent("\"sunday\":true")
            .Respond(HttpStatusCode.OK);

        await _host.Client.UpdateTimeScheduleAsync("s1", "g1", "t1", new TimeScheduleRequest { Sunday = true });

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task DeleteTimeScheduleAsync_Always_DeletesSchedule()
    {
        _host.ExpectApi(HttpMethod.Delete, "/v1.1/sites/s1/access_groups/g1/time_schedules/t1").Respond(HttpStatusCode.OK);

        Assert.True(await _host.Client.DeleteTimeScheduleAsync("s1", "g1", "t1"));
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetLocksAsync_WithContainsFilter_SendsFilter()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/locks")
            .WithExactQueryString([new("$filter", "contains(customer_reference,'#101')")])
            .Respond("application/json", """{"items":[{"id":"l1","customer_reference":"Room #101"}],"next_page_link":null}""");

        SaltoLock saltoLock = Assert.Single(await _host.Client
            .GetLocksAsync("s1", new SaltoKsListQuery { Filter = ODataFilter.Contains("customer_reference", "#101") }).ToListAsync());

        Assert.Equal("Room #101", saltoLock.CustomerReference);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetEntriesPageAsync_RangeSeveralLocksAndOrder_SendsRangeFilterOrderAndTopButNoOr()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .WithExactQueryString(
            [
                new("$filter", "(utc_date_time ge DateTime'2025-03-04T08:00:00Z') and (utc_date_time lt DateTime'2025-03-04T09:00:00Z')"),
                new("$orderby", "utc_date_time desc"),
                new("$top", "50"),
            ])
            .With(r => !r.Headers.Contains("CLP-Continuation-Token"))
            .Respond("application/json", """{"items":[],"continuation_token":null}""");

        await _host.Client.GetEntriesPageAsync("s1", new SaltoKsEntryQuery
        {
            From = new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.FromHours(1)),
            To = new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero),
            LockIds = ["l1", "l2"],
            Order = SaltoKsSortOrder.Descending,
            PageSize = 50,
        });

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetEntriesPageAsync_SeveralLocksFilteredLocally_KeepsTheirEntriesAndTheServiceToken()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .Respond("application/json", """
                {"items":[{"id":"e1","lock_id":"L1"},{"id":"e2","lock_id":"l3"},{"id":"e3","lock_id":"l2"},{"id":"e4"}],
                 "continuation_token":"{\"next\":4}"}
                """);

        SaltoKsContinuationPage<Entry> page = await _host.Client.GetEntriesPageAsync("s1", new SaltoKsEntryQuery { LockIds = ["l1", "l2"] });

        Assert.Equal(["e1", "e3"], page.Items.Select(e => e.Id));
        Assert.Equal("""{"next":4}""", page.ContinuationToken);
    }

    [Fact]
    public async Task GetEntriesPageAsync_OneLock_SendsLockIdEqToTheService()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .WithExactQueryString([new("$filter", "lock_id eq 'l1'"), new("$orderby", "utc_date_time asc"), new("$top", "100")])
            .Respond("application/json", """{"items":[{"id":"e1","lock_id":"l1"}]}""");

        SaltoKsContinuationPage<Entry> page = await _host.Client.GetEntriesPageAsync("s1", new SaltoKsEntryQuery { LockIds = ["l1", "L1"] });

        Assert.Equal("e1", Assert.Single(page.Items).Id);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetEntriesPageAsync_SeveralLocksWithODataOr_SendsOrFilter()
    {
        using var host = new SaltoKsTestHost(o => o.EntryLockFilter = SaltoKsEntryLockFilterMode.ODataOr);
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .WithExactQueryString(
            [
                new("$filter", "(utc_date_time ge DateTime'2025-03-04T08:00:00Z') and ((lock_id eq 'l1') or (lock_id eq 'l2'))"),
                new("$orderby", "utc_date_time asc"),
                new("$top", "100"),
            ])
            .Respond("application/json", """{"items":[{"id":"e1","lock_id":"l1"},{"id":"e2","lock_id":"l3"}]}""");

        SaltoKsContinuationPage<Entry> page = await host.Client.GetEntriesPageAsync("s1", new SaltoKsEntryQuery
        {
            From = new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero),
            LockIds = ["l1", "l2"],
        });

        // The service did the filtering; its answer is passed on as it is.
        Assert.Equal(["e1", "e2"], page.Items.Select(e => e.Id));
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetEntriesPageAsync_EmptyLockId_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.GetEntriesPageAsync("s1", new SaltoKsEntryQuery { LockIds = ["l1", " "] }));
    }

    [Fact]
    public async Task GetEntriesPageAsync_NoQuery_SendsAscendingOrderAndDefaultTopOnly()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .WithExactQueryString([new("$orderby", "utc_date_time asc"), new("$top", "100")])
            .Respond("application/json", """{"items":[]}""");

        await _host.Client.GetEntriesPageAsync("s1");

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetEntriesPageAsync_WithToken_SendsTokenHeaderVerbatim()
    {
        const string token = """{"token":"+RID:~abc==#RT:1","range":{"min":"","max":"FF"}}""";
        _host.ExpectApi(HttpMethod.Get, "/v1.1/sites/s1/entries")
            .With(r => r.Headers.TryGetValues("CLP-Continuation-Token", out var values) && values.Single() == token)
            .Respond("application/json", """{"items":[]}""");

        await _host.Client.GetEntriesPageAsync("s1", continuationToken: token);

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AnyCall_IdWithSlash_IsEscapedAsOneSegment()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/a%2F..%2Fb").Respond("application/json", """{"id":"x"}""");

        await _host.Client.GetSiteAsync("a/../b");

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AnyCall_ConfiguredVersion_UsesItAsPrefix()
    {
        using var host = new SaltoKsTestHost(o => o.ApiVersions.Sites = "v1.2");
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites").Respond("application/json", """[{"id":"s1"}]""");

        Assert.Single(await host.Client.GetSitesAsync().ToListAsync());
        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AnyCall_BaseUrlWithPath_KeepsThePath()
    {
        using var host = new SaltoKsTestHost(o => o.BaseUrl = new Uri(SaltoKsTestHost.Api + "/connect/"));
        host.AcceptTokenRequests();
        host.ExpectApi(HttpMethod.Get, "/connect/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AnyCall_EmptySiteId_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.GetSiteAsync(" "));
        Assert.Throws<ArgumentException>(() => _host.Client.GetRolesAsync(""));
    }

    [Fact]
    public async Task RemoveAccessGroupMemberAsync_DefaultId_ThrowsBeforeSending() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.RemoveAccessGroupMemberAsync("s1", "g1", default));
}
