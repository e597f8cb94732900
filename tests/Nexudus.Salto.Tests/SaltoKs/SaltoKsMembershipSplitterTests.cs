using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>
/// Membership halving and learning on their own, against a fake SALTO KS call: calls of the current size, a call
/// rejected as a whole sent again in halves, the size learned only when both halves are accepted, and no endless
/// splitting when every single id fails.
/// </summary>
public sealed class SaltoKsMembershipSplitterTests
{
    private readonly SaltoKsMembershipChunkSize _learned = new();
    private readonly List<AccessGroupUsersChange> _sent = [];

    private SaltoKsMembershipSplitter Splitter(int configured) =>
        new(_learned, new SaltoKsClientOptions { MembershipChunkSize = configured }, NullLogger.Instance);

    private static List<PlatformUserId> Ids(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => new PlatformUserId($"{prefix}{i}"))];

    private static SaltoKsApiException Error(int status, string? code = null) =>
        new($"SALTO KS answered {status}.", status, code, serviceMessage: null, bodyExcerpt: null);

    // A fake SALTO KS: records each call, then fails it when the rule says so.
    private Func<AccessGroupUsersChange, CancellationToken, Task> Service(Func<AccessGroupUsersChange, Exception?> fails) => (change, _) =>
    {
        _sent.Add(change);
        return fails(change) is { } error ? Task.FromException(error) : Task.CompletedTask;
    };

    private Task<(AccessGroupMembersChangeResult Result, int Calls)> ChangeAsync(
        int configured, List<PlatformUserId> adds, List<PlatformUserId> removes, Func<AccessGroupUsersChange, Exception?> fails) =>
        Splitter(configured).ChangeAsync("s1", "g1", adds, removes, Service(fails), CancellationToken.None);

    [Fact]
    public async Task ChangeAsync_WithinTheSize_SendsOneCall()
    {
        (AccessGroupMembersChangeResult result, int calls) = await ChangeAsync(10, Ids("a", 3), Ids("r", 2), _ => null);

        Assert.Equal((1, true, 3, 2), (calls, result.Succeeded, result.AddedIds.Count, result.RemovedIds.Count));
    }

    [Fact]
    public async Task ChangeAsync_MoreIdsThanTheSize_CutsCallsOfTheSizeFromBothLists()
    {
        (_, int calls) = await ChangeAsync(2, Ids("a", 5), Ids("r", 1), _ => null);

        Assert.Equal(3, calls);
        Assert.Equal([(2, 1), (2, 0), (1, 0)], _sent.Select(c => (c.AddIds.Count, c.RemoveIds.Count)));
    }

    [Fact]
    public async Task ChangeAsync_TooLargeAndBothHalvesAccepted_LearnsTheHalfSize()
    {
        (AccessGroupMembersChangeResult result, int calls) = await ChangeAsync(
            8, Ids("a", 8), [], c => c.AddIds.Count > 4 ? Error(413) : null);

        Assert.Equal((3, true, 8, (int?)4), (calls, result.Succeeded, result.AddedIds.Count, _learned.Learned));
    }

    [Fact]
    public async Task ChangeAsync_SizeLearned_LaterChangesStartThere()
    {
        await ChangeAsync(8, Ids("a", 8), [], c => c.AddIds.Count > 4 ? Error(400, SaltoKsErrorMapper.InvalidParameterCode) : null);
        _sent.Clear();

        (_, int calls) = await ChangeAsync(8, Ids("b", 8), [], c => c.AddIds.Count > 4 ? Error(413) : null);

        Assert.Equal((2, 4), (calls, _sent.Max(c => c.AddIds.Count)));
    }

    [Fact]
    public async Task ChangeAsync_RejectedWhole_HalvesEachListWithTheOddAddFirstAndTheOddRemoveSecond()
    {
        await ChangeAsync(3, Ids("a", 3), Ids("r", 3), c => c.AddIds.Count + c.RemoveIds.Count > 3 ? Error(413) : null);

        Assert.Equal([(3, 3), (2, 1), (1, 2)], _sent.Select(c => (c.AddIds.Count, c.RemoveIds.Count)));
        Assert.Equal(2, _learned.Learned);
    }

    [Fact]
    public async Task ChangeAsync_OneUnknownUser_IsolatesItAndAppliesTheRestWithoutLearning()
    {
        var bad = new PlatformUserId("a3");

        (AccessGroupMembersChangeResult result, _) = await ChangeAsync(
            4, Ids("a", 4), [], c => c.AddIds.Contains(bad) ? Error(404, SaltoKsErrorMapper.NotFoundCode) : null);

        Assert.Equal([bad], result.FailedAddIds);
        Assert.Equal(3, result.AddedIds.Count);
        Assert.Null(_learned.Learned);
    }

    [Fact]
    public async Task ChangeAsync_GroupUnknownToEveryCall_StopsSplittingAfterTwoSingleIdsFail()
    {
        (AccessGroupMembersChangeResult result, int calls) = await ChangeAsync(
            8, Ids("a", 8), [], _ => Error(404, SaltoKsErrorMapper.NotFoundCode));

        // 8 → 4 → 2 → 1 + 1 (both fail alone), then the remaining 2 and 4 are reported failed whole.
        Assert.Equal((7, 8, 4), (calls, result.FailedAddIds.Count, result.Chunks.Count));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(403)]
    public async Task ChangeAsync_FailureThatSaysNothingAboutSize_IsReportedWithoutSplitting(int status)
    {
        (AccessGroupMembersChangeResult result, int calls) = await ChangeAsync(10, Ids("a", 4), Ids("r", 4), _ => Error(status));

        Assert.Equal((1, 4, 4), (calls, result.FailedAddIds.Count, result.FailedRemoveIds.Count));
        Assert.Null(_learned.Learned);
    }

    [Fact]
    public async Task ChangeAsync_OneCallFails_TheOthersAreStillSent()
    {
        (AccessGroupMembersChangeResult result, int calls) = await ChangeAsync(
            2, Ids("a", 6), [], c => c.AddIds.Contains(new PlatformUserId("a3")) ? new HttpRequestException("reset") : null);

        Assert.Equal((3, 4, 2), (calls, result.AddedIds.Count, result.FailedAddIds.Count));
    }

    [Fact]
    public async Task ChangeAsync_CallersCancellation_Propagates()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Splitter(10).ChangeAsync(
            "s1", "g1", Ids("a", 2), [], (_, ct) => Task.FromCanceled(ct), cancel.Token));
    }
}
