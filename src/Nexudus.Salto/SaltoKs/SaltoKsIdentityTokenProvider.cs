using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexudus.Salto.Diagnostics;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The default <see cref="ISaltoKsTokenProvider"/>: obtains tokens from <c>{IdentityUrl}/connect/token</c>, with the
/// client authenticated by HTTP Basic.
/// </summary>
/// <remarks>
/// <para>
/// A stored (or configured) refresh token is used first (<c>grant_type=refresh_token</c>); the rotated refresh token
/// in the answer is saved before the access token is used. Without one, or when the identity server refuses it, the
/// password grant is used if a user name and password are configured.
/// </para>
/// <para>
/// Tokens are refreshed ahead of <c>expires_in</c> (by <see cref="SaltoKsClientOptions.TokenRefreshLeadTime"/>), one
/// refresh at a time: concurrent callers wait for the refresh in flight instead of starting their own. A token
/// without <c>expires_in</c> is used until the API answers 401.
/// </para>
/// </remarks>
internal sealed class SaltoKsIdentityTokenProvider : ISaltoKsTokenProvider, IDisposable
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly SaltoKsClientOptions _options;
    private readonly ISaltoKsTokenStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile CachedToken? _current;

    // Set when the identity server could not be reached (name not resolved, certificate rejected, connection refused
    // after its short retries): until then every caller fails at once with the same cause, so a run's later calls do
    // not each spend their retries on the token again.
    private volatile Unreachable? _unreachable;

    // The identity client of this integration (a named integration has its own).
    private readonly string _httpClientName;

    public SaltoKsIdentityTokenProvider(
        IHttpClientFactory httpClientFactory,
        IOptions<SaltoKsClientOptions> options,
        ISaltoKsTokenStore store,
        TimeProvider timeProvider,
        ILogger<SaltoKsIdentityTokenProvider> logger,
        string httpClientName = SaltoKsHttpClientNames.Identity)
    {
        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        _options = options.Value;
        _store = store;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        CachedToken? current = _current;
        return current is not null && IsFresh(current)
            ? ValueTask.FromResult(current.AccessToken)
            : new ValueTask<string>(AcquireAsync(rejectedAccessToken: null, cancellationToken));
    }

    public ValueTask<string> RenewAccessTokenAsync(string rejectedAccessToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejectedAccessToken);
        return new ValueTask<string>(AcquireAsync(rejectedAccessToken, cancellationToken));
    }

    public void Dispose() => _refreshGate.Dispose();

    private bool IsFresh(CachedToken token) => token.RefreshAt is not { } at || _timeProvider.GetUtcNow() < at;

    private async Task<string> AcquireAsync(string? rejectedAccessToken, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited: use its token rather than refresh again.
            CachedToken? current = _current;
            if (current is not null && IsFresh(current) && !string.Equals(current.AccessToken, rejectedAccessToken, StringComparison.Ordinal))
            {
                return current.AccessToken;
            }

            DateTimeOffset requestedAt = _timeProvider.GetUtcNow();
            if (_unreachable is { } unreachable && requestedAt < unreachable.Until)
            {
                throw new UnreachableTokenEndpointException(unreachable.Error.Message, (HttpRequestException)unreachable.Error.InnerException!);
            }

            SaltoKsTokenResponse response;
            try
            {
                response = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (UnreachableTokenEndpointException ex)
            {
                _unreachable = new Unreachable(ex, _timeProvider.GetUtcNow() + NetworkFailure.UnreachableTokenHold);
                throw;
            }

            _unreachable = null;
            _current = new CachedToken(response.AccessToken, RefreshAt(requestedAt, response.ExpiresIn));
            return response.AccessToken;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    // The lifetime counts from when the request was sent, so the time the answer took is never counted as valid.
    private DateTimeOffset? RefreshAt(DateTimeOffset requestedAt, int? expiresIn)
    {
        if (expiresIn is not > 0)
        {
            return null;
        }

        var lifetime = TimeSpan.FromSeconds(expiresIn.Value);
        TimeSpan lead = lifetime > 2 * _options.TokenRefreshLeadTime ? _options.TokenRefreshLeadTime : lifetime / 2;
        return requestedAt + lifetime - lead;
    }

    private async Task<SaltoKsTokenResponse> RequestTokenAsync(CancellationToken cancellationToken)
    {
        bool hasPassword = !string.IsNullOrEmpty(_options.Username) && !string.IsNullOrEmpty(_options.Password);
        string? refreshToken = await _store.GetRefreshTokenAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(refreshToken))
        {
            refreshToken = _options.RefreshToken;
        }

        if (!string.IsNullOrEmpty(refreshToken))
        {
            try
            {
                return await SendAsync(
                    "refresh_token",
                    [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)],
                    cancellationToken).ConfigureAwait(false);
            }
            catch (SaltoKsAuthenticationException ex) when (hasPassword)
            {
                SaltoKsLog.RefreshTokenRefused(_logger, ex.ErrorCode);
            }
        }

        if (hasPassword)
        {
            return await SendAsync(
                "password",
                [
                    new("grant_type", "password"), new("scope", _options.Scope),
                    new("username", _options.Username!), new("password", _options.Password!),
                ],
                cancellationToken).ConfigureAwait(false);
        }

        throw new SaltoKsAuthenticationException(
            "No SALTO KS credentials are configured: set SaltoKs:Username and SaltoKs:Password (password grant) or " +
            "SaltoKs:RefreshToken (or store one in the ISaltoKsTokenStore), or register an ISaltoKsTokenProvider.");
    }

    private async Task<SaltoKsTokenResponse> SendAsync(string grantType, List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        bool confidential = !string.IsNullOrEmpty(_options.ClientSecret);
        if (!confidential)
        {
            // A public (PKCE) client has no secret to authenticate with, so it names itself in the form.
            form.Add(new("client_id", _options.ClientId));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint(_options.IdentityUrl));
        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (confidential)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicCredentials(_options.ClientId, _options.ClientSecret));
        }

        HttpClient httpClient = _httpClientFactory.CreateClient(_httpClientName);
        HttpResponseMessage sent;
        try
        {
            sent = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (NetworkFailure.Describe(ex, request.RequestUri) is { } cause && !cancellationToken.IsCancellationRequested)
        {
            throw new UnreachableTokenEndpointException($"SALTO KS identity server POST /connect/token ({grantType} grant) failed: {cause}.", ex);
        }

        using HttpResponseMessage response = sent;
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string operation = $"the {grantType} grant at POST /connect/token";
        if (!response.IsSuccessStatusCode)
        {
            (string? code, string? message) = SaltoKsErrorMapper.ReadErrorBody(body);
            if (string.Equals(code, "invalid_scope", StringComparison.OrdinalIgnoreCase))
            {
                // The whole request fails for one scope the client registration lacks: say which setting to change.
                message = $"the identity server refused the scope asked for ('{_options.Scope}'); set {SaltoKsClientOptions.SectionName}:{nameof(SaltoKsClientOptions.Scope)} " +
                          $"to scopes your client is registered for, usually 'user_api.full_access'{(message is null ? string.Empty : " (" + message + ")")}";
            }

            SaltoKsApiException error = SaltoKsErrorMapper.Create((int)response.StatusCode, code, message, body, operation, Secrets(form));

            // 400 (invalid_grant, invalid_client…) and 401 mean the credentials are wrong: retrying will not help.
            throw (int)response.StatusCode is 400 or 401 && error is not SaltoKsAuthenticationException
                ? new SaltoKsAuthenticationException(error.Message, error.Status, error.ErrorCode, error.ServiceMessage, error.BodyExcerpt)
                : error;
        }

        SaltoKsTokenResponse? token;
        try
        {
            token = JsonSerializer.Deserialize(body, SaltoKsJsonContext.Default.SaltoKsTokenResponse);
        }
        catch (JsonException ex)
        {
            throw new SaltoKsApiException(
                $"The SALTO KS identity server's answer to {operation} is not a token response.",
                (int)response.StatusCode, null, null, SecretRedactor.Excerpt(body, mediaType: null, Secrets(form)), ex);
        }

        if (token is null || string.IsNullOrEmpty(token.AccessToken))
        {
            throw new SaltoKsApiException(
                $"The SALTO KS identity server's answer to {operation} has no access token.",
                (int)response.StatusCode, null, null, SecretRedactor.Excerpt(body, mediaType: null, Secrets(form)));
        }

        SaltoKsLog.TokenObtained(_logger, grantType, token.ExpiresIn);
        if (!string.IsNullOrEmpty(token.RefreshToken))
        {
            // Saved before the access token is used: a rotated refresh token must not be lost.
            await _store.SaveRefreshTokenAsync(token.RefreshToken, cancellationToken).ConfigureAwait(false);
            SaltoKsLog.RefreshTokenSaved(_logger);
        }

        return token;
    }

    private IEnumerable<string?> Secrets(List<KeyValuePair<string, string>> form) =>
        form.Where(f => SecretRedactor.IsSecretName(f.Key)).Select(f => f.Value)
            .Append(_options.ClientSecret).Append(_options.Password).Append(_options.RefreshToken);

    internal static Uri TokenEndpoint(Uri identityUrl) =>
        new(identityUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/connect/token", UriKind.Absolute);

    // RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and base64-encoded.
    internal static string BasicCredentials(string clientId, string clientSecret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{Uri.EscapeDataString(clientId).Replace("%20", "+", StringComparison.Ordinal)}:{Uri.EscapeDataString(clientSecret).Replace("%20", "+", StringComparison.Ordinal)}"));

    private sealed record CachedToken(string AccessToken, DateTimeOffset? RefreshAt);

    private sealed record Unreachable(UnreachableTokenEndpointException Error, DateTimeOffset Until);
}
