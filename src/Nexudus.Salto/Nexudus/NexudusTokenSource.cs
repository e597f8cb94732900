using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexudus.Salto.Diagnostics;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Obtains and renews the Nexudus bearer token: the password grant first (with a TOTP code when a
/// provider is registered), then refresh grants with the rotating refresh token before the access
/// token expires, falling back to the password grant when a refresh fails. Concurrent callers
/// share one renewal.
/// </summary>
internal sealed class NexudusTokenSource : IDisposable
{
    /// <summary>The named <see cref="HttpClient"/> for <c>POST /api/token</c> (rate-limited and retried, never authenticated).</summary>
    public const string HttpClientName = "Nexudus.Salto.NexudusToken";

    private const string TokenPath = "api/token";
    private const string Endpoint = "POST " + TokenPath;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly NexudusClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly NexudusResponseReader _reader;
    private readonly INexudusTotpProvider? _totp;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile TokenState? _state;

    // Set when the token endpoint could not be reached (name not resolved, certificate rejected, connection
    // refused after its short retries): until then every caller fails at once with the same cause, so a run's
    // later reads do not each spend their retries on the token again.
    private volatile Unreachable? _unreachable;

    // The token client of this integration (a named integration has its own).
    private readonly string _httpClientName;

    public NexudusTokenSource(
        IHttpClientFactory httpClientFactory,
        IOptions<NexudusClientOptions> options,
        TimeProvider time,
        SecretRedactor redactor,
        ILogger<NexudusTokenSource> logger,
        INexudusTotpProvider? totp = null,
        string httpClientName = HttpClientName)
    {
        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _reader = new NexudusResponseReader(redactor, time);
        _totp = totp;
    }

    /// <summary>Returns a valid access token, renewing it first when it is due.</summary>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var state = _state;
        if (state is not null && _time.GetUtcNow() < state.RenewAt)
        {
            return state.AccessToken;
        }

        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have renewed the token while this one waited.
            state = _state;
            var now = _time.GetUtcNow();
            if (state is not null && now < state.RenewAt)
            {
                return state.AccessToken;
            }

            if (_unreachable is { } unreachable && now < unreachable.Until)
            {
                throw new NexudusApiException(unreachable.Error.Message, 0, Endpoint, null, null, null, unreachable.Error.InnerException);
            }

            try
            {
                _state = await RenewAsync(state, cancellationToken).ConfigureAwait(false);
                _unreachable = null;
                return _state.AccessToken;
            }
            catch (NexudusApiException ex) when (ex.Status == 0 && NetworkFailure.IsUnreachable(ex.InnerException) &&
                                                 !(state is not null && _time.GetUtcNow() < state.ExpiresAt))
            {
                _unreachable = new Unreachable(ex, _time.GetUtcNow() + NetworkFailure.UnreachableTokenHold);
                throw;
            }
            catch (NexudusApiException ex) when (state is not null && _time.GetUtcNow() < state.ExpiresAt)
            {
                // Renewal starts before expiry; a passing outage should not fail calls the current token still covers.
                NexudusLog.RenewalFailedKeepingToken(_logger, ex.Message);
                return state.AccessToken;
            }
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>
    /// Marks <paramref name="accessToken"/> as no longer accepted (the service answered 401), so the
    /// next <see cref="GetAccessTokenAsync"/> renews it. A token renewed meanwhile is left alone.
    /// </summary>
    public void Invalidate(string accessToken)
    {
        var state = _state;
        if (state is not null && state.AccessToken == accessToken)
        {
            var past = DateTimeOffset.MinValue;
            _state = state with { RenewAt = past, ExpiresAt = past };
        }
    }

    public void Dispose() => _renewal.Dispose();

    private async Task<TokenState> RenewAsync(TokenState? current, CancellationToken cancellationToken)
    {
        if (current?.RefreshToken is { } refreshToken && _time.GetUtcNow() < current.RefreshTokenExpiresAt)
        {
            try
            {
                return await RequestAsync(
                    "refresh_token",
                    [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)],
                    current,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (NexudusApiException ex) when (!(ex.Status == 0 && NetworkFailure.IsUnreachable(ex.InnerException)))
            {
                // An unreachable endpoint is not tried again with the password grant: it would fail the same way.
                NexudusLog.RefreshFailed(_logger, ex.ErrorCode ?? $"HTTP {ex.Status}");
            }
        }

        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "password"),
            new("username", _options.Username ?? string.Empty),
            new("password", _options.Password ?? string.Empty),
        };
        if (_totp is not null && await _totp.GetCodeAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } code)
        {
            fields.Add(new("totp", code));
        }

        return await RequestAsync("password", fields, current: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TokenState> RequestAsync(
        string grantType,
        List<KeyValuePair<string, string>> fields,
        TokenState? current,
        CancellationToken cancellationToken)
    {
        var clientId = string.IsNullOrWhiteSpace(_options.ClientId) ? null : _options.ClientId;
        if (clientId is not null && _options.ClientIdPlacement is NexudusClientIdPlacement.Form or NexudusClientIdPlacement.Both)
        {
            fields.Add(new("client_id", clientId));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, TokenPath) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (clientId is not null && _options.ClientIdPlacement is NexudusClientIdPlacement.Header or NexudusClientIdPlacement.Both)
        {
            request.Headers.TryAddWithoutValidation("client_id", clientId);
        }

        // Asking for a token twice is harmless; a rotated refresh token that was lost with its
        // response only makes the retry fail over to the password grant.
        request.Options.Set(NexudusRequestOptions.SafeToRepeat, true);
        request.Options.Set(NexudusRequestOptions.Endpoint, Endpoint);

        var requestedAt = _time.GetUtcNow();
        var http = _httpClientFactory.CreateClient(_httpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            var cause = NetworkFailure.Describe(ex, http.BaseAddress) is { } named ? $" ({named})" : string.Empty;
            throw new NexudusApiException($"Nexudus {Endpoint} could not be reached for the {grantType} grant{cause}.", 0, Endpoint, null, null, null, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await CreateTokenErrorAsync(response, grantType, cancellationToken).ConfigureAwait(false);
            }

            NexudusTokenResponse? token;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    token = await JsonSerializer.DeserializeAsync(stream, NexudusJsonContext.Default.NexudusTokenResponse, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException ex)
            {
                throw NexudusResponseReader.CreateMalformed(ex, (int)response.StatusCode, Endpoint);
            }

            if (token?.AccessToken is not { Length: > 0 } accessToken)
            {
                throw new NexudusAuthenticationException(
                    $"Nexudus {Endpoint} answered the {grantType} grant without an access token.",
                    (int)response.StatusCode, Endpoint, errorCode: null, bodyExcerpt: null);
            }

            _reader.Redactor.Remember(accessToken);
            _reader.Redactor.Remember(token.RefreshToken);
            var lifetime = TimeSpan.FromSeconds(Math.Max(0, token.ExpiresIn ?? 0));
            var lead = _options.TokenRefreshLeadTime < lifetime / 2 ? _options.TokenRefreshLeadTime : lifetime / 2;
            NexudusLog.TokenObtained(_logger, grantType, lifetime);
            var refreshToken = token.RefreshToken is { Length: > 0 } rotated ? rotated : current?.RefreshToken;
            return new TokenState(
                accessToken,
                RenewAt: requestedAt + lifetime - lead,
                ExpiresAt: requestedAt + lifetime,
                refreshToken,
                RefreshTokenExpiresAt: token.RefreshToken is { Length: > 0 }
                    ? requestedAt + _options.RefreshTokenLifetime
                    : current?.RefreshTokenExpiresAt ?? DateTimeOffset.MinValue);
        }
    }

    private async Task<NexudusApiException> CreateTokenErrorAsync(HttpResponseMessage response, string grantType, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is not (400 or 401 or 403))
        {
            return await _reader.CreateErrorAsync(response, Endpoint, cancellationToken).ConfigureAwait(false);
        }

        var body = await NexudusResponseReader.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        string? error = null;
        string? description = null;
        try
        {
            if (body is not null)
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    error = ReadString(document.RootElement, "error");
                    description = ReadString(document.RootElement, "error_description");
                }
            }
        }
        catch (JsonException)
        {
            // Not the OAuth error shape; the excerpt below still shows what came back.
        }

        var redactor = _reader.Redactor;
        var detail = description is null ? string.Empty : $": {redactor.Redact(description)}";
        return new NexudusAuthenticationException(
            $"Nexudus refused the {grantType} grant (HTTP {status}, {error ?? "no error code"}){detail}",
            status,
            Endpoint,
            error,
            redactor.Excerpt(body, response.Content.Headers.ContentType?.MediaType));
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record TokenState(
        string AccessToken,
        DateTimeOffset RenewAt,
        DateTimeOffset ExpiresAt,
        string? RefreshToken,
        DateTimeOffset RefreshTokenExpiresAt);

    private sealed record Unreachable(NexudusApiException Error, DateTimeOffset Until);
}
