using System.Net;
using System.Text.Json;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>List envelopes, paging and OData options.</summary>
public sealed class SaltoKsSandboxListTests
{
    private const string Users = $"v1.1/sites/{SaltoKsTestHost.SiteId}/users";

    [Fact]
    public async Task ListSites_V11_AnswersItemsEnvelopeWithNullNextPageLink()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync("v1.1/sites");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        JsonElement site = Assert.Single(reply.Items);
        Assert.Equal(SaltoKsTestHost.SiteId, site.GetProperty("id").GetString());
        Assert.Equal(SaltoKsTestHost.SiteUid, site.GetProperty("site_uid").GetString());
        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("next_page_link").ValueKind);
    }

    [Fact]
    public async Task ListSites_V12_AnswersBareArray()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync("v1.2/sites");

        Assert.Equal(JsonValueKind.Array, reply.Json.ValueKind);
        Assert.Equal(SaltoKsTestHost.SiteId, Assert.Single(reply.Json.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ListUsers_V12ConfiguredAsBareArray_AnswersBareArray()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.BareArrayLists.Add("/v1.2/sites/{site_id}/users"));

        SaltoKsTestHost.Reply v12 = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/users");
        SaltoKsTestHost.Reply v11 = await host.GetAsync(Users);

        Assert.Equal(JsonValueKind.Array, v12.Json.ValueKind);
        Assert.Equal(JsonValueKind.Object, v11.Json.ValueKind);
    }

    [Fact]
    public async Task ListUsers_ManyUsers_CapsPageAndLinksAbsoluteNextPageUntilNull()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.MaxPageSize = 2, seed: b =>
        {
            SaltoKsTestHost.Standard(b);
            for (int i = 0; i < 3; i++)
            {
                b.User(new SiteUserId($"su-{i}"), new PlatformUserId($"pu-{i}"), email: $"user{i}@example.com");
            }
        });

        var ids = new List<string>();
        string? next = Users;
        int pages = 0;
        while (next is not null)
        {
            SaltoKsTestHost.Reply page = await host.GetAsync(next);
            Assert.True(page.Items.Count <= 2);
            ids.AddRange(page.Items.Select(i => i.GetProperty("id").GetString()!));
            next = page.Json.GetProperty("next_page_link").GetString();
            if (next is not null)
            {
                Assert.StartsWith(host.Sandbox.BaseUrl.ToString(), next, StringComparison.Ordinal);
            }

            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public async Task ListUsers_TopAboveCap_ContinuesUntilTopIsReached()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.MaxPageSize = 1);

        SaltoKsTestHost.Reply first = await host.GetAsync($"{Users}?$top=2");
        SaltoKsTestHost.Reply second = await host.GetAsync(first.Json.GetProperty("next_page_link").GetString()!);

        Assert.Single(first.Items);
        Assert.Single(second.Items);
        Assert.Equal(JsonValueKind.Null, second.Json.GetProperty("next_page_link").ValueKind);
    }

    [Fact]
    public async Task ListUsers_SkipAndTop_AnswerTheWindowAsked()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Users}?$skip=1&$top=1");

        Assert.Equal(SaltoKsTestHost.BobSiteUser.Value, Assert.Single(reply.Items).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ListUsers_InlineCountAllPages_AddsCountOfAllMatches()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Users}?$top=1&$inlinecount=allpages");

        Assert.Equal(2, reply.Json.GetProperty("count").GetInt32());
        Assert.Single(reply.Items);
    }

    [Fact]
    public async Task ListUsers_WithoutInlineCount_OmitsCount()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync(Users);

        Assert.False(reply.Json.TryGetProperty("count", out _));
    }

    [Fact]
    public async Task ListUsers_FilterByEmail_AnswersTheUserWithBothIds()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Users}?$filter=" + Uri.EscapeDataString("user/email eq 'bob@example.com'"));

        JsonElement bob = Assert.Single(reply.Items);
        Assert.Equal(SaltoKsTestHost.BobSiteUser.Value, bob.GetProperty("id").GetString());
        Assert.Equal(SaltoKsTestHost.BobUser.Value, bob.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ListUsers_FilterWithDoubledQuote_MatchesAnEmailWithAnApostrophe()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b)
            .Site("s2").User(new SiteUserId("su-o"), new PlatformUserId("pu-o"), email: "o'neil@example.com"));

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Users}?$filter=" + Uri.EscapeDataString("user/email eq 'o''neil@example.com'"));

        Assert.Empty(reply.Items);
        SaltoKsTestHost.Reply other = await host.GetAsync("v1.1/sites/s2/users?$filter=" + Uri.EscapeDataString("user/email eq 'o''neil@example.com'"));
        Assert.Equal("su-o", Assert.Single(other.Items).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task ListUsers_FilterInOtherCase_MatchesOnlyWhenCaseInsensitive(bool caseInsensitive, int expected)
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.CaseInsensitiveFilters = caseInsensitive);

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Users}?$filter=" + Uri.EscapeDataString("user/email eq 'ANN@example.com'"));

        Assert.Equal(expected, reply.Items.Count);
    }

    [Fact]
    public async Task ListLocks_ContainsFilter_MatchesPartOfCustomerReference()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/locks?$filter=" + Uri.EscapeDataString("contains(customer_reference,'#101')"));

        Assert.Equal(SaltoKsTestHost.MeetingRoom, Assert.Single(reply.Items).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ListAccessGroups_FilterByCustomerReference_AnswersTheGroup()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/access_groups?$filter=" + Uri.EscapeDataString("customer_reference eq 'Members'"));

        Assert.Equal(SaltoKsTestHost.Members, Assert.Single(reply.Items).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("user/email eq 'a@b.c' or user/email eq 'd@e.f'")]
    [InlineData("user/email ne 'a@b.c'")]
    [InlineData("user/phone eq '1'")]
    [InlineData("user/email eq 'unterminated")]
    [InlineData("user/email eq 5")]
    [InlineData("contains(user/email)")]
    public async Task ListUsers_FilterOutsideTheKnownForms_Answers400With1102(string filter)
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Users}?$filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("1102", reply.Code);
    }

    [Fact]
    public async Task ListUsers_OrderByUnknownField_Answers400With1102()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Users}?$orderby=date");

        Assert.Equal("1102", reply.Code);
    }

    [Fact]
    public async Task ListUsers_OrderByEmailDescending_AnswersReverseOrder()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"{Users}?$orderby=" + Uri.EscapeDataString("user/email desc"));

        Assert.Equal(
            ["bob@example.com", "ann@example.com"],
            reply.Items.Select(i => i.GetProperty("user").GetProperty("email").GetString()));
    }

    [Fact]
    public async Task ListRoles_AnswersSeededRoleIds()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/roles");

        Assert.Equal(SaltoKsTestHost.RoleId, Assert.Single(reply.Items).GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetSite_V12_AnswersDocumentedFieldsWithUserCounts()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}");

        Assert.Equal("Central", reply.Json.GetProperty("customer_reference").GetString());
        Assert.Equal("Europe/Madrid", reply.Json.GetProperty("time_zone").GetString());
        Assert.Equal(2, reply.Json.GetProperty("active_user_amount").GetInt32());
        Assert.Equal(1000, reply.Json.GetProperty("subscribed_user_amount").GetInt32());
    }

    [Fact]
    public async Task GetSite_EverySeatUsed_ActiveStopsAtSubscribedAndACreateAnswers201Suspended()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).Subscription(2));

        SaltoKsTestHost.Reply created = await host.PostAsync(
            $"v1.1/sites/{SaltoKsTestHost.SiteId}/users", """{"first_name":"Cy","last_name":"Third","email":"cy@example.com"}""");
        SaltoKsTestHost.Reply site = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("suspended", created.Json.GetProperty("subscription_state").GetString());
        Assert.Equal(2, site.Json.GetProperty("active_user_amount").GetInt32());
        Assert.Equal(2, site.Json.GetProperty("subscribed_user_amount").GetInt32());
    }

    [Fact]
    public async Task CreateUser_EmailAlreadyOnSite_Answers400With1101InUse()
    {
        await using var host = await SaltoKsTestHost.StartAsync();
        SaltoKsTestHost.Reply created = await host.PostAsync($"v1.1/sites/{SaltoKsTestHost.SiteId}/users", """{"first_name":"A","email":" ANN@example.com "}""");

        Assert.Equal(HttpStatusCode.BadRequest, created.Status);
        Assert.Equal("1101", created.Json.GetProperty("ErrorCode").GetString());
        Assert.Equal("Validation failed: This email address is already in use.", created.Json.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task GetSubscription_AnswersSeatsAndFeatures()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => SaltoKsTestHost.Standard(b).Subscription(15, ["events_streaming", "pods"]));

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.2/sites/{SaltoKsTestHost.SiteId}/subscription");

        Assert.Equal(15, reply.Json.GetProperty("user_amount").GetInt32());
        Assert.Equal(["events_streaming", "pods"], reply.Json.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task AnyRoute_SiteUidInsteadOfUuid_Answers400With1100()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync($"v1.1/sites/{SaltoKsTestHost.SiteUid}/users");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("1100", reply.Code);
    }

    [Fact]
    public async Task AnyRoute_UnreleasedSite_Answers400With2210()
    {
        await using var host = await SaltoKsTestHost.StartAsync(seed: b => b.Site("unreleased", released: false));

        SaltoKsTestHost.Reply reply = await host.GetAsync("v1.1/sites/unreleased/users");

        Assert.Equal("2210", reply.Code);
    }

    [Fact]
    public async Task ErrorBody_HasPascalCaseErrorCodeAndMessage()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        SaltoKsTestHost.Reply reply = await host.GetAsync("v1.1/sites/no-such-site/users");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal(JsonValueKind.String, reply.Json.GetProperty("ErrorCode").ValueKind);
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("Message").GetString()));
    }
}
