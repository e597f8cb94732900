using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class NexudusTokenResponseTests
{
    private const string Documented = """
        { "access_token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbkBleGFtcGxlLmNvbSJ9.c2lnbmF0dXJl",
          "token_type": "bearer", "expires_in": 604799, "refresh_token": "8f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e" }
        """;

    [Fact]
    public void Deserialize_DocumentedExample_ReadsSnakeCaseFields()
    {
        var token = ModelAssert.Read<NexudusTokenResponse>(Documented);

        Assert.Equal("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbkBleGFtcGxlLmNvbSJ9.c2lnbmF0dXJl", token.AccessToken);
        Assert.Equal("bearer", token.TokenType);
        Assert.Equal(604799L, token.ExpiresIn);
        Assert.Equal("8f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", token.RefreshToken);
    }

    [Fact]
    public void Serialize_Token_WritesSnakeCaseNames()
    {
        var json = ModelAssert.Write(new NexudusTokenResponse { AccessToken = "a", TokenType = "bearer", ExpiresIn = 60, RefreshToken = "r" });

        Assert.Equal("a", json.GetProperty("access_token").GetString());
        Assert.Equal("bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(60, json.GetProperty("expires_in").GetInt64());
        Assert.Equal("r", json.GetProperty("refresh_token").GetString());
    }

    [Fact]
    public void RoundTrip_DocumentedExample_PreservesValues()
    {
        var token = ModelAssert.Read<NexudusTokenResponse>(Documented);

        var copy = ModelAssert.RoundTrip(token, NexudusJsonContext.Default.NexudusTokenResponse);

        Assert.Equal(token, copy);
    }

    [Fact]
    public void ToString_Token_RedactsBothTokens()
    {
        var token = ModelAssert.Read<NexudusTokenResponse>(Documented);

        var text = token.ToString();

        Assert.DoesNotContain("eyJhbGciOiJIUzI1NiJ9", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8f1c2d3e", text, StringComparison.Ordinal);
        Assert.Contains("ExpiresIn = 604799", text, StringComparison.Ordinal);
    }
}
