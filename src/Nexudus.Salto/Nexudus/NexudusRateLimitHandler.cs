using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Waits for <see cref="NexudusRateLimiter"/> before every request that goes on the wire
/// (including token requests and the retry after a 401), then marks the request as dispatched.
/// </summary>
/// <remarks>
/// <para>
/// The lease is held until the response headers arrive, because the limiter counts a call as
/// taking place until then (the service may count it at any instant in between). A 409 (Nexudus's
/// throttling answer) tells the limiter its pacing was too tight for this link.
/// </para>
/// <para>
/// While Nexudus throttles an account it refuses every call of it, so a 409 or 429 pauses the whole
/// limiter for the announced wait: no call of this client starts before it has passed, not only the
/// refused one. The wait is read from <c>Retry-After</c>, or, when that is missing, from a
/// "Wait N seconds" message in the body; a wait read from the body is copied into
/// <c>Retry-After</c> so the retry and the exception see it too.
/// </para>
/// </remarks>
internal sealed partial class NexudusRateLimitHandler(NexudusRateLimiter limiter, bool pacedByResponse = false, TimeProvider? time = null) : DelegatingHandler
{
    // A throttling answer is a short message; a larger body is not read for a wait.
    private const int MaxThrottleBodyBytes = 16 * 1024;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (pacedByResponse)
        {
            request.Options.Set(NexudusRequestOptions.PacedByResponse, true);
        }

        HttpResponseMessage response;
        using (var lease = await limiter.AcquireAsync(request, 1, cancellationToken).ConfigureAwait(false))
        {
            if (!lease.IsAcquired && limiter.RemainingPause() is { } left)
            {
                // Never sent: the account is throttled for longer than the client waits, and the service would refuse it.
                return Throttled(request, left);
            }

            // From here on the service may receive the request, so a create that fails later is no
            // longer known to be unprocessed.
            request.Options.Set(NexudusRequestOptions.Dispatched, true);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests)
            {
                // Paused before the lease ends, so no waiting call slips through in between.
                var wait = NexudusResponseReader.GetRetryAfter(response.Headers.RetryAfter, _time)
                           ?? await ReadWaitFromMessageAsync(response, cancellationToken).ConfigureAwait(false);
                limiter.Pause(wait);
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    limiter.OnThrottled();
                }
            }
        }

        return response;
    }

    private static HttpResponseMessage Throttled(HttpRequestMessage request, TimeSpan left)
    {
        var seconds = Math.Ceiling(left.TotalSeconds);
        var response = new HttpResponseMessage(HttpStatusCode.Conflict)
        {
            RequestMessage = request,
            Content = new StringContent(
                string.Create(CultureInfo.InvariantCulture, $$"""{"Message":"Not sent: Nexudus throttled this account for another {{seconds}} s."}"""),
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    /// <summary>Reads "Wait N seconds" from a throttling answer's body, as one live client does for 429.</summary>
    internal static TimeSpan? ParseWait(string? text)
    {
        if (string.IsNullOrEmpty(text) || WaitPattern().Match(text) is not { Success: true } match ||
            !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ||
            seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static async Task<TimeSpan?> ReadWaitFromMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxThrottleBodyBytes)
        {
            return null;
        }

        string text;
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxThrottleBodyBytes, cancellationToken).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return null; // too large or cut off: no wait from the body
        }

        var wait = ParseWait(text);
        if (wait is { } found)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(found.TotalSeconds)));
        }

        return wait;
    }

    [GeneratedRegex(@"\bwait\s+(\d+(?:\.\d+)?)\s*(?:s\b|sec|second)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WaitPattern();
}
