namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Keeps the SALTO KS refresh token between runs. The identity server rotates refresh tokens: each refresh
/// returns a new one and the old one stops working, so the newest must be saved before it is used.
/// </summary>
/// <remarks>
/// The default store keeps the token in memory only, seeded from the client options. Persist it (a file
/// with restricted permissions, a secret vault, the state database) to survive restarts when the client
/// signs in with a refresh token from an authorization-code login. Implementations must be thread-safe.
/// </remarks>
public interface ISaltoKsTokenStore
{
    /// <summary>Reads the newest refresh token.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The refresh token, or <see langword="null"/> when none is stored.</returns>
    Task<string?> GetRefreshTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves a newly issued refresh token, replacing the previous one.</summary>
    /// <param name="refreshToken">The refresh token; a secret, never to be logged.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the token is saved.</returns>
    Task SaveRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken = default);
}
