namespace Nexudus.Salto.SaltoKs;

/// <summary>Supplies the bearer token the SALTO KS client sends on every API call.</summary>
/// <remarks>
/// The default provider uses the identity server's token endpoint (password grant for a service user,
/// refresh-token grant for tokens from an authorization-code login). Register your own implementation to
/// obtain tokens any other way; it must be thread-safe and should cache tokens until they expire.
/// </remarks>
public interface ISaltoKsTokenProvider
{
    /// <summary>Returns a token that is valid now, obtaining or refreshing one if needed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access token; a secret, never to be logged.</returns>
    /// <exception cref="SaltoKsAuthenticationException">No token can be obtained with the configured credentials.</exception>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns a new token after the API refused <paramref name="rejectedAccessToken"/> with 401. When several
    /// calls report the same rejected token at once, only one renewal should happen; a token that has already
    /// replaced the rejected one is returned as it is.
    /// </summary>
    /// <param name="rejectedAccessToken">The token the API answered 401 to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A token other than the rejected one.</returns>
    /// <exception cref="SaltoKsAuthenticationException">No token can be obtained with the configured credentials.</exception>
    ValueTask<string> RenewAccessTokenAsync(string rejectedAccessToken, CancellationToken cancellationToken = default);
}
