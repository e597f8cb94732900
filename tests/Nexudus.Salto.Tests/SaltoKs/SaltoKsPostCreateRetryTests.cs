using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Tests.Support;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>
/// The post-create retry window on its own: only 2202/2203 about a user created within the window are sent again,
/// after the configured delay on the clock; everything else reaches the caller at once.
/// </summary>
public sealed class SaltoKsPostCreateRetryTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private readonly ObservedFakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly SaltoKsPostCreateRetry _retry;

    public SaltoKsPostCreateRetryTests() =>
        _retry = new SaltoKsPostCreateRetry(
            new SaltoKsUserCreationLog(),
            new SaltoKsClientOptions { PostCreateRetryWindow = Window, PostCreateRetryDelay = Delay },
            _time,
            NullLogger.Instance);

    private static SaltoKsApiException Error(int status, string? code) => new($"SALTO KS answered {status}.", status, code, serviceMessage: null, bodyExcerpt: null);

    private static SiteUser User(string siteUserId, string platformUserId) =>
        new() { Id = new SiteUserId(siteUserId), User = new SaltoUser { Id = new PlatformUserId(platformUserId) } };

    [Theory]
    [InlineData(SaltoKsErrorMapper.NotFoundCode)]
    [InlineData(SaltoKsErrorMapper.ForbiddenCode)]
    public async Task RunAsync_UnknownUserWithinTheWindow_SendsAgainAfterTheDelay(string code)
    {
        int calls = 0;
        Task<int> run = _retry.RunAsync(
            _time.GetUtcNow(),
            "GET /v1.2/sites/s1/users/u1",
            _ => ++calls < 3 ? throw Error(404, code) : Task.FromResult(calls),
            CancellationToken.None);

        for (int waits = 1; waits <= 2; waits++)
        {
            await WaitForDelayAsync(waits);
            Assert.Equal(waits, calls);
            _time.Advance(Delay);
        }

        Assert.Equal(3, await run);
    }

    [Fact]
    public async Task RunAsync_NoCreationTime_RunsTheCallOnce()
    {
        int calls = 0;

        await Assert.ThrowsAsync<SaltoKsApiException>(() => _retry.RunAsync(
            createdAt: null, "DELETE /x", _ => { calls++; throw Error(404, SaltoKsErrorMapper.NotFoundCode); }, CancellationToken.None));

        Assert.Equal((1, 0), (calls, _time.DueTimes.Count));
    }

    [Fact]
    public async Task RunAsync_WindowOver_ReachesTheCallerAtOnce()
    {
        int calls = 0;
        DateTimeOffset createdAt = _time.GetUtcNow() - Window;

        await Assert.ThrowsAsync<SaltoKsApiException>(() => _retry.RunAsync(
            createdAt, "PATCH /x", _ => { calls++; throw Error(404, SaltoKsErrorMapper.NotFoundCode); }, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(400, SaltoKsErrorMapper.InvalidParameterCode)]
    [InlineData(404, null)]
    [InlineData(500, null)]
    public async Task RunAsync_OtherFailureOfANewUser_IsNotRetried(int status, string? code)
    {
        int calls = 0;

        var error = await Assert.ThrowsAsync<SaltoKsApiException>(() => _retry.RunAsync(
            _time.GetUtcNow(), "PATCH /x", _ => { calls++; throw Error(status, code); }, CancellationToken.None));

        Assert.Equal((1, status), (calls, error.Status));
    }

    [Fact]
    public async Task RunAsync_WindowEndsWhileRetrying_StopsRetrying()
    {
        int calls = 0;
        Task<bool> run = _retry.RunAsync(
            _time.GetUtcNow(), "POST /x", _ => { calls++; throw Error(404, SaltoKsErrorMapper.NotFoundCode); }, CancellationToken.None);

        // 2 min window, 5 s delay: attempts at 0, 5, …, 115 s; the one at 120 s is outside and fails.
        for (int waits = 1; !run.IsCompleted && waits <= 30; waits++)
        {
            await WaitForDelayAsync(waits, run);
            _time.Advance(Delay);
        }

        await Assert.ThrowsAsync<SaltoKsApiException>(() => run);
        Assert.Equal(25, calls);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_StopsWithCancellation()
    {
        using var cancel = new CancellationTokenSource();
        Task<bool> run = _retry.RunAsync(
            _time.GetUtcNow(), "GET /x", _ => throw Error(404, SaltoKsErrorMapper.NotFoundCode), cancel.Token);
        await WaitForDelayAsync(1);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public void Created_SiteUser_RecordsBothItsIdsAtTheClocksTime()
    {
        _retry.Created(User("su-1", "pu-1"));

        Assert.Equal(
            ((DateTimeOffset?)_time.GetUtcNow(), (DateTimeOffset?)_time.GetUtcNow(), (DateTimeOffset?)null),
            (_retry.CreatedAt(new SiteUserId("su-1")), _retry.CreatedAt(new PlatformUserId("pu-1")), _retry.CreatedAt(new PlatformUserId("pu-2"))));
    }

    [Fact]
    public void LatestCreatedAt_SeveralNewUsers_IsTheMostRecentCreation()
    {
        _retry.Created(User("su-1", "pu-1"));
        _time.Advance(TimeSpan.FromSeconds(30));
        _retry.Created(User("su-2", "pu-2"));

        DateTimeOffset? latest = _retry.LatestCreatedAt([new PlatformUserId("pu-1"), new PlatformUserId("pu-2"), new PlatformUserId("pu-9")]);

        Assert.Equal(_time.GetUtcNow(), latest);
    }

    // Waits (in real time, bounded) until the retry has started its n-th delay on the fake clock.
    private async Task WaitForDelayAsync(int count, Task? stopWhenDone = null)
    {
        for (int i = 0; i < 5000 && _time.DueTimes.Count(d => d == Delay) < count && stopWhenDone?.IsCompleted != true; i++)
        {
            await Task.Delay(2);
        }

        Assert.True(_time.DueTimes.Count(d => d == Delay) >= count || stopWhenDone?.IsCompleted == true, "The retry never started its delay.");
    }
}
