using System.Text;
using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsAccessGroupModelTests
{
    [Fact]
    public void Deserialize_DocumentedAccessGroup_ReadsIdAndReference()
    {
        AccessGroup group = SaltoKsJsonAssert.RoundTrips(
            """{ "id": "3f1c2b7a-0000-4c4c-9d9d-aabbccddeeff", "customer_reference": "Front door" }""",
            SaltoKsJsonContext.Default.AccessGroup);

        Assert.Equal(new AccessGroup { Id = "3f1c2b7a-0000-4c4c-9d9d-aabbccddeeff", CustomerReference = "Front door" }, group);
    }

    [Fact]
    public void Read_DocumentedAccessGroupList_ReadsEnvelope()
    {
        const string Json = """
            { "items": [ { "id": "3f1c2b7a-0000-4c4c-9d9d-aabbccddeeff", "customer_reference": "Front door" } ],
              "next_page_link": null, "count": 1 }
            """;

        SaltoKsList<AccessGroup> list = SaltoKsList.Read(Encoding.UTF8.GetBytes(Json), SaltoKsJsonContext.Default.AccessGroup);
        SaltoKsJsonAssert.RoundTrips(Json, SaltoKsJsonContext.Default.SaltoKsListAccessGroup);

        Assert.Equal("Front door", Assert.Single(list.Items).CustomerReference);
        Assert.Equal(1, list.Count);
        Assert.Null(list.NextPageLink);
    }

    [Fact]
    public void Deserialize_FlatMember_TakesIdAsPlatformUserId()
    {
        const string Json = """{ "id": "a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d", "first_name": "Sam", "last_name": "Example", "email": "sam@example.com" }""";

        AccessGroupMember member = SaltoKsJsonAssert.RoundTrips(Json, SaltoKsJsonContext.Default.AccessGroupMember);

        Assert.Equal(new PlatformUserId("a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d"), member.PlatformUserId);
        Assert.Equal("Sam", member.FirstName);
        Assert.Equal("sam@example.com", member.Email);
    }

    [Fact]
    public void Deserialize_NestedMember_TakesNestedUserIdOverOwnId()
    {
        const string Json = """{ "id": "5d1b-site-user", "user": { "id": "a7e3-platform", "email": "sam@example.com" } }""";

        AccessGroupMember member = SaltoKsJsonAssert.RoundTrips(Json, SaltoKsJsonContext.Default.AccessGroupMember);

        Assert.Equal(new PlatformUserId("a7e3-platform"), member.PlatformUserId);
        Assert.Equal("5d1b-site-user", member.Id);
    }

    [Fact]
    public void Deserialize_MemberWithUserIdField_TakesUserId()
    {
        AccessGroupMember member = JsonSerializer.Deserialize("""{ "id": "row-1", "user_id": "a7e3-platform" }""", SaltoKsJsonContext.Default.AccessGroupMember)!;

        Assert.Equal(new PlatformUserId("a7e3-platform"), member.PlatformUserId);
    }

    [Fact]
    public void Deserialize_MemberWithNoId_HasNoPlatformUserId()
    {
        AccessGroupMember member = JsonSerializer.Deserialize("""{ "id": "", "first_name": "Sam" }""", SaltoKsJsonContext.Default.AccessGroupMember)!;

        Assert.Null(member.PlatformUserId);
    }

    [Fact]
    public void Serialize_Member_DoesNotWriteDerivedPlatformUserId()
    {
        var member = new AccessGroupMember { Id = "a7e3" };

        SaltoKsJsonAssert.SameJson(
            """{ "id": "a7e3", "user_id": null, "user": null, "first_name": null, "last_name": null, "email": null }""",
            JsonSerializer.Serialize(member, SaltoKsJsonContext.Default.AccessGroupMember));
    }

    [Fact]
    public void Read_BareArrayOfMembers_ReadsEveryShape()
    {
        byte[] json = """[ { "id": "p1" }, { "id": "s2", "user": { "id": "p2" } } ]"""u8.ToArray();

        SaltoKsList<AccessGroupMember> members = SaltoKsList.Read(json, SaltoKsJsonContext.Default.AccessGroupMember);

        Assert.Equal([new PlatformUserId("p1"), new PlatformUserId("p2")], members.Items.Select(m => m.PlatformUserId!.Value));
    }
}
