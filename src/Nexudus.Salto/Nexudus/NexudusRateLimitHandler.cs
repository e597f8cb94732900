namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Waits for <see cref="NexudusRateLimiter"/> before every request that goes on the wire
/// (including token requests and the retry after a 401), then marks the request as dispatched.
/// </summary>
internal sealed class NexudusRateLimitHandler(NexudusRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(request, 1, cancellationToken).ConfigureAwait(false);

        // From here on the service may receive the request, so a create that fails later is no
        // longer known to be unprocessed.
        request.Options.Set(NexudusRequestOptions.Dispatched, true);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
