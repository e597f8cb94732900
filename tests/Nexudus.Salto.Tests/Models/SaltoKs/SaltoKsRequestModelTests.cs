using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsRequestModelTests
{
    [Fact]
    public void Serialize_DocumentedSiteUserCreate_MatchesDocumentedBody()
    {
        var request = new SiteUserCreateRequest
        {
            FirstName = "Sam",
            LastName = "Example",
            Email = "sam@example.com",
            RoleIds = ["8f6081a3-80fb-11e8-a892-000d3a221c5b"],
            UsePin = false,
            Blocked = false,
            OverridePrivacyMode = false,
            ToggleEasyOfficeMode = false,
            ToggleManualOfficeMode = false,
            TagId = "0b9d2a5c-7e61-4f3a-9c2d-55aa66bb77cc",
        };

        SaltoKsJsonAssert.SameJson(
            """
            { "first_name": "Sam", "last_name": "Example", "email": "sam@example.com",
              "role_ids": ["8f6081a3-80fb-11e8-a892-000d3a221c5b"], "use_pin": false, "blocked": false,
              "override_privacy_mode": false, "toggle_easy_office_mode": false,
              "toggle_manual_office_mode": false, "tag_id": "0b9d2a5c-7e61-4f3a-9c2d-55aa66bb77cc" }
            """,
            JsonSerializer.Serialize(request, SaltoKsJsonContext.Default.SiteUserCreateRequest));
    }

    [Fact]
    public void Serialize_SiteUserCreateWithOnlyNames_LeavesUnsetFieldsOut()
    {
        var request = new SiteUserCreateRequest { FirstName = "Sam", LastName = "Example" };

        SaltoKsJsonAssert.SameJson(
            """{ "first_name": "Sam", "last_name": "Example", "role_ids": [] }""",
            JsonSerializer.Serialize(request, SaltoKsJsonContext.Default.SiteUserCreateRequest));
    }

    [Fact]
    public void Deserialize_SiteUserCreate_RoundTrips()
    {
        SiteUserCreateRequest request = SaltoKsJsonAssert.RoundTrips(
            """{ "first_name": "Sam", "alias": "S", "tag_offline_access": false, "tag_blocked": true, "role_ids": ["r1"] }""",
            SaltoKsJsonContext.Default.SiteUserCreateRequest);

        Assert.Equal("S", request.Alias);
        Assert.True(request.TagBlocked);
        Assert.False(request.TagOfflineAccess);
        Assert.Equal(["r1"], request.RoleIds);
    }

    [Fact]
    public void Serialize_SiteUserCreateWithEveryField_WritesItsOwnFieldsThenTheSharedSettingsInOrder()
    {
        var request = new SiteUserCreateRequest
        {
            FirstName = "Sam", LastName = "Example", Email = "sam@example.com", RoleIds = ["r1"], TagId = "t1",
            Alias = "S", Blocked = false, UsePin = true, OverridePrivacyMode = false, ToggleEasyOfficeMode = true,
            ToggleManualOfficeMode = false, TagOfflineAccess = true, TagBlocked = false,
        };

        Assert.Equal(
            """{"first_name":"Sam","last_name":"Example","email":"sam@example.com","role_ids":["r1"],"tag_id":"t1","alias":"S","blocked":false,"use_pin":true,"override_privacy_mode":false,"toggle_easy_office_mode":true,"toggle_manual_office_mode":false,"tag_offline_access":true,"tag_blocked":false}""",
            JsonSerializer.Serialize(request, SaltoKsJsonContext.Default.SiteUserCreateRequest));
    }

    [Fact]
    public void Serialize_SiteUserUpdateWithEverySetting_WritesTheSharedSettingsInOrder()
    {
        var request = new SiteUserUpdateRequest
        {
            Alias = "S", Blocked = true, UsePin = false, OverridePrivacyMode = true, ToggleEasyOfficeMode = false,
            ToggleManualOfficeMode = true, TagOfflineAccess = false, TagBlocked = true,
        };

        Assert.Equal(
            """{"alias":"S","blocked":true,"use_pin":false,"override_privacy_mode":true,"toggle_easy_office_mode":false,"toggle_manual_office_mode":true,"tag_offline_access":false,"tag_blocked":true}""",
            JsonSerializer.Serialize(request, SaltoKsJsonContext.Default.SiteUserUpdateRequest));
    }

    [Fact]
    public void Serialize_EmptySiteUserUpdate_WritesAnEmptyObject() =>
        Assert.Equal("{}", JsonSerializer.Serialize(new SiteUserUpdateRequest(), SaltoKsJsonContext.Default.SiteUserUpdateRequest));

    [Fact]
    public void Deserialize_SiteUserUpdate_RoundTripsEverySharedSetting()
    {
        SiteUserUpdateRequest request = SaltoKsJsonAssert.RoundTrips(
            """{ "alias": "S", "blocked": true, "use_pin": false, "override_privacy_mode": true, "toggle_easy_office_mode": false, "toggle_manual_office_mode": true, "tag_offline_access": false, "tag_blocked": true }""",
            SaltoKsJsonContext.Default.SiteUserUpdateRequest);

        Assert.Equal(
            new SiteUserUpdateRequest
            {
                Alias = "S", Blocked = true, UsePin = false, OverridePrivacyMode = true, ToggleEasyOfficeMode = false,
                ToggleManualOfficeMode = true, TagOfflineAccess = false, TagBlocked = true,
            },
            request);
    }

    [Fact]
    public void Serialize_AccessGroupUsersChange_WritesPlatformIdsAsStrings()
    {
        var change = new AccessGroupUsersChange
        {
            AddIds = [new PlatformUserId("a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d")],
            RemoveIds = [new PlatformUserId("b8f4d0e2-3c50-4f7b-9d1e-0f9a8b7c6d5e")],
        };

        SaltoKsJsonAssert.SameJson(
            """{ "add_ids": ["a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d"], "remove_ids": ["b8f4d0e2-3c50-4f7b-9d1e-0f9a8b7c6d5e"] }""",
            JsonSerializer.Serialize(change, SaltoKsJsonContext.Default.AccessGroupUsersChange));
    }

    [Fact]
    public void Serialize_AccessGroupUsersChangeWithOnlyAdds_WritesEmptyRemoveList() =>
        SaltoKsJsonAssert.SameJson(
            """{ "add_ids": ["p1"], "remove_ids": [] }""",
            JsonSerializer.Serialize(new AccessGroupUsersChange { AddIds = [new PlatformUserId("p1")] }, SaltoKsJsonContext.Default.AccessGroupUsersChange));

    [Fact]
    public void Deserialize_DocumentedUsersChange_ReadsPlatformIds()
    {
        AccessGroupUsersChange change = SaltoKsJsonAssert.RoundTrips(
            """{ "add_ids": ["p1", "p2"], "remove_ids": ["p3"] }""",
            SaltoKsJsonContext.Default.AccessGroupUsersChange);

        Assert.Equal([new PlatformUserId("p1"), new PlatformUserId("p2")], change.AddIds);
        Assert.Equal([new PlatformUserId("p3")], change.RemoveIds);
    }

    [Fact]
    public void Serialize_AccessGroupLocksChange_WritesLockIds() =>
        SaltoKsJsonAssert.SameJson(
            """{ "add_ids": ["l1", "l2"], "remove_ids": ["l3"] }""",
            JsonSerializer.Serialize(new AccessGroupLocksChange { AddIds = ["l1", "l2"], RemoveIds = ["l3"] }, SaltoKsJsonContext.Default.AccessGroupLocksChange));

    [Fact]
    public void Serialize_AccessGroupCreate_WritesCustomerReference() =>
        SaltoKsJsonAssert.SameJson(
            """{ "customer_reference": "Booking 1418686279" }""",
            JsonSerializer.Serialize(new AccessGroupCreateRequest { CustomerReference = "Booking 1418686279" }, SaltoKsJsonContext.Default.AccessGroupCreateRequest));

    [Fact]
    public void Serialize_SubscriptionChange_WritesStateNotSubscriptionState() =>
        SaltoKsJsonAssert.SameJson(
            """{ "state": "suspended" }""",
            JsonSerializer.Serialize(new SubscriptionChangeRequest { State = SubscriptionState.Suspended }, SaltoKsJsonContext.Default.SubscriptionChangeRequest));

    [Fact]
    public void Deserialize_SubscriptionChange_ReadsState()
    {
        SubscriptionChangeRequest request = SaltoKsJsonAssert.RoundTrips("""{ "state": "subscribed" }""", SaltoKsJsonContext.Default.SubscriptionChangeRequest);

        Assert.Equal(SubscriptionState.Subscribed, request.State);
    }
}
