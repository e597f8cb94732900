using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Diagnostics;
using Polly;
using Polly.Timeout;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The resilience pipelines of the SALTO KS clients (Microsoft.Extensions.Http.Resilience): a total timeout, retries
/// with <c>Retry-After</c> or jittered exponential back-off, and a timeout per attempt.
/// </summary>
/// <remarks>
/// API calls are retried on 429, 500, 502, 503, 504, network errors and attempt timeouts, except calls marked
/// <see cref="SaltoKsRequestOptions.NotRetryable"/> (creations). Bulk membership changes are set operations and safe to
/// repeat. A <c>Retry-After</c> longer than <see cref="SaltoKsClientOptions.MaxRetryAfter"/> is not waited for.
/// Token requests are retried only when the identity server surely did not process them (429, 503, no connection),
/// because a refresh token may rotate on a request whose answer was lost. What retrying cannot fix (a host name that
/// does not resolve, a rejected TLS certificate) is never retried, and a refused connection only
/// <see cref="NetworkFailure.RefusedRetries"/> times, quickly.
/// </remarks>
internal static class SaltoKsResilience
{
    public static void ConfigureApi(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SaltoKsClientOptions options, TimeProvider timeProvider, ILogger logger) =>
        Configure(pipeline, options, logger, (outcome, attempt) => IsRetryableApiOutcome(outcome, options, timeProvider, attempt));

    public static void ConfigureIdentity(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SaltoKsClientOptions options, TimeProvider timeProvider, ILogger logger) =>
        Configure(pipeline, options, logger, (outcome, attempt) => IsRetryableIdentityOutcome(outcome, options, timeProvider, attempt));

    internal static bool IsRetryableApiOutcome(Outcome<HttpResponseMessage> outcome, SaltoKsClientOptions options, TimeProvider timeProvider, int attemptNumber = 0)
    {
        if (outcome.Exception is { } exception)
        {
            return IsRetryableNetworkFailure(exception, attemptNumber) ?? exception is HttpRequestException or TimeoutRejectedException;
        }

        HttpResponseMessage response = outcome.Result!;
        if (SaltoKsRequestOptions.IsNotRetryable(response.RequestMessage))
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => WithinRetryAfterLimit(response, options, timeProvider),
            HttpStatusCode.ServiceUnavailable => WithinRetryAfterLimit(response, options, timeProvider),
            HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => true,
            _ => false,
        };
    }

    internal static bool IsRetryableIdentityOutcome(Outcome<HttpResponseMessage> outcome, SaltoKsClientOptions options, TimeProvider timeProvider, int attemptNumber = 0)
    {
        if (outcome.Exception is { } exception)
        {
            return IsRetryableNetworkFailure(exception, attemptNumber) ?? exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
        }

        HttpResponseMessage response = outcome.Result!;
        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable &&
               WithinRetryAfterLimit(response, options, timeProvider);
    }

    private static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        SaltoKsClientOptions options,
        ILogger logger,
        Func<Outcome<HttpResponseMessage>, int, bool> isRetryable)
    {
        pipeline.AddTimeout(options.TotalRequestTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    !SaltoKsRequestOptions.IsNotRetryable(args.Context.GetRequestMessage()) && isRetryable(args.Outcome, args.AttemptNumber)),
                OnRetry = args =>
                {
                    HttpRequestMessage? request = args.Context.GetRequestMessage();
                    string outcome = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    SaltoKsLog.Retrying(
                        logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?", args.RetryDelay, args.AttemptNumber + 1, outcome);
                    return default;
                },
            };

            // A refused connection is retried after a short, fixed wait; everything else keeps the strategy's own
            // delays (Retry-After when the answer has one, else jittered exponential back-off).
            var answerDelay = retry.DelayGenerator;
            retry.DelayGenerator = args =>
                NetworkFailure.Classify(args.Outcome.Exception) == NetworkFailureKind.ConnectionRefused
                    ? ValueTask.FromResult<TimeSpan?>(NetworkFailure.RefusedRetryDelay(args.AttemptNumber))
                    : answerDelay?.Invoke(args) ?? ValueTask.FromResult<TimeSpan?>(null);
            pipeline.AddRetry(retry);
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    // False for what retrying cannot fix, a bounded answer for a refused connection, null for the usual rules. A token
    // endpoint found unreachable was retried by the token's own pipeline already.
    private static bool? IsRetryableNetworkFailure(Exception exception, int attemptNumber)
    {
        if (exception is UnreachableTokenEndpointException)
        {
            return false;
        }

        return NetworkFailure.Classify(exception) switch
        {
            NetworkFailureKind.NameNotResolved or NetworkFailureKind.TlsRejected => false,
            NetworkFailureKind.ConnectionRefused => attemptNumber < NetworkFailure.RefusedRetries,
            _ => null,
        };
    }

    private static bool WithinRetryAfterLimit(HttpResponseMessage response, SaltoKsClientOptions options, TimeProvider timeProvider) =>
        SaltoKsErrorMapper.RetryAfter(response, timeProvider) is not { } wait || wait <= options.MaxRetryAfter;
}
