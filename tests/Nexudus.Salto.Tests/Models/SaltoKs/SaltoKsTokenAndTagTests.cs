using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsTokenAndTagTests
{
    private const string TokenJson = """
        { "access_token": "eyJhbGciOiJSUzI1NiJ9.secret-access", "expires_in": 3600, "token_type": "Bearer",
          "refresh_token": "secret-refresh", "scope": "user_api.full_access offline_access", "id_token": "x" }
        """;

    [Fact]
    public void Deserialize_TokenResponse_ReadsEveryField()
    {
        SaltoKsTokenResponse token = SaltoKsJsonAssert.RoundTrips(TokenJson, SaltoKsJsonContext.Default.SaltoKsTokenResponse);

        Assert.Equal(
            new SaltoKsTokenResponse
            {
                AccessToken = "eyJhbGciOiJSUzI1NiJ9.secret-access",
                TokenType = "Bearer",
                ExpiresIn = 3600,
                RefreshToken = "secret-refresh",
                Scope = "user_api.full_access offline_access",
            },
            token);
    }

    [Fact]
    public void Deserialize_ExpiresInAsString_IsRead()
    {
        SaltoKsTokenResponse token = JsonSerializer.Deserialize("""{ "access_token": "a", "expires_in": "3600" }""", SaltoKsJsonContext.Default.SaltoKsTokenResponse)!;

        Assert.Equal(3600, token.ExpiresIn);
    }

    [Fact]
    public void ToString_TokenResponse_HidesTokens()
    {
        SaltoKsTokenResponse token = JsonSerializer.Deserialize(TokenJson, SaltoKsJsonContext.Default.SaltoKsTokenResponse)!;

        string text = token.ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("ExpiresIn = 3600", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_Tag_ReadsIdAndNumber()
    {
        Tag tag = SaltoKsJsonAssert.RoundTrips(
            """{ "id": "0b9d2a5c-7e61-4f3a-9c2d-55aa66bb77cc", "tag_number": "04A2B3C4D5E6F7", "source_iq_id": "f0e1", "added_date": "2024-12-01T00:00:00Z" }""",
            SaltoKsJsonContext.Default.Tag);

        Assert.Equal(new Tag { Id = "0b9d2a5c-7e61-4f3a-9c2d-55aa66bb77cc", TagNumber = "04A2B3C4D5E6F7" }, tag);
    }

    [Fact]
    public void Deserialize_NumericTagNumber_IsKeptAsText()
    {
        Tag tag = JsonSerializer.Deserialize("""{ "id": "t1", "tag_number": 1234567890123 }""", SaltoKsJsonContext.Default.Tag)!;

        Assert.Equal("1234567890123", tag.TagNumber);
    }

    [Fact]
    public void ToString_Tag_HidesTagNumber()
    {
        var tag = new Tag { Id = "t1", TagNumber = "04A2B3C4D5E6F7" };

        Assert.DoesNotContain("04A2B3C4D5E6F7", tag.ToString(), StringComparison.Ordinal);
        Assert.Contains("t1", tag.ToString(), StringComparison.Ordinal);
    }
}
