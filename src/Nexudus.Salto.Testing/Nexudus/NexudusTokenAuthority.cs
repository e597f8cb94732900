using System.Security.Cryptography;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Issues and checks the sandbox's bearer and refresh tokens: access
/// tokens live <see cref="NexudusSandboxOptions.AccessTokenLifetime"/>; refresh tokens rotate on
/// use and there is one per client (its <c>client_id</c>, else the user's e-mail), so a new token
/// for a client invalidates that client's earlier refresh token but not its access tokens.
/// </summary>
internal sealed class NexudusTokenAuthority
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Token, DateTimeOffset Expires)> _refreshByClient = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _accessLifetime;
    private readonly TimeSpan _refreshLifetime;

    public NexudusTokenAuthority(TimeProvider time, TimeSpan accessLifetime, TimeSpan refreshLifetime)
    {
        _time = time;
        _accessLifetime = accessLifetime;
        _refreshLifetime = refreshLifetime;
    }

    public (string AccessToken, string RefreshToken, long ExpiresIn) Issue(string clientKey)
    {
        var now = _time.GetUtcNow();
        var access = NewToken();
        var refresh = NewToken();
        lock (_gate)
        {
            _accessTokens[access] = now + _accessLifetime;
            _refreshByClient[clientKey] = (refresh, now + _refreshLifetime);
        }

        return (access, refresh, (long)_accessLifetime.TotalSeconds);
    }

    /// <summary>Uses a refresh token: valid only if it is its client's current one and not expired; then it is spent.</summary>
    public bool TryRedeem(string refreshToken, string? clientKey, out string redeemedFor)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var (client, (token, expires)) in _refreshByClient)
            {
                if (!string.Equals(token, refreshToken, StringComparison.Ordinal))
                {
                    continue;
                }

                // A refresh for another client_id than the token was issued to is refused.
                if (clientKey is not null && !string.Equals(client, clientKey, StringComparison.Ordinal))
                {
                    break;
                }

                _refreshByClient.Remove(client);
                redeemedFor = client;
                return expires > now;
            }
        }

        redeemedFor = string.Empty;
        return false;
    }

    public bool IsValidAccessToken(string token)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            return _accessTokens.TryGetValue(token, out var expires) && expires > now;
        }
    }

    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            _accessTokens.Clear();
        }
    }

    public void RevokeRefreshTokens()
    {
        lock (_gate)
        {
            _refreshByClient.Clear();
        }
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
