using System.Text;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The successful response of <c>POST /api/token</c> (password and refresh grants).
/// </summary>
/// <remarks>
/// <see cref="ToString"/> redacts both tokens so the record can be logged safely.
/// </remarks>
internal sealed record NexudusTokenResponse
{
    /// <summary>Gets the bearer token (wire name <c>access_token</c>).</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>Gets the token type, <c>bearer</c> (wire name <c>token_type</c>).</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>
    /// Gets the access token's lifetime in seconds (wire name <c>expires_in</c>); renew from this,
    /// never from an assumed lifetime.
    /// </summary>
    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    /// <summary>
    /// Gets the refresh token (wire name <c>refresh_token</c>). It rotates: each refresh returns a
    /// new one and the old one stops working.
    /// </summary>
    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessToken = ").Append(Redact(AccessToken));
        builder.Append(", TokenType = ").Append(TokenType);
        builder.Append(", ExpiresIn = ").Append(ExpiresIn);
        builder.Append(", RefreshToken = ").Append(Redact(RefreshToken));
        return true;
    }

    private static string Redact(string? token) => token is null ? string.Empty : "***";
}
