using System.Security.Cryptography;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Issues and checks the sandbox's opaque access and refresh tokens. Expiry follows the sandbox's
/// <see cref="TimeProvider"/>, so a fake clock moves tokens past their lifetime.
/// </summary>
internal sealed class SaltoKsTokenIssuer(SaltoKsSandboxOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshGrant> _refreshTokens = new(StringComparer.Ordinal);

    public SaltoKsTokenResponse Issue(string clientId, string username, string scope, string? keepRefreshToken = null)
    {
        DateTimeOffset now = options.TimeProvider.GetUtcNow();
        string accessToken = NewToken();
        string? refreshToken = null;
        lock (_gate)
        {
            _accessTokens[accessToken] = now + options.AccessTokenLifetime;
            if (keepRefreshToken is not null)
            {
                refreshToken = keepRefreshToken;
            }
            else if (scope.Split(' ').Contains("offline_access", StringComparer.Ordinal))
            {
                refreshToken = NewToken();
                _refreshTokens[refreshToken] = new RefreshGrant(clientId, username, scope);
            }
        }

        return new SaltoKsTokenResponse
        {
            AccessToken = accessToken,
            TokenType = "Bearer",
            ExpiresIn = (int)options.AccessTokenLifetime.TotalSeconds,
            RefreshToken = refreshToken,
            Scope = scope,
        };
    }

    /// <summary>Issues a refresh token as if an authorization-code login had happened elsewhere.</summary>
    public string IssueRefreshToken(string clientId, string username, string scope)
    {
        string refreshToken = NewToken();
        lock (_gate)
        {
            _refreshTokens[refreshToken] = new RefreshGrant(clientId, username, scope);
        }

        return refreshToken;
    }

    /// <summary>Redeems a refresh token for the client that holds it; with rotation the token is spent.</summary>
    public RefreshGrant? Redeem(string refreshToken, string clientId)
    {
        lock (_gate)
        {
            if (!_refreshTokens.TryGetValue(refreshToken, out RefreshGrant? grant) || grant.ClientId != clientId)
            {
                return null;
            }

            if (options.RotateRefreshTokens)
            {
                _refreshTokens.Remove(refreshToken);
            }

            return grant;
        }
    }

    public bool IsValid(string accessToken)
    {
        lock (_gate)
        {
            return _accessTokens.TryGetValue(accessToken, out DateTimeOffset expires) && options.TimeProvider.GetUtcNow() < expires;
        }
    }

    /// <summary>Expires every access token now; refresh tokens stay valid, as after a real expiry.</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            _accessTokens.Clear();
        }
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal sealed record RefreshGrant(string ClientId, string Username, string Scope);
}
