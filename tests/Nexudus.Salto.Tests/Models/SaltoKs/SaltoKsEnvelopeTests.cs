using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsEnvelopeTests
{
    [Fact]
    public void Read_FullEnvelope_ReadsItemsLinkAndCount()
    {
        SaltoKsList<Site> list = SaltoKsList.Read(
            """{ "items": [ { "id": "s1" }, { "id": "s2" } ], "next_page_link": "https://clp-accept-user.saltoks.com/v1.1/sites?$skip=2", "count": 5 }"""u8,
            SaltoKsJsonContext.Default.Site);

        Assert.Equal(["s1", "s2"], list.Items.Select(s => s.Id));
        Assert.Equal("https://clp-accept-user.saltoks.com/v1.1/sites?$skip=2", list.NextPageLink);
        Assert.Equal(5, list.Count);
    }

    [Fact]
    public void Read_ItemsOnly_HasNoLinkOrCount()
    {
        SaltoKsList<Site> list = SaltoKsList.Read("""{ "items": [ { "id": "s1" } ] }"""u8, SaltoKsJsonContext.Default.Site);

        Assert.Equal("s1", Assert.Single(list.Items).Id);
        Assert.Null(list.NextPageLink);
        Assert.Null(list.Count);
    }

    [Fact]
    public void Read_BareArray_ReadsItems()
    {
        SaltoKsList<Site> list = SaltoKsList.Read("""[ { "id": "s1", "site_uid": "DE1" }, { "id": "s2" } ]"""u8, SaltoKsJsonContext.Default.Site);

        Assert.Equal(["s1", "s2"], list.Items.Select(s => s.Id));
        Assert.Equal("DE1", list.Items[0].SiteUid);
        Assert.Null(list.NextPageLink);
        Assert.Null(list.Count);
    }

    [Fact]
    public void Read_EmptyBareArray_HasNoItems() =>
        Assert.Empty(SaltoKsList.Read("[]"u8, SaltoKsJsonContext.Default.Site).Items);

    [Fact]
    public void Read_EnvelopeWithUnknownMembersAndNullItems_IsTolerated()
    {
        SaltoKsList<Site> list = SaltoKsList.Read(
            """{ "odata.metadata": { "x": [1, 2] }, "items": null, "count": "0", "extra": [ { } ] }"""u8,
            SaltoKsJsonContext.Default.Site);

        Assert.Empty(list.Items);
        Assert.Equal(0, list.Count);
    }

    [Fact]
    public void Read_MembersInAnyOrderAndCase_AreRead()
    {
        SaltoKsList<Site> list = SaltoKsList.Read("""{ "Count": 1, "Items": [ { "id": "s1" } ] }"""u8, SaltoKsJsonContext.Default.Site);

        Assert.Single(list.Items);
        Assert.Equal(1, list.Count);
    }

    [Fact]
    public void Read_SiteUsersBareArray_KeepsBothIds()
    {
        SaltoKsList<SiteUser> users = SaltoKsList.Read("""[ { "id": "su1", "user": { "id": "pu1" } } ]"""u8, SaltoKsJsonContext.Default.SiteUser);

        SiteUser user = Assert.Single(users.Items);
        Assert.Equal(new SiteUserId("su1"), user.Id);
        Assert.Equal(new PlatformUserId("pu1"), user.User!.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("\"items\"")]
    [InlineData("{ \"items\": { } }")]
    [InlineData("{ }")]
    [InlineData("{ \"count\": 0, \"next_page_link\": null }")]
    [InlineData("[ { \"id\": \"s1\" } ] [ ]")]
    [InlineData("[ { \"id\": \"s1\" }")]
    public void Read_MalformedBody_ThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => SaltoKsList.Read(System.Text.Encoding.UTF8.GetBytes(json), SaltoKsJsonContext.Default.Site));

    [Fact]
    public void Read_ItemMissingRequiredId_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => SaltoKsList.Read("""[ { "site_uid": "DE1" } ]"""u8, SaltoKsJsonContext.Default.Site));

    [Fact]
    public void Read_NullItemInArray_IsSkipped() =>
        Assert.Single(SaltoKsList.Read("""[ null, { "id": "s1" } ]"""u8, SaltoKsJsonContext.Default.Site).Items);

    [Fact]
    public void Deserialize_EnvelopeThroughContext_RoundTrips()
    {
        SaltoKsList<Site> list = SaltoKsJsonAssert.RoundTrips(
            """{ "items": [ { "id": "s1" } ], "next_page_link": "https://x/v1.1/sites?$skip=1", "count": 2 }""",
            SaltoKsJsonContext.Default.SaltoKsListSite);

        Assert.Equal(2, list.Count);
    }

    [Fact]
    public void Deserialize_BareArrayThroughContext_Reads() =>
        Assert.Equal(2, JsonSerializer.Deserialize("""[ { "id": "s1" }, { "id": "s2" } ]""", SaltoKsJsonContext.Default.IReadOnlyListSite)!.Count);
}
