namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The default <see cref="ISaltoKsTokenStore"/>: keeps the newest refresh token in memory, so it is lost when the
/// process ends.
/// </summary>
/// <remarks>
/// Enough for the password grant (a new refresh token is obtained after a restart). With the refresh-token grant,
/// register a persistent store instead: after a restart the rotated token would be gone and the one in
/// configuration already used.
/// </remarks>
public sealed class InMemorySaltoKsTokenStore : ISaltoKsTokenStore
{
    private volatile string? _refreshToken;

    /// <summary>Creates an empty store.</summary>
    public InMemorySaltoKsTokenStore()
    {
    }

    /// <summary>Creates a store holding a refresh token.</summary>
    /// <param name="refreshToken">The first refresh token, e.g. from an authorization-code login.</param>
    public InMemorySaltoKsTokenStore(string? refreshToken) => _refreshToken = refreshToken;

    /// <inheritdoc/>
    public Task<string?> GetRefreshTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult(_refreshToken);

    /// <inheritdoc/>
    public Task SaveRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        _refreshToken = refreshToken;
        return Task.CompletedTask;
    }
}
