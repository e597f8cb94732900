using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Diagnostics;
using Polly;
using Polly.Timeout;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The resilience pipelines of the Nexudus clients, built for how Nexudus behaves: 409 means
/// throttled (never a conflict) and comes with <c>Retry-After</c>; a create may only be repeated
/// when the service certainly did not process it.
/// </summary>
/// <remarks>
/// Order, outermost first: total timeout, retry, circuit breaker, attempt timeout. The rate limiter
/// and the authentication handler sit inside, so every attempt is limited and authenticated anew.
/// </remarks>
internal static class NexudusResilience
{
    public const string PipelineName = "nexudus";
    public const string TokenPipelineName = "nexudus-token";

    public static void ConfigureCalls(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        NexudusClientOptions options,
        TimeProvider time,
        ILogger logger)
    {
        pipeline.TimeProvider = time;
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        AddRetry(pipeline, options, time, logger);
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            BreakDuration = options.CircuitBreakerBreakDuration,
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    public static void ConfigureTokenCalls(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        NexudusClientOptions options,
        TimeProvider time,
        ILogger logger)
    {
        pipeline.TimeProvider = time;
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        AddRetry(pipeline, options, time, logger);
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>
    /// Whether an attempt's outcome may be retried. Throttling (409, 429) and connections that
    /// were never made are retried for every request; 5xx, 408, timeouts and dropped connections
    /// only for requests marked safe to repeat (reads, PUT, DELETE) or never dispatched. What
    /// retrying cannot fix (a host name that does not resolve, a rejected TLS certificate) is never
    /// retried, and a refused connection only <see cref="NetworkFailure.RefusedRetries"/> times.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxRetryAfter, TimeProvider time, int attemptNumber = 0)
    {
        // Only the attempt's own failure: a NexudusApiException from the token source (its endpoint unreachable) was
        // retried by the token's pipeline already and is not retried here.
        switch (NetworkFailure.Classify(outcome.Exception as HttpRequestException))
        {
            case NetworkFailureKind.NameNotResolved or NetworkFailureKind.TlsRejected:
                return false;
            case NetworkFailureKind.ConnectionRefused:
                return attemptNumber < NetworkFailure.RefusedRetries;
        }

        var safe = request is null || NexudusRequestOptions.IsSafeToRepeat(request);
        var unsent = request is not null && !NexudusRequestOptions.WasDispatched(request);
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (status is 409 or 429)
            {
                var wait = NexudusResponseReader.GetRetryAfter(response.Headers.RetryAfter, time);
                return wait is null || wait <= maxRetryAfter;
            }

            return (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout) && safe;
        }

        return outcome.Exception switch
        {
            TimeoutRejectedException => safe || unsent,
            HttpRequestException ex => safe || unsent || NeverConnected(ex),
            _ => false,
        };
    }

    private static bool NeverConnected(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError ||
        exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private static void AddRetry(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        NexudusClientOptions options,
        TimeProvider time,
        ILogger logger)
    {
        if (options.MaxRetryAttempts == 0)
        {
            return;
        }

        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            ShouldRetryAfterHeader = false, // handled below, so that the limit on waits applies
            ShouldHandle = args => ValueTask.FromResult(
                ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), options.MaxRetryAfter, time, args.AttemptNumber)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? NexudusResponseReader.GetRetryAfter(response.Headers.RetryAfter, time)
                : NetworkFailure.Classify(args.Outcome.Exception) == NetworkFailureKind.ConnectionRefused ? NetworkFailure.RefusedRetryDelay(args.AttemptNumber)
                : (TimeSpan?)null),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var outcome = args.Outcome.Result is { } r
                    ? $"HTTP {(int)r.StatusCode}"
                    : args.Outcome.Exception?.GetType().Name ?? "unknown";
                NexudusLog.Retrying(
                    logger,
                    request is null ? "(unknown)" : NexudusRequestOptions.GetEndpoint(request),
                    outcome,
                    args.AttemptNumber + 1,
                    args.RetryDelay);
                return default;
            },
        });
    }
}
