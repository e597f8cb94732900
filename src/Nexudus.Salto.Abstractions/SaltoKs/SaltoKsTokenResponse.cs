using System.Text;

namespace Nexudus.Salto.SaltoKs;

/// <summary>The OAuth 2.0 token response of the SALTO KS identity server (<c>{identity}/connect/token</c>).</summary>
/// <remarks><see cref="ToString"/> leaves the tokens out so they never reach a log.</remarks>
internal sealed record SaltoKsTokenResponse
{
    /// <summary>Gets the access token to send as <c>Authorization: Bearer …</c>.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Gets the token type, normally <c>Bearer</c>.</summary>
    public string? TokenType { get; init; }

    /// <summary>Gets the access token's lifetime in seconds; read it, never assume it.</summary>
    public int? ExpiresIn { get; init; }

    /// <summary>Gets the refresh token, issued only when <c>offline_access</c> was granted.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Gets the granted scopes, separated by spaces.</summary>
    public string? Scope { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessToken = ***")
            .Append(", TokenType = ").Append(TokenType)
            .Append(", ExpiresIn = ").Append(ExpiresIn)
            .Append(", RefreshToken = ").Append(RefreshToken is null ? "null" : "***")
            .Append(", Scope = ").Append(Scope);
        return true;
    }
}
