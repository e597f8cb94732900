using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Authenticates every Nexudus call: a bearer token from <see cref="NexudusTokenSource"/> (renewed
/// and retried once after a 401), or HTTP Basic when configured.
/// </summary>
internal sealed class NexudusAuthenticationHandler(
    NexudusTokenSource tokens,
    IOptions<NexudusClientOptions> options,
    ILogger<NexudusAuthenticationHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.AuthenticationMode == NexudusAuthenticationMode.Basic)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.Username}:{o.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The token may have been revoked or expired early (the docs warn against trusting
        // expires_in); renew it and try once more. A second 401 is the caller's answer.
        NexudusLog.RetryingAfterUnauthorized(logger, NexudusRequestOptions.GetEndpoint(request));
        response.Dispose();
        tokens.Invalidate(token);
        token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
