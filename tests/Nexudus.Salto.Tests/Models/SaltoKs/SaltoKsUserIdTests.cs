using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsUserIdTests
{
    // The documented create-user response, with the placeholders filled in.
    private const string SiteUserJson = """
        { "id": "5d1b6f3e-0c4a-4a57-9d7e-1f0b2c3d4e5f",
          "user": { "id": "a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d", "email": "sam@example.com" },
          "roles": [ ], "alias": "Sam", "subscription_state": "subscribed", "use_pin": false,
          "remote_access": false, "expires_at": null, "blocked": false }
        """;

    [Fact]
    public void SiteUser_DocumentedResponse_YieldsDistinctSiteUserAndPlatformUserIds()
    {
        SiteUser user = JsonSerializer.Deserialize(SiteUserJson, SaltoKsJsonContext.Default.SiteUser)!;

        Assert.Equal(new SiteUserId("5d1b6f3e-0c4a-4a57-9d7e-1f0b2c3d4e5f"), user.Id);
        Assert.Equal(new PlatformUserId("a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d"), user.User!.Id);
        Assert.NotEqual(user.Id.Value, user.User.Id.Value);
    }

    [Fact]
    public void SiteUserId_DifferentCase_IsEqualWithSameHashCode()
    {
        var lower = new SiteUserId("5d1b6f3e-0c4a-4a57-9d7e-1f0b2c3d4e5f");
        var upper = new SiteUserId("5D1B6F3E-0C4A-4A57-9D7E-1F0B2C3D4E5F");

        Assert.Equal(lower, upper);
        Assert.True(lower == upper);
        Assert.Equal(lower.GetHashCode(), upper.GetHashCode());
    }

    [Fact]
    public void PlatformUserId_DifferentCase_IsEqualWithSameHashCode()
    {
        var lower = new PlatformUserId("a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d");
        var upper = new PlatformUserId("A7E3C9D1-2B4F-4E6A-8C0D-9E8F7A6B5C4D");

        Assert.Equal(lower, upper);
        Assert.True(lower == upper);
        Assert.Equal(lower.GetHashCode(), upper.GetHashCode());
    }

    [Fact]
    public void PlatformUserId_DifferentValue_IsNotEqual() =>
        Assert.NotEqual(new PlatformUserId("a"), new PlatformUserId("b"));

    [Fact]
    public void HashSet_IdsDifferingOnlyInCase_HoldsOne()
    {
        var set = new HashSet<PlatformUserId> { new("ABC-def"), new("abc-DEF") };

        Assert.Single(set);
    }

    [Fact]
    public void ToString_AnyId_ReturnsValueAsGiven()
    {
        Assert.Equal("Site-User-1", new SiteUserId("Site-User-1").ToString());
        Assert.Equal("Platform-User-1", new PlatformUserId("Platform-User-1").ToString());
    }

    [Fact]
    public void Constructor_NonUuidText_IsAccepted() =>
        Assert.Equal("not-a-uuid", new PlatformUserId("not-a-uuid").Value);

    [Fact]
    public void Constructor_EmptyOrNull_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SiteUserId(""));
        Assert.Throws<ArgumentNullException>(() => new PlatformUserId(null!));
    }

    [Fact]
    public void Serialize_SiteUserId_WritesPlainString() =>
        Assert.Equal("\"5d1b\"", JsonSerializer.Serialize(new SiteUserId("5d1b"), SaltoKsJsonContext.Default.SiteUserId));

    [Fact]
    public void Serialize_PlatformUserId_WritesPlainString() =>
        Assert.Equal("\"a7e3\"", JsonSerializer.Serialize(new PlatformUserId("a7e3"), SaltoKsJsonContext.Default.PlatformUserId));

    [Fact]
    public void Serialize_SiteUser_WritesBothIdsAsPlainStrings()
    {
        SiteUser user = JsonSerializer.Deserialize(SiteUserJson, SaltoKsJsonContext.Default.SiteUser)!;

        using JsonDocument written = JsonDocument.Parse(JsonSerializer.Serialize(user, SaltoKsJsonContext.Default.SiteUser));

        Assert.Equal("5d1b6f3e-0c4a-4a57-9d7e-1f0b2c3d4e5f", written.RootElement.GetProperty("id").GetString());
        Assert.Equal("a7e3c9d1-2b4f-4e6a-8c0d-9e8f7a6b5c4d", written.RootElement.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public void Deserialize_PlainString_ReadsId() =>
        Assert.Equal(new PlatformUserId("a7e3"), JsonSerializer.Deserialize("\"a7e3\"", SaltoKsJsonContext.Default.PlatformUserId));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("42")]
    public void Deserialize_EmptyNullOrNumber_ThrowsJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, SaltoKsJsonContext.Default.SiteUserId));

    [Fact]
    public void Serialize_DefaultId_ThrowsRatherThanSendingNoId() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(PlatformUserId), SaltoKsJsonContext.Default.PlatformUserId));

    [Fact]
    public void Deserialize_SiteUserWithoutId_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{ "user": { "id": "a" } }""", SaltoKsJsonContext.Default.SiteUser));

    [Fact]
    public void Deserialize_EmptySiteUserId_ThrowsNamingSiteUserId()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"\"", SaltoKsJsonContext.Default.SiteUserId));

        Assert.Equal("A SiteUserId must not be empty.", error.Message);
    }

    [Fact]
    public void Deserialize_EmptyPlatformUserId_ThrowsNamingPlatformUserId()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"\"", SaltoKsJsonContext.Default.PlatformUserId));

        Assert.Equal("A PlatformUserId must not be empty.", error.Message);
    }

    [Fact]
    public void DictionaryKey_SiteUserId_RoundTripsAsPropertyName()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var map = new Dictionary<SiteUserId, int> { [new SiteUserId("5d1b")] = 2 };

        string json = JsonSerializer.Serialize(map, options);
        var back = JsonSerializer.Deserialize<Dictionary<SiteUserId, int>>(json, options)!;

        Assert.Equal("""{"5d1b":2}""", json);
        Assert.Equal(2, back[new SiteUserId("5D1B")]);
    }

    [Fact]
    public void DictionaryKey_PlatformUserId_RoundTripsAsPropertyName()
    {
        // The state store may key maps by id; the converter also handles property names.
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var map = new Dictionary<PlatformUserId, int> { [new PlatformUserId("a7e3")] = 1 };

        string json = JsonSerializer.Serialize(map, options);
        var back = JsonSerializer.Deserialize<Dictionary<PlatformUserId, int>>(json, options)!;

        Assert.Equal("""{"a7e3":1}""", json);
        Assert.Equal(1, back[new PlatformUserId("A7E3")]);
    }

    [Theory]
    [InlineData(typeof(SiteUserId))]
    [InlineData(typeof(PlatformUserId))]
    public void Ids_HaveNoConversionOperators_SoTheyCannotBeMixedUp(Type idType)
    {
        MethodInfo[] conversions = idType
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name is "op_Implicit" or "op_Explicit")
            .ToArray();

        Assert.Empty(conversions);
    }

    [Fact]
    public void AccessGroupUsersChange_AddIds_ArePlatformUserIds() =>
        Assert.Equal(typeof(IReadOnlyList<PlatformUserId>), typeof(AccessGroupUsersChange).GetProperty(nameof(AccessGroupUsersChange.AddIds))!.PropertyType);
}
