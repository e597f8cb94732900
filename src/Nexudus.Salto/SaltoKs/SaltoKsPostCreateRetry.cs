using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The post-create retry window: SALTO KS answers <c>2202</c>/<c>2203</c> about a user for about a minute after
/// creating it, so a call about a user this process created within
/// <see cref="SaltoKsClientOptions.PostCreateRetryWindow"/> is sent again after
/// <see cref="SaltoKsClientOptions.PostCreateRetryDelay"/> when it fails so; any other failure, and any failure about
/// a user not created recently, is left to the caller.
/// </summary>
/// <remarks>The creation times live in a <see cref="SaltoKsUserCreationLog"/> shared by the clients of a service provider.</remarks>
internal sealed class SaltoKsPostCreateRetry(SaltoKsUserCreationLog creations, SaltoKsClientOptions options, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Records that <paramref name="user"/> was created (or found after an uncertain create) now.</summary>
    public void Created(SiteUser user) => creations.Record(user, timeProvider.GetUtcNow(), options.PostCreateRetryWindow);

    /// <summary>When this process created the site user, or <see langword="null"/> when not recently.</summary>
    public DateTimeOffset? CreatedAt(SiteUserId id) => creations.CreatedAt(id);

    /// <summary>When this process created the platform user, or <see langword="null"/> when not recently.</summary>
    public DateTimeOffset? CreatedAt(PlatformUserId id) => creations.CreatedAt(id);

    /// <summary>The latest creation among several platform users, or <see langword="null"/> when none is recent.</summary>
    public DateTimeOffset? LatestCreatedAt(IEnumerable<PlatformUserId> ids) => creations.LatestCreatedAt(ids);

    /// <summary>Runs <paramref name="call"/>, again after each <c>2202</c>/<c>2203</c> while the user is new.</summary>
    /// <param name="createdAt">When the user the call is about was created; <see langword="null"/> runs the call once.</param>
    /// <param name="operation">The method and path, for the log.</param>
    /// <param name="call">The call to run.</param>
    /// <param name="cancellationToken">Cancels the call and the waits between attempts.</param>
    public Task<bool> RunAsync(DateTimeOffset? createdAt, string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(
            createdAt,
            operation,
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <inheritdoc cref="RunAsync(DateTimeOffset?, string, Func{CancellationToken, Task}, CancellationToken)"/>
    public async Task<T> RunAsync<T>(DateTimeOffset? createdAt, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (SaltoKsApiException ex) when (
                createdAt is { } at &&
                ex.ErrorCode is SaltoKsErrorMapper.NotFoundCode or SaltoKsErrorMapper.ForbiddenCode &&
                timeProvider.GetUtcNow() - at < options.PostCreateRetryWindow)
            {
                SaltoKsLog.PostCreateRetry(logger, ex.ErrorCode, timeProvider.GetUtcNow() - at, operation, options.PostCreateRetryDelay);
                await Task.Delay(options.PostCreateRetryDelay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
