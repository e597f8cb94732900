using System.Text;
using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsSiteModelTests
{
    // The documented site example, placeholders filled in.
    private const string SiteJson = """
        { "id": "7c0f2c1e-1111-4a4a-8b8b-0123456789ab", "site_uid": "DE4520168385", "customer_reference": "Central", "time_zone": "Europe/Berlin",
          "active_user_amount": 12, "subscribed_user_amount": 15, "pin_enabled": true, "active_iq_amount": 1 }
        """;

    [Fact]
    public void Deserialize_DocumentedSite_ReadsEveryField()
    {
        Site site = SaltoKsJsonAssert.RoundTrips(SiteJson, SaltoKsJsonContext.Default.Site);

        Assert.Equal(
            new Site
            {
                Id = "7c0f2c1e-1111-4a4a-8b8b-0123456789ab",
                SiteUid = "DE4520168385",
                CustomerReference = "Central",
                TimeZone = "Europe/Berlin",
                ActiveUserAmount = 12,
                SubscribedUserAmount = 15,
                PinEnabled = true,
                ActiveIqAmount = 1,
            },
            site);
    }

    [Fact]
    public void Deserialize_SiteWithUnknownFieldsAndNulls_IsTolerated()
    {
        const string Json = """
            { "id": "s1", "site_uid": null, "customer_reference": null, "time_zone": null, "pin_enabled": null,
              "active_user_amount": "12", "installer": { "name": "X" }, "released": true }
            """;

        Site site = SaltoKsJsonAssert.RoundTrips(Json, SaltoKsJsonContext.Default.Site);

        Assert.Equal("s1", site.Id);
        Assert.Null(site.SiteUid);
        Assert.Null(site.PinEnabled);
        Assert.Equal(12, site.ActiveUserAmount);
    }

    [Fact]
    public void Deserialize_DocumentedSubscription_ReadsFeatures()
    {
        const string Json = """
            { "user_amount": 50, "type": "business",
              "features": [ "pods", "events_streaming", "smart_tag_assignment", "time_and_attendance_report", "nfc", "events_storage", "activity_log" ] }
            """;

        SiteSubscription subscription = SaltoKsJsonAssert.RoundTrips(Json, SaltoKsJsonContext.Default.SiteSubscription);

        Assert.Equal(50, subscription.UserAmount);
        Assert.Equal("business", subscription.Type);
        Assert.Equal(7, subscription.Features.Count);
        Assert.Contains("events_streaming", subscription.Features);
    }

    [Fact]
    public void Deserialize_SubscriptionWithNullFeatures_HasEmptyList()
    {
        SiteSubscription subscription = JsonSerializer.Deserialize("""{ "user_amount": 5, "features": null }""", SaltoKsJsonContext.Default.SiteSubscription)!;

        Assert.Empty(subscription.Features);
    }

    [Fact]
    public void Deserialize_SubscriptionWithoutFeatures_HasEmptyList()
    {
        SiteSubscription subscription = JsonSerializer.Deserialize("""{ "user_amount": 5 }""", SaltoKsJsonContext.Default.SiteSubscription)!;

        Assert.Empty(subscription.Features);
    }

    [Fact]
    public void Read_DocumentedRolesList_ReadsRoleIds()
    {
        const string Json = """{ "items": [ { "id": "8f6081a3-80fb-11e8-a892-000d3a221c5b", "name": "site_user", "hierarchical": true } ] }""";

        SaltoKsList<Role> roles = SaltoKsList.Read(Encoding.UTF8.GetBytes(Json), SaltoKsJsonContext.Default.Role);
        SaltoKsJsonAssert.RoundTrips(Json, SaltoKsJsonContext.Default.SaltoKsListRole);

        Role role = Assert.Single(roles.Items);
        Assert.Equal(new Role { Id = "8f6081a3-80fb-11e8-a892-000d3a221c5b", Name = "site_user" }, role);
    }
}
