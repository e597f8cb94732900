using Nexudus.Salto.Nexudus;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusClientPagingTests
{
    private const string Coworkers = NexudusHarness.BaseUrl + "api/spaces/coworkers";

    [Fact]
    public async Task ListCoworkersAsync_ServerCapsPageSize_FollowsHasNextPageUntilFalse()
    {
        // Asked for 500, the server serves 2 per page: paging must not stop after a "short" page.
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Get, Coworkers).WithExactQueryString("page=1&size=500")
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(1, 2), 1, hasNext: true, pageSize: 2));
        harness.Http.Expect(HttpMethod.Get, Coworkers).WithExactQueryString("page=2&size=500")
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(3, 4), 2, hasNext: true, pageSize: 2));
        harness.Http.Expect(HttpMethod.Get, Coworkers).WithExactQueryString("page=3&size=500")
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(5), 3, hasNext: false, pageSize: 2));

        var ids = await harness.Client.ListCoworkersAsync().Select(c => c.Id).ToListAsync();

        Assert.Equal([1L, 2, 3, 4, 5], ids);
        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ListCoworkersAsync_FullPageWithoutNextPage_StopsWithoutAskingAgain()
    {
        using var harness = NexudusHarness.WithToken(o => o.PageSize = 2);
        var first = harness.Http.When(HttpMethod.Get, Coworkers)
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(1, 2), 1, hasNext: false, pageSize: 2));

        var ids = await harness.Client.ListCoworkersAsync().Select(c => c.Id).ToListAsync();

        Assert.Equal([1L, 2], ids);
        Assert.Equal(1, harness.Http.GetMatchCount(first));
    }

    [Fact]
    public async Task GetCoworkersPageAsync_OlderPageNumberField_IsAcceptedInPlaceOfCurrentPage()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Coworkers)
            .Respond("application/json", """{"Records":[{"Id":1}],"PageNumber":1,"PageSize":25,"HasNextPage":true}""");

        var page = await harness.Client.GetCoworkersPageAsync();

        Assert.Equal(new NexudusPageCursor(2, 500), page.NextCursor);
    }

    [Fact]
    public async Task GetCoworkersPageAsync_ServerReturnsAnotherPage_ThrowsRatherThanSkipOrRepeat()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Coworkers)
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(9), 2, hasNext: false));

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => harness.Client.GetCoworkersPageAsync(cursor: new NexudusPageCursor(3, 500)));

        Assert.Contains("page 2 when page 3", error.Message);
    }

    [Fact]
    public async Task ListCoworkersAsync_EmptyPageClaimingANextPage_Throws()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Coworkers)
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: true));

        await Assert.ThrowsAsync<NexudusApiException>(async () => await harness.Client.ListCoworkersAsync().ToListAsync());
    }

    [Fact]
    public async Task GetCoworkersPageAsync_LastPage_HasNoNextCursorAndReportsTotal()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Coworkers)
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(1), 1, hasNext: false));

        var page = await harness.Client.GetCoworkersPageAsync();

        Assert.Null(page.NextCursor);
        Assert.Equal(1, page.TotalItems);
        Assert.Equal(new NexudusPageCursor(1, 500), page.Cursor);
    }

    [Fact]
    public async Task ListTeamsAsync_FullRecords_ReReadsEachPageByBatchKeepingPageOrder()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/teams").WithExactQueryString("page=1&size=500")
            .Respond("application/json", NexudusHarness.Page("""{"Id":2,"Name":"B"},{"Id":1,"Name":"A"},{"Id":3,"Name":"Gone"}""", 1, hasNext: false));
        harness.Http.Expect(HttpMethod.Get, NexudusHarness.BaseUrl + "api/spaces/teams/")
            .With(r => r.RequestUri!.Query == "?id=[2,1,3]")
            .Respond("application/json", """[{"Id":1,"Name":"A","TeamMembers":[11,12]},{"Id":2,"Name":"B","TeamMembers":[21]}]""");

        var teams = await harness.Client.ListTeamsAsync(new TeamQuery { FullRecords = true }).ToListAsync();

        Assert.Equal([2L, 1], teams.Select(t => t.Id));
        Assert.Equal([21L], teams[0].TeamMembers);
        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetCoworkersAsync_MoreIdsThanBatchSize_SendsChunksOfBatchSizeWithoutDuplicates()
    {
        using var harness = NexudusHarness.WithToken(o => o.BatchSize = 2);
        var queries = new List<string>();
        harness.Http.When(HttpMethod.Get, Coworkers + "/")
            .With(r =>
            {
                lock (queries)
                {
                    queries.Add(r.RequestUri!.Query);
                }

                return true;
            })
            .Respond(r => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(
                    "[" + NexudusHarness.Records([.. r.RequestUri!.Query[5..^1].Split(',').Select(long.Parse)]) + "]",
                    System.Text.Encoding.UTF8,
                    "application/json"),
            });

        var coworkers = await harness.Client.GetCoworkersAsync([1, 2, 2, 3, 4, 5]);

        Assert.Equal(["?id=[1,2]", "?id=[3,4]", "?id=[5]"], queries);
        Assert.Equal([1L, 2, 3, 4, 5], coworkers.Select(c => c.Id));
    }

    [Fact]
    public async Task GetCoworkersAsync_NoIds_SendsNothing()
    {
        using var harness = NexudusHarness.Create();
        var anything = harness.Http.When("*").Respond("application/json", "[]");

        var coworkers = await harness.Client.GetCoworkersAsync([]);

        Assert.Empty(coworkers);
        Assert.Equal(0, harness.Http.GetMatchCount(anything));
    }

    [Fact]
    public async Task ListCoworkersAsync_CancelledBetweenPages_StopsReading()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Coworkers)
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(1), 1, hasNext: true));
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in harness.Client.ListCoworkersAsync(cancellationToken: cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });
    }

    [Theory]
    [InlineData("""{}""", "without Records")]
    [InlineData("""{"Records":null,"TotalItems":0,"HasNextPage":false}""", "without Records")]
    [InlineData("""{"Records":[]}""", "without a page number or totals")]
    [InlineData("""{"Records":[{"Id":1}],"HasNextPage":false}""", "without a page number or totals")]
    [InlineData("""{"Records":[{"Id":1}],"CurrentPage":1,"CurrentPageSize":500,"TotalItems":351,"TotalPages":1,"HasNextPage":false}""", "1 of the 351")]
    [InlineData("""{"Records":[{"Id":1}],"CurrentPage":1,"CurrentPageSize":500,"TotalItems":1,"TotalPages":1,"HasNextPage":true}""", "page after page 1 of 1")]
    public async Task ListCoworkersAsync_MalformedOrShortList_FailsInsteadOfReadingFewerCustomers(string body, string expected)
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.When(HttpMethod.Get, Coworkers).Respond("application/json", body);

        var error = await Assert.ThrowsAsync<NexudusApiException>(async () => await harness.Client.ListCoworkersAsync().ToListAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListCoworkersAsync_ServerThatAlwaysClaimsANextPage_StopsAtTotalPages()
    {
        using var harness = NexudusHarness.WithToken();
        var calls = 0;
        harness.Http.When(HttpMethod.Get, Coworkers).Respond(request =>
        {
            Interlocked.Increment(ref calls);
            var page = int.Parse(System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"]!, System.Globalization.CultureInfo.InvariantCulture);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(
                    $$"""{"Records":[{"Id":{{page}}}],"CurrentPage":{{page}},"CurrentPageSize":1,"TotalItems":3,"TotalPages":3,"HasNextPage":true}""",
                    System.Text.Encoding.UTF8,
                    "application/json"),
            };
        });

        await Assert.ThrowsAsync<NexudusApiException>(async () => await harness.Client.ListCoworkersAsync().ToListAsync());

        Assert.Equal(3, calls);
    }
}
