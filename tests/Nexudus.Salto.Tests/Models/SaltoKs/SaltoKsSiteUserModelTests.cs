using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsSiteUserModelTests
{
    // The documented site-user list item shape, with every documented field set.
    private const string FullSiteUserJson = """
        { "id": "5d1b6f3e-0c4a-4a57-9d7e-1f0b2c3d4e5f", "blocked": true,
          "user": { "id": "a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d", "email": "sam@example.com", "first_name": "Sam", "last_name": "Example", "phone": "+34 600" },
          "roles": [ { "id": "8f6081a3-80fb-11e8-a892-000d3a221c5b", "name": "site_user" } ],
          "alias": "Sam E.", "subscription_state": "subscribed", "use_pin": true, "remote_access": true,
          "expires_at": "2025-01-15T11:30:00Z", "tag_id": "0b9d2a5c-7e61-4f3a-9c2d-55aa66bb77cc", "created": "2024-12-01T00:00:00Z" }
        """;

    [Fact]
    public void Deserialize_FullSiteUser_ReadsEveryField()
    {
        SiteUser user = SaltoKsJsonAssert.RoundTrips(FullSiteUserJson, SaltoKsJsonContext.Default.SiteUser);

        Assert.Equal(new SiteUserId("5d1b6f3e-0c4a-4a57-9d7e-1f0b2c3d4e5f"), user.Id);
        Assert.Equal(
            new SaltoUser { Id = new PlatformUserId("a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d"), Email = "sam@example.com", FirstName = "Sam", LastName = "Example" },
            user.User);
        Assert.Equal("site_user", Assert.Single(user.Roles).Name);
        Assert.Equal("Sam E.", user.Alias);
        Assert.Equal(SubscriptionState.Subscribed, user.SubscriptionState);
        Assert.True(user.UsePin);
        Assert.True(user.RemoteAccess);
        Assert.True(user.Blocked);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 11, 30, 0, TimeSpan.Zero), user.ExpiresAt);
        Assert.Equal("0b9d2a5c-7e61-4f3a-9c2d-55aa66bb77cc", user.TagId);
    }

    [Fact]
    public void Deserialize_DocumentedCreateResponse_LeavesOmittedFieldsNull()
    {
        const string Json = """
            { "id": "5d1b", "user": { "id": "a7e3", "email": "sam@example.com" },
              "roles": [ ], "alias": "...", "subscription_state": "subscribed", "use_pin": false,
              "remote_access": false, "expires_at": null, "blocked": false }
            """;

        SiteUser user = SaltoKsJsonAssert.RoundTrips(Json, SaltoKsJsonContext.Default.SiteUser);

        Assert.Null(user.ExpiresAt);
        Assert.Null(user.TagId);
        Assert.Null(user.User!.FirstName);
        Assert.Empty(user.Roles);
        Assert.False(user.Blocked);
    }

    [Fact]
    public void Deserialize_SiteUserWithoutUserObject_IsTolerated()
    {
        SiteUser user = JsonSerializer.Deserialize("""{ "id": "guest-1", "alias": "Booking 1418686279", "roles": null }""", SaltoKsJsonContext.Default.SiteUser)!;

        Assert.Null(user.User);
        Assert.Empty(user.Roles);
    }

    [Fact]
    public void Deserialize_SiteUserWithUserMissingId_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{ "id": "s", "user": { "email": "a@b.c" } }""", SaltoKsJsonContext.Default.SiteUser));
}
