using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Puts the SALTO KS access token on every API request and, when the API answers 401, renews the token and sends the
/// request once more.
/// </summary>
/// <remarks>
/// It sits inside the resilience pipeline, so each retry attempt carries a current token. Request bodies are
/// buffered by the client, so sending one twice is safe.
/// </remarks>
internal sealed class SaltoKsBearerTokenHandler : DelegatingHandler
{
    private readonly ISaltoKsTokenProvider _tokenProvider;
    private readonly ILogger _logger;

    public SaltoKsBearerTokenHandler(ISaltoKsTokenProvider tokenProvider, ILogger<SaltoKsBearerTokenHandler> logger)
    {
        _tokenProvider = tokenProvider;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string token = await _tokenProvider.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        SaltoKsLog.RenewingAfterUnauthorized(_logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty);
        response.Dispose();
        string renewed = await _tokenProvider.RenewAccessTokenAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
