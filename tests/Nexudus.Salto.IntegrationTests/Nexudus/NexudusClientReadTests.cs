using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// The four reads of every one of the 16 entity sets, run by the real client against the sandbox:
/// streaming across capped pages, one page at a time with a cursor that another client resumes,
/// by id and by batch.
/// </summary>
public sealed class NexudusClientReadTests : IClassFixture<NexudusWorldFixture>
{
    private const long MissingId = 42;
    private readonly NexudusSandboxEnvironment _env;

    public NexudusClientReadTests(NexudusWorldFixture fixture)
    {
        _env = fixture.Environment;
        _env.Sandbox.Requests.Clear();
    }

    public static TheoryData<string> Sets() => NexudusEntitySet.Names();

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task ListAsync_SandboxServesFewerThanTheClientAsks_StreamsEveryRecordOnceByFollowingHasNextPage(string name)
    {
        var set = NexudusEntitySet.All[name];
        var stored = set.Stored(_env.Sandbox);

        var listed = await set.List(_env.Client, null).ToListAsync();

        // Every record once, each as the list endpoint serves it (without its collections).
        Assert.Equal(stored.Select(r => r.Id).Order(), listed.Select(r => r.Id).Order());
        foreach (var record in listed)
        {
            set.AssertSame(stored.Single(r => r.Id == record.Id), record, withoutCollections: true);
        }

        // The client asked for 5 a page, got 2, and kept asking while HasNextPage was true:
        // it neither stopped at the first short page nor skipped ahead by its own page size.
        var pages = (stored.Count + NexudusWorldFixture.SandboxMaxPageSize - 1) / NexudusWorldFixture.SandboxMaxPageSize;
        Assert.True(pages >= 3);
        Assert.Equal(
            Enumerable.Range(1, pages).Select(p => $"GET {set.Path}?page={p}&size={NexudusWorldFixture.ClientPageSize} 200"),
            _env.RequestsTo(set.Path));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task GetPageAsync_CursorSavedAsTextAndResumedByAnotherClient_ReadsTheRestWithoutGapsOrRepeats(string name)
    {
        var set = NexudusEntitySet.All[name];
        var stored = set.Stored(_env.Sandbox);

        var first = await set.Page(_env.Client, null, null);
        var saved = first.NextCursor!.ToString();

        // A later process: a client of its own, configured with another page size, starting
        // from the saved text; the cursor keeps the size its page numbers were counted in.
        var resumed = _env.CreateIndependentClient(o => o.PageSize = 3);
        var records = first.Records.ToList();
        var cursors = new List<NexudusPageCursor> { first.Cursor };
        NexudusPageCursor? next = NexudusPageCursor.Parse(saved);
        while (next is not null)
        {
            var page = await set.Page(resumed, null, next);
            cursors.Add(page.Cursor);
            records.AddRange(page.Records);
            next = page.NextCursor;
        }

        Assert.Equal(new NexudusPageCursor(1, NexudusWorldFixture.ClientPageSize), first.Cursor);
        Assert.Equal(NexudusWorldFixture.SandboxMaxPageSize, first.Records.Count);
        Assert.Equal(stored.Count, first.TotalItems);
        Assert.Equal(Enumerable.Range(1, cursors.Count), cursors.Select(c => c.Page));
        Assert.Equal(stored.Select(r => r.Id).Order(), records.Select(r => r.Id).Order());
        Assert.Equal(
            Enumerable.Range(1, cursors.Count).Select(p => $"GET {set.Path}?page={p}&size={NexudusWorldFixture.ClientPageSize} 200"),
            _env.RequestsTo(set.Path));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task GetAsync_EachStoredId_ReturnsTheFullRecordWithItsCollections(string name)
    {
        var set = NexudusEntitySet.All[name];

        foreach (var stored in set.Stored(_env.Sandbox))
        {
            var record = await set.Get(_env.Client, stored.Id);

            set.AssertSame(stored, record);
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task GetBatchAsync_IdsWithADuplicateAndAMissingOne_ReturnsEachFullRecordOnceInOneCall(string name)
    {
        var set = NexudusEntitySet.All[name];
        var stored = set.Stored(_env.Sandbox);
        long[] ids = [.. stored.Select(r => r.Id).Reverse(), stored[0].Id, MissingId];

        var records = await set.Batch(_env.Client, ids);

        Assert.Equal(stored.Select(r => r.Id).Reverse(), records.Select(r => r.Id));
        foreach (var record in records)
        {
            set.AssertSame(stored.Single(r => r.Id == record.Id), record);
        }

        var asked = string.Join(',', ids.Distinct());
        Assert.Equal([$"GET {set.Path}/?id=[{asked}] 200"], _env.RequestsTo(set.Path));
    }

    [Fact]
    public async Task GetCoworkerAsync_UnknownId_ThrowsNotFoundNamingTheEndpoint()
    {
        var error = await Assert.ThrowsAsync<NexudusNotFoundException>(() => _env.Client.GetCoworkerAsync(MissingId));

        Assert.Equal(404, error.Status);
        Assert.Equal("GET api/spaces/coworkers/{id}", error.Endpoint);
    }

    [Fact]
    public async Task ListCoworkersAsync_FullRecords_FillsTheCollectionsWithOneBatchGetPerPage()
    {
        var set = NexudusEntitySet.All["Coworkers"];
        var stored = _env.Sandbox.GetAll<Coworker>();

        var listed = await _env.Client.ListCoworkersAsync(new CoworkerQuery { FullRecords = true }).ToListAsync();

        foreach (var record in listed)
        {
            set.AssertSame(stored.Single(r => r.Id == record.Id), record);
        }

        Assert.Contains(listed, c => c.Teams is { Count: > 0 } && c.Businesses is { Count: > 0 });
        var requests = _env.RequestsTo(set.Path);
        var pages = requests.Count(r => r.Contains("?page=", StringComparison.Ordinal));
        var batches = requests.Count(r => r.Contains("/?id=[", StringComparison.Ordinal));
        Assert.Equal(stored.Count, listed.Count);
        Assert.Equal(6, pages);
        Assert.Equal(pages, batches);
    }

    [Fact]
    public async Task GetBookingAsync_LocationInNewYork_ServesTheLocalTwinsOnThatWallClock()
    {
        var harbour = _env.Sandbox.GetAll<Business>().Single(b => b.Name == "Harbour");
        var room = _env.Sandbox.GetAll<Resource>().Single(r => r.BusinessId == harbour.Id);
        var stored = _env.Sandbox.GetAll<Booking>().Single(b => b.ResourceId == room.Id);
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var booking = await _env.Client.GetBookingAsync(stored.Id);

        // 5 March 2025 09:00 UTC is 04:00 in New York (EST, UTC-5), whatever this machine's zone.
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 9, 0, 0, TimeSpan.Zero), booking.FromTime);
        Assert.Equal(new DateTime(2025, 3, 5, 4, 0, 0, DateTimeKind.Unspecified), booking.FromTimeLocal);
        Assert.Equal(DateTimeKind.Unspecified, booking.FromTimeLocal!.Value.Kind);
        Assert.Equal(TimeZoneInfo.ConvertTime(booking.ToTime!.Value, newYork).DateTime, booking.ToTimeLocal);
    }
}
