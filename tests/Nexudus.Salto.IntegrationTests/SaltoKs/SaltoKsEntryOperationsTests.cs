using System.Net;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.SaltoKs.SaltoKsClientOnSandbox;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>
/// Entries: time range, locks, order, and continuation-token paging, including empty pages that carry a
/// token and a read resumed from a token handed back earlier.
/// </summary>
public sealed class SaltoKsEntryOperationsTests
{
    private const string EntriesRoute = "/v1.1/sites/{site_id}/entries";
    private const string FrontDoor = "3f1c0000-0000-4000-8000-00000000f001";
    private const string Room101 = "3f1c0000-0000-4000-8000-00000000f101";
    private const string Room102 = "3f1c0000-0000-4000-8000-00000000f102";
    private static readonly PlatformUserId Ann = new("9b000000-0000-4000-8000-0000000000a1");

    /// <summary>
    /// Nine entries, one every ten minutes from 07:30 to 08:50 UTC, cycling front door, room 101, room 102;
    /// ids e0…e8 in time order.
    /// </summary>
    private static void SeedEntries(SaltoKsSandbox sandbox) => sandbox.Seed(b =>
    {
        b.User(new SiteUserId("5a000000-0000-4000-8000-0000000000a1"), Ann, email: "ann@example.com", firstName: "Ann")
            .Lock(FrontDoor, "Front door").Lock(Room101, "Room #101").Lock(Room102, "Room #102");
        string[] locks = [FrontDoor, Room101, Room102];
        for (int i = 0; i < 9; i++)
        {
            b.Entry(locks[i % 3], At(i), Ann, id: $"e{i}");
        }
    });

    private static DateTimeOffset At(int i) => Start.AddMinutes(-90 + (10 * i));

    private static Task<SaltoKsClientOnSandbox> StartWithEntriesAsync(Action<SaltoKsSandboxOptions>? sandbox = null, Action<SaltoKsClientOptions>? client = null) =>
        StartAsync(
            o =>
            {
                o.MaxEntryPageSize = 2;
                sandbox?.Invoke(o);
            },
            client);

    [Fact]
    public async Task GetEntriesAsync_NoQuery_ReadsEveryEntryOldestFirstAcrossPages()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync();
        SeedEntries(run.Sandbox);

        List<Entry> entries = await run.Client.GetEntriesAsync(SiteId, new SaltoKsEntryQuery { PageSize = 2 }).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"e{i}"), entries.Select(e => e.Id));
        Assert.Equal(5, run.Served("GET", EntriesRoute).Count);
    }

    [Fact]
    public async Task GetEntriesAsync_Entry_CarriesUtcAndSiteLocalTimesAndTheUser()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync();
        SeedEntries(run.Sandbox);

        Entry first = await run.Client.GetEntriesAsync(SiteId).FirstAsync();

        // 07:30 UTC is 08:30 in Madrid in March (CET).
        Assert.Equal((At(0), new DateTime(2025, 3, 4, 8, 30, 0), DateTimeKind.Unspecified), (first.UtcDateTime, first.LocalDateTime, first.LocalDateTime.Kind));
        Assert.Equal((FrontDoor, "Front door", Ann, "Ann"), (first.LockId, first.LockCustomerReference, first.UserId, first.UserFirstName));
    }

    [Fact]
    public async Task GetEntriesAsync_TimeRange_ReadsFromInclusiveToExclusive()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync();
        SeedEntries(run.Sandbox);

        List<Entry> entries = await run.Client.GetEntriesAsync(SiteId, new SaltoKsEntryQuery { From = At(2), To = At(5) }).ToListAsync();

        Assert.Equal(["e2", "e3", "e4"], entries.Select(e => e.Id));
    }

    [Fact]
    public async Task GetEntriesAsync_Descending_ReadsNewestFirstAcrossPages()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync();
        SeedEntries(run.Sandbox);

        List<Entry> entries = await run.Client
            .GetEntriesAsync(SiteId, new SaltoKsEntryQuery { From = At(4), Order = SaltoKsSortOrder.Descending })
            .ToListAsync();

        Assert.Equal(["e8", "e7", "e6", "e5", "e4"], entries.Select(e => e.Id));
    }

    [Fact]
    public async Task GetEntriesAsync_OneLock_IsFilteredByTheServiceWithEq()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync();
        SeedEntries(run.Sandbox);

        List<Entry> entries = await run.Client.GetEntriesAsync(SiteId, new SaltoKsEntryQuery { LockIds = [Room101] }).ToListAsync();

        Assert.Equal(["e1", "e4", "e7"], entries.Select(e => e.Id));
        Assert.All(run.Served("GET", EntriesRoute), r => Assert.Contains(Uri.EscapeDataString($"lock_id eq '{Room101}'"), r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetEntriesAsync_SeveralLocksByDefault_ReadsOnlyThoseLocksInOrderWithoutOr()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync();
        SeedEntries(run.Sandbox);

        List<Entry> entries = await run.Client
            .GetEntriesAsync(SiteId, new SaltoKsEntryQuery { LockIds = [Room102, FrontDoor], Order = SaltoKsSortOrder.Descending })
            .ToListAsync();

        Assert.Equal(["e8", "e6", "e5", "e3", "e2", "e0"], entries.Select(e => e.Id));
        Assert.All(run.Served("GET", EntriesRoute), r => Assert.Equal(200, r.StatusCode));
        Assert.DoesNotContain(run.Served("GET", EntriesRoute), r => r.Query.Contains("%20or%20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetEntriesAsync_SeveralLocksWithODataOrWhereTheTenantAcceptsIt_ReadsTheSameEntries()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync(
            sandbox: o => o.AcceptOrAndNotInFilters = true, client: o => o.EntryLockFilter = SaltoKsEntryLockFilterMode.ODataOr);
        SeedEntries(run.Sandbox);

        List<Entry> entries = await run.Client
            .GetEntriesAsync(SiteId, new SaltoKsEntryQuery { LockIds = [Room102, FrontDoor], Order = SaltoKsSortOrder.Descending })
            .ToListAsync();

        Assert.Equal(["e8", "e6", "e5", "e3", "e2", "e0"], entries.Select(e => e.Id));
        Assert.All(run.Served("GET", EntriesRoute), r => Assert.Contains("%20or%20", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetEntriesAsync_SeveralLocksWithODataOrWhereTheTenantRejectsIt_ThrowsInvalidFilter1102()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync(client: o => o.EntryLockFilter = SaltoKsEntryLockFilterMode.ODataOr);
        SeedEntries(run.Sandbox);

        SaltoKsInvalidFilterException error = await Assert.ThrowsAsync<SaltoKsInvalidFilterException>(
            () => run.Client.GetEntriesAsync(SiteId, new SaltoKsEntryQuery { LockIds = [Room102, FrontDoor] }).ToListAsync().AsTask());

        Assert.Equal((400, "1102"), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task GetEntriesAsync_EmptyPagesWithATokenFirst_KeepsReadingToTheData()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync(sandbox: o => o.EmptyEntryPagesFirst = 3);
        SeedEntries(run.Sandbox);

        List<Entry> entries = await run.Client.GetEntriesAsync(SiteId, new SaltoKsEntryQuery { From = At(6) }).ToListAsync();

        Assert.Equal(["e6", "e7", "e8"], entries.Select(e => e.Id));
        Assert.Equal(3 + 2, run.Served("GET", EntriesRoute).Count);
    }

    [Fact]
    public async Task GetEntriesAsync_TokenOnLastPage_StopsAtTheEmptyPageWithoutOne()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync(sandbox: o => o.EntryTokenOnLastPage = true);
        SeedEntries(run.Sandbox);

        List<Entry> entries = await run.Client.GetEntriesAsync(SiteId, new SaltoKsEntryQuery { From = At(5) }).ToListAsync();

        Assert.Equal(["e5", "e6", "e7", "e8"], entries.Select(e => e.Id));
        Assert.Equal(3, run.Served("GET", EntriesRoute).Count);
    }

    [Fact]
    public async Task GetEntriesAsync_SeveralLocksFilteredLocallyWithPagesOfOtherLocks_StillReadsToTheEnd()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync();
        SeedEntries(run.Sandbox);

        // With one entry a page, most pages hold only the lock left out: empty after filtering, yet not the end.
        List<Entry> entries = await run.Client
            .GetEntriesAsync(SiteId, new SaltoKsEntryQuery { LockIds = [FrontDoor, Room102], PageSize = 1, From = At(3) })
            .ToListAsync();

        Assert.Equal(["e3", "e5", "e6", "e8"], entries.Select(e => e.Id));
        Assert.Equal(6, run.Served("GET", EntriesRoute).Count);
    }

    [Fact]
    public async Task GetEntriesPageAsync_ResumedFromAReturnedToken_ReadsTheRestOnce()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync();
        SeedEntries(run.Sandbox);
        var query = new SaltoKsEntryQuery { From = At(1), PageSize = 2 };

        SaltoKsContinuationPage<Entry> first = await run.Client.GetEntriesPageAsync(SiteId, query);
        var rest = new List<Entry>();
        string? token = first.ContinuationToken;
        while (!string.IsNullOrEmpty(token))
        {
            // A later run, with only the token kept, picks up where the first one stopped.
            SaltoKsContinuationPage<Entry> page = await run.Client.GetEntriesPageAsync(SiteId, query, token);
            rest.AddRange(page.Items);
            token = page.ContinuationToken;
        }

        Assert.Equal(["e1", "e2"], first.Items.Select(e => e.Id));
        Assert.Equal(["e3", "e4", "e5", "e6", "e7", "e8"], rest.Select(e => e.Id));
    }

    [Fact]
    public async Task GetEntriesPageAsync_LastPage_HasNoToken()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync();
        SeedEntries(run.Sandbox);

        SaltoKsContinuationPage<Entry> page = await run.Client.GetEntriesPageAsync(SiteId, new SaltoKsEntryQuery { From = At(7) });

        Assert.Equal(["e7", "e8"], page.Items.Select(e => e.Id));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task GetEntriesPageAsync_EntriesStillBeingIngested_AreNotListedUntilTheDelayPasses()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync(sandbox: o => o.EntryIngestionDelay = TimeSpan.FromMinutes(5));
        SeedEntries(run.Sandbox);
        run.Sandbox.AddEntry(SiteId, FrontDoor, Ann, at: Start);
        var query = new SaltoKsEntryQuery { From = Start };

        SaltoKsContinuationPage<Entry> before = await run.Client.GetEntriesPageAsync(SiteId, query);
        run.Time.Advance(TimeSpan.FromMinutes(5));
        SaltoKsContinuationPage<Entry> after = await run.Client.GetEntriesPageAsync(SiteId, query);

        Assert.Empty(before.Items);
        Assert.Equal(Start, Assert.Single(after.Items).UtcDateTime);
    }

    [Fact]
    public async Task GetEntriesPageAsync_V12_IsRefusedWith405()
    {
        await using SaltoKsClientOnSandbox run = await StartWithEntriesAsync(client: o => o.ApiVersions.Entries = "v1.2");

        SaltoKsApiException error = await Assert.ThrowsAsync<SaltoKsApiException>(() => run.Client.GetEntriesPageAsync(SiteId));

        Assert.Equal((int)HttpStatusCode.MethodNotAllowed, error.Status);
    }
}
