using Nexudus.Salto.CheckIns;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.CheckIns;

/// <summary>
/// The check-in bridge's entry stream on its own: every entry once and in order across pages, and a look-ahead
/// that reads on without losing or repeating an entry, bounded by the caller's stop.
/// </summary>
public sealed class CheckInEntryStreamTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly PagedSalto _salto = new(
        [E(1), E(2)],
        [E(3), E(4)],
        [E(5)]);

    private CheckInEntryStream Stream() => new(_salto, "s1", new SaltoKsEntryQuery());

    private static Entry E(int n) => new() { Id = "e" + n, UtcDateTime = Start.AddMinutes(n) };

    private static async Task<List<string>> ReadAllAsync(CheckInEntryStream stream)
    {
        var ids = new List<string>();
        while (await stream.NextAsync(CancellationToken.None) is { } entry)
        {
            ids.Add(entry.Id);
        }

        return ids;
    }

    [Fact]
    public async Task NextAsync_SeveralPages_ReadsEveryEntryOnceInOrder()
    {
        List<string> ids = await ReadAllAsync(Stream());

        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], ids);
        Assert.Equal([null, "t1", "t2"], _salto.TokensAsked);
    }

    [Fact]
    public async Task FindAheadAsync_MatchOnALaterPage_FindsItAndTheStreamStillReadsEveryEntry()
    {
        CheckInEntryStream stream = Stream();
        await stream.NextAsync(CancellationToken.None);

        Entry? found = await stream.FindAheadAsync(e => e.Id == "e4", _ => false, CancellationToken.None);

        Assert.Equal("e4", found?.Id);
        Assert.Equal(["e2", "e3", "e4", "e5"], await ReadAllAsync(stream));
        Assert.Equal(3, _salto.TokensAsked.Count);
    }

    [Fact]
    public async Task FindAheadAsync_StopBeforeTheMatch_FindsNothingAndReadsNoFurther()
    {
        CheckInEntryStream stream = Stream();
        await stream.NextAsync(CancellationToken.None);

        Entry? found = await stream.FindAheadAsync(e => e.Id == "e5", e => e.UtcDateTime >= Start.AddMinutes(3), CancellationToken.None);

        Assert.Equal((null, 2), (found?.Id, _salto.TokensAsked.Count));
    }

    [Fact]
    public async Task FindAheadAsync_NoMatch_ReturnsNothingAtTheEnd()
    {
        CheckInEntryStream stream = Stream();

        Entry? found = await stream.FindAheadAsync(e => e.Id == "e9", _ => false, CancellationToken.None);

        Assert.Null(found);
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], await ReadAllAsync(stream));
    }

    /// <summary>Entries in pages chained by continuation tokens t1, t2, …; the last page has none.</summary>
    private sealed class PagedSalto(params IReadOnlyList<Entry>[] pages) : SaltoKsClient
    {
        public List<string?> TokensAsked { get; } = [];

        public override Task<SaltoKsContinuationPage<Entry>> GetEntriesPageAsync(
            string siteId, SaltoKsEntryQuery? query = null, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            TokensAsked.Add(continuationToken);
            int index = continuationToken is null ? 0 : int.Parse(continuationToken[1..], System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(new SaltoKsContinuationPage<Entry>
            {
                Items = pages[index],
                ContinuationToken = index + 1 < pages.Length ? "t" + (index + 1) : null,
            });
        }
    }
}
