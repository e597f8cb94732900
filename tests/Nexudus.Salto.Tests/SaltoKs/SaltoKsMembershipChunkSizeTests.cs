using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>The learned membership size: only ever lowered, never below 1, safe under concurrent learning.</summary>
public sealed class SaltoKsMembershipChunkSizeTests
{
    [Fact]
    public void Current_NothingLearned_IsTheConfiguredSize()
    {
        var size = new SaltoKsMembershipChunkSize();

        Assert.Equal((1000, (int?)null), (size.Current(1000), size.Learned));
    }

    [Fact]
    public void TryLower_LargerThanLearned_IsNeverRaised()
    {
        var size = new SaltoKsMembershipChunkSize();
        size.TryLower(50);

        bool raised = size.TryLower(500);

        Assert.Equal((false, 50), (raised, size.Current(1000)));
    }

    [Fact]
    public void TryLower_Zero_StopsAtOne()
    {
        var size = new SaltoKsMembershipChunkSize();

        size.TryLower(0);

        Assert.Equal(1, size.Current(1000));
    }

    [Fact]
    public void Current_ConfiguredBelowLearned_UsesTheConfiguredSize()
    {
        var size = new SaltoKsMembershipChunkSize();
        size.TryLower(500);

        Assert.Equal(200, size.Current(200));
    }

    [Fact]
    public async Task TryLower_ManyThreadsAtOnce_KeepsTheSmallest()
    {
        var size = new SaltoKsMembershipChunkSize();
        int[] candidates = [.. Enumerable.Range(1, 400).Select(i => 1 + ((i * 37) % 400))];

        await Task.WhenAll(candidates.Select(c => Task.Run(() => size.TryLower(c))));

        Assert.Equal(1, size.Learned);
    }
}
