using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

/// <summary>Bodies shaped as the live service answered them (public captures, e-mails and ids replaced).</summary>
public sealed class SaltoKsLiveShapeTests
{
    private const string SiteUserJson = """
        {"id":"998344ec-66a7-434f-8d8f-7974efd36301","user":{"email":"guest@example.com","image_url":null,"tag_number":"02305075",
         "is_managed_by_current_site":true,"has_profile":false,"id":"368eb588-aecd-482d-aaf8-73d641c0ba9c","first_name":"Alameda","last_name":"Guest"},
         "roles":[{"id":"8f6081a3-80fb-11e8-a892-000d3a221c5b","customer_reference":"Site User","code":"site_user",
         "parent_id":"76f7e578-80fb-11e8-a892-000d3a221c5b","is_hierarchical":true}],"alias":"string","toggle_easy_office_mode":true,
         "toggle_manual_office_mode":true,"remote_access":false,"blocked":false,"tag_owned_by_this_site":true,"subscription_state":"suspended",
         "override_privacy_mode":true,"use_pin":true,"data_removal_expires_at":null,"expires_at":null}
        """;

    [Fact]
    public void Deserialize_LiveSiteUser_ReadsTagNumberOwnershipRoleCodeAndSubscriptionWithoutTagId()
    {
        SiteUser user = JsonSerializer.Deserialize(SiteUserJson, SaltoKsJsonContext.Default.SiteUser)!;

        Assert.Null(user.TagId);
        Assert.Equal("02305075", user.User!.TagNumber);
        Assert.True(user.TagOwnedByThisSite);
        Assert.Equal(SubscriptionState.Suspended, user.SubscriptionState);
        Role role = Assert.Single(user.Roles);
        Assert.Equal(("site_user", "Site User", "76f7e578-80fb-11e8-a892-000d3a221c5b", true), (role.Code, role.CustomerReference, role.ParentId, role.IsHierarchical));
        Assert.Equal("site_user", role.CodeOrName);
    }

    [Fact]
    public void ToString_SaltoUserWithTag_LeavesTheNumberOut()
    {
        SiteUser user = JsonSerializer.Deserialize(SiteUserJson, SaltoKsJsonContext.Default.SiteUser)!;

        Assert.DoesNotContain("02305075", user.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("02305075", user.User!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_LiveLockList_ReadsIqOnlineAndNullCount()
    {
        const string Json = """
            {"items":[{"offline_access_keys_limit":39,"offline_access_keys_count":1,"mac":"2D.EA.7C","locked_state":"locked","lock_type":"escutcheon_pin",
             "online":true,"iq":{"mac_address":"2E.21.B7","is_online":true,"revision":"2.0","otp_enabled":true,"id":"936a1c75-3398-11ef-9eb0-6045bd92d38f",
             "customer_reference":"IQ 1"},"communication_type":"rf_net","id":"688708b2-aa10-4dce-81d1-3af3705277fa","customer_reference":"Room 333"}],
             "next_page_link":null,"count":null}
            """;

        SaltoKsList<SaltoLock> list = SaltoKsList.Read(System.Text.Encoding.UTF8.GetBytes(Json), SaltoKsJsonContext.Default.SaltoLock);

        LockIq iq = Assert.Single(list.Items).Iq!;
        Assert.Equal((true, "936a1c75-3398-11ef-9eb0-6045bd92d38f", true), (iq.IsOnline, iq.Id, iq.OtpEnabled));
        Assert.Null(list.Count);
        Assert.Null(list.NextPageLink);
    }

    [Fact]
    public void Read_BareArrayOfSiteUsers_ReadsEveryItem()
    {
        SaltoKsList<SiteUser> list = SaltoKsList.Read(System.Text.Encoding.UTF8.GetBytes($"[{SiteUserJson},{SiteUserJson}]"), SaltoKsJsonContext.Default.SiteUser);

        Assert.Equal(2, list.Items.Count);
        Assert.Null(list.Count);
    }
}
