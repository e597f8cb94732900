namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Waits for <see cref="NexudusRateLimiter"/> before every request that goes on the wire
/// (including token requests and the retry after a 401), then marks the request as dispatched.
/// </summary>
/// <remarks>
/// The lease is held until the response headers arrive, because the limiter counts a call as
/// taking place until then (the service may count it at any instant in between). A 409 (Nexudus's
/// throttling answer) tells the limiter its pacing was too tight for this link.
/// </remarks>
internal sealed class NexudusRateLimitHandler(NexudusRateLimiter limiter, bool pacedByResponse = false) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (pacedByResponse)
        {
            request.Options.Set(NexudusRequestOptions.PacedByResponse, true);
        }

        using var lease = await limiter.AcquireAsync(request, 1, cancellationToken).ConfigureAwait(false);

        // From here on the service may receive the request, so a create that fails later is no
        // longer known to be unprocessed.
        request.Options.Set(NexudusRequestOptions.Dispatched, true);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            limiter.OnThrottled();
        }

        return response;
    }
}
