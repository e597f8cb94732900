using System.Net;
using Nexudus.Salto.Nexudus;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusClientRequestTests
{
    private const string Base = NexudusHarness.BaseUrl;

    [Theory]
    [MemberData(nameof(NexudusEntityOperations.Names), MemberType = typeof(NexudusEntityOperations))]
    public async Task GetPageAsync_EveryEntity_SendsGetWithPageSizeBearerAndAcceptJson(string entity)
    {
        using var harness = NexudusHarness.WithToken();
        var operations = NexudusEntityOperations.All[entity];
        var request = harness.Http.Expect(HttpMethod.Get, Base + operations.Path)
            .WithExactQueryString("page=1&size=500")
            .WithHeaders("Authorization", "Bearer " + NexudusHarness.AccessToken)
            .WithHeaders("Accept", "application/json")
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(1), 1, hasNext: false));

        await operations.FirstPage(harness.Client);

        harness.Http.VerifyNoOutstandingExpectation();
        Assert.Equal(1, harness.Http.GetMatchCount(request));
    }

    [Theory]
    [MemberData(nameof(NexudusEntityOperations.Names), MemberType = typeof(NexudusEntityOperations))]
    public async Task GetByIdAsync_EveryEntity_SendsGetToRecordPath(string entity)
    {
        using var harness = NexudusHarness.WithToken();
        var operations = NexudusEntityOperations.All[entity];
        harness.Http.Expect(HttpMethod.Get, Base + operations.Path + "/1415604543")
            .WithExactQueryString(string.Empty)
            .WithHeaders("Authorization", "Bearer " + NexudusHarness.AccessToken)
            .Respond("application/json", """{"Id":1415604543}""");

        await operations.GetById(harness.Client);

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [MemberData(nameof(NexudusEntityOperations.Names), MemberType = typeof(NexudusEntityOperations))]
    public async Task GetBatchAsync_EveryEntity_SendsIdsInSquareBrackets(string entity)
    {
        using var harness = NexudusHarness.WithToken();
        var operations = NexudusEntityOperations.All[entity];
        string? sent = null;
        harness.Http.Expect(HttpMethod.Get, Base + operations.Path + "/")
            .With(r =>
            {
                sent = r.RequestUri!.PathAndQuery;
                return true;
            })
            .Respond("application/json", "[" + NexudusHarness.Records(1415604543, 1415604544) + "]");

        await operations.GetBatch(harness.Client);

        harness.Http.VerifyNoOutstandingExpectation();
        Assert.Equal("/" + operations.Path + "/?id=[1415604543,1415604544]", sent);
    }

    [Fact]
    public async Task GetBookingsPageAsync_AllTypedFiltersInMinuteFormat_SendsDocumentedNamesAndMinuteDates()
    {
        using var harness = NexudusHarness.WithToken(o => o.FilterDateFormat = NexudusFilterDateFormat.Minutes);
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/bookings")
            .WithExactQueryString(
                "page=1&size=500&Booking_Coworker=1415914201&Booking_Resource=1414925063&Booking_FloorPlanDesk=1417000001" +
                "&Booking_Tentative=false&Booking_Invoiced=true" +
                "&from_Booking_FromTime=2025-01-15T00:00&to_Booking_FromTime=2025-01-16T00:00" +
                "&to_Booking_ToTime=2025-01-16T12:31&from_Booking_UpdatedOn=2025-01-01T08:15")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetBookingsPageAsync(new BookingQuery
        {
            CoworkerId = 1415914201,
            ResourceId = 1414925063,
            FloorPlanDeskId = 1417000001,
            Tentative = false,
            Invoiced = true,
            FromTime = NexudusDateRange.Between(
                new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 1, 16, 0, 0, 0, TimeSpan.Zero)),
            ToTime = NexudusDateRange.Until(new DateTimeOffset(2025, 1, 16, 12, 30, 59, TimeSpan.Zero)),
            UpdatedOn = NexudusDateRange.Since(new DateTimeOffset(2025, 1, 1, 9, 15, 42, TimeSpan.FromHours(1))),
        });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetBookingsPageAsync_DefaultOptions_SendsFilterDatesInUtcWithZ()
    {
        // Working clients send UTC with Z, filters included; an offset given by the caller is converted.
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/bookings")
            .WithExactQueryString(
                "page=1&size=500&from_Booking_FromTime=2025-01-15T00:00:00Z&to_Booking_FromTime=2025-01-16T00:00:00Z" +
                "&from_Booking_UpdatedOn=2025-01-01T08:15:42Z")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetBookingsPageAsync(new BookingQuery
        {
            FromTime = NexudusDateRange.Between(
                new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 1, 16, 1, 0, 0, TimeSpan.FromHours(1))),
            UpdatedOn = NexudusDateRange.Since(new DateTimeOffset(2025, 1, 1, 9, 15, 42, TimeSpan.FromHours(1))),
        });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetCoworkerTimePassesPageAsync_ForeignKeysAndFlags_DropIdSuffix()
    {
        using var harness = NexudusHarness.WithToken(o => o.FilterDateFormat = NexudusFilterDateFormat.Minutes);
        harness.Http.Expect(HttpMethod.Get, Base + "api/billing/coworkertimepasses")
            .WithExactQueryString(
                "page=1&size=500&CoworkerTimePass_Coworker=1415604543&CoworkerTimePass_Business=1414000001" +
                "&CoworkerTimePass_TimePass=1414999001&CoworkerTimePass_Used=false&from_CoworkerTimePass_ExpireDate=2025-01-15T09:00")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetCoworkerTimePassesPageAsync(new CoworkerTimePassQuery
        {
            CoworkerId = 1415604543,
            BusinessId = 1414000001,
            TimePassId = 1414999001,
            Used = false,
            ExpireDate = NexudusDateRange.Since(new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero)),
        });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetFloorPlanDesksPageAsync_BusinessFilter_UsesDocumentedNestedName()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Get, Base + "api/sys/floorplandesks")
            .WithExactQueryString("page=1&size=500&FloorPlanDesk_FloorPlan_Business_Id=1414000001&FloorPlanDesk_ItemType=1")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetFloorPlanDesksPageAsync(new FloorPlanDeskQuery { BusinessId = 1414000001, ItemType = FloorPlanItemType.Office });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetBookingsPageAsync_UpperBoundWithSecondsInMinuteFormat_IsRoundedUpToTheNextMinute()
    {
        // Cut down to 10:00, the bound would leave out a booking starting at 10:00:20.
        using var harness = NexudusHarness.WithToken(o => o.FilterDateFormat = NexudusFilterDateFormat.Minutes);
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/bookings")
            .WithExactQueryString("page=1&size=500&from_Booking_FromTime=2025-01-16T09:59&to_Booking_FromTime=2025-01-16T10:01")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetBookingsPageAsync(new BookingQuery
        {
            FromTime = NexudusDateRange.Between(
                new DateTimeOffset(2025, 1, 16, 9, 59, 50, TimeSpan.Zero),
                new DateTimeOffset(2025, 1, 16, 10, 0, 45, TimeSpan.Zero)),
        });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetBookingsPageAsync_UpperBoundWithMillisecondsInSecondsFormat_IsRoundedUpToTheNextSecond()
    {
        using var harness = NexudusHarness.WithToken(o => o.FilterDateFormat = NexudusFilterDateFormat.SecondsUtc);
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/bookings")
            .WithExactQueryString("page=1&size=500&from_Booking_FromTime=2025-01-16T10:00:20Z&to_Booking_FromTime=2025-01-16T10:00:21Z")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetBookingsPageAsync(new BookingQuery
        {
            FromTime = NexudusDateRange.Between(
                new DateTimeOffset(2025, 1, 16, 10, 0, 20, 200, TimeSpan.Zero),
                new DateTimeOffset(2025, 1, 16, 10, 0, 20, 800, TimeSpan.Zero)),
        });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetBookingsPageAsync_UpperBoundOnAWholeMinute_IsSentAsItIs()
    {
        using var harness = NexudusHarness.WithToken(o => o.FilterDateFormat = NexudusFilterDateFormat.Minutes);
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/bookings")
            .WithExactQueryString("page=1&size=500&to_Booking_FromTime=2025-01-16T10:00")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetBookingsPageAsync(new BookingQuery
        {
            FromTime = NexudusDateRange.Until(new DateTimeOffset(2025, 1, 16, 11, 0, 0, TimeSpan.FromHours(1))),
        });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetCoworkersPageAsync_SecondsDateFormat_SendsLongUtcForm()
    {
        using var harness = NexudusHarness.WithToken(o => o.FilterDateFormat = NexudusFilterDateFormat.SecondsUtc);
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/coworkers")
            .WithExactQueryString("page=1&size=500&from_Coworker_UpdatedOn=2025-01-01T08:15:42Z")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetCoworkersPageAsync(new CoworkerQuery
        {
            UpdatedOn = NexudusDateRange.Since(new DateTimeOffset(2025, 1, 1, 9, 15, 42, TimeSpan.FromHours(1))),
        });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData(NexudusSortDirectionFormat.ZeroOne, NexudusSortDirection.Ascending, "0")]
    [InlineData(NexudusSortDirectionFormat.ZeroOne, NexudusSortDirection.Descending, "1")]
    [InlineData(NexudusSortDirectionFormat.OneMinusOne, NexudusSortDirection.Ascending, "1")]
    [InlineData(NexudusSortDirectionFormat.OneMinusOne, NexudusSortDirection.Descending, "-1")]
    [InlineData(NexudusSortDirectionFormat.Words, NexudusSortDirection.Ascending, "Ascending")]
    [InlineData(NexudusSortDirectionFormat.Words, NexudusSortDirection.Descending, "Descending")]
    public async Task GetCheckInsPageAsync_SortDirection_WrittenInConfiguredFormat(NexudusSortDirectionFormat format, NexudusSortDirection direction, string wire)
    {
        using var harness = NexudusHarness.WithToken(o => o.SortDirectionFormat = format);
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/checkins")
            .WithExactQueryString($"page=1&size=500&orderBy=FromTime&dir={wire}")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetCheckInsPageAsync(new CheckInQuery { OrderBy = "FromTime", SortDirection = direction });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetTeamsPageAsync_QueryPageSizeAndAdditionalFilter_OverrideOptionAndAreSentVerbatim()
    {
        using var harness = NexudusHarness.WithToken(o => o.PageSize = 200);
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/teams")
            .WithExactQueryString("page=1&size=50&Team_PayingMember=1415604543&Team_Name_Contains=A%26B")
            .Respond("application/json", NexudusHarness.Page(string.Empty, 1, hasNext: false));

        await harness.Client.GetTeamsPageAsync(new TeamQuery
        {
            PayingMemberId = 1415604543,
            PageSize = 50,
            AdditionalFilters = [NexudusFilter.Create("Team_Name_Contains", "A&B")],
        });

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetCoworkersPageAsync_Cursor_AsksForThatPageAndSize()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/coworkers")
            .WithExactQueryString("page=3&size=250")
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(7), 3, hasNext: true, pageSize: 250));

        var page = await harness.Client.GetCoworkersPageAsync(cursor: new NexudusPageCursor(3, 250));

        Assert.Equal(new NexudusPageCursor(4, 250), page.NextCursor);
    }

    [Fact]
    public async Task CreateCheckInAsync_OpenCheckIn_PostsJsonWithoutNullsOrId()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Post, Base + "api/spaces/checkins")
            .WithHeaders("Authorization", "Bearer " + NexudusHarness.AccessToken)
            .WithHeaders("Content-Type", "application/json; charset=utf-8")
            .WithContent("""{"BusinessId":1414000001,"CoworkerId":1415604543,"FromTime":"2025-01-15T09:00:00Z"}""")
            .Respond("application/json", NexudusHarness.WriteResult(1419000042));

        var id = await harness.Client.CreateCheckInAsync(new CheckIn
        {
            BusinessId = 1414000001,
            CoworkerId = 1415604543,
            FromTime = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(1)),
        });

        Assert.Equal(1419000042L, id);
        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CloseCheckInAsync_OpenCheckIn_ReadsThenPutsWholeRecordWithToTime()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/checkins/1419000042")
            .Respond("application/json", """{"Id":1419000042,"BusinessId":1414000001,"CoworkerId":1415604543,"FromTime":"2025-01-15T09:00:00Z","ToTime":null,"NotModelled":"kept"}""");
        harness.Http.Expect(HttpMethod.Put, Base + "api/spaces/checkins")
            .WithContent("""{"Id":1419000042,"BusinessId":1414000001,"CoworkerId":1415604543,"FromTime":"2025-01-15T09:00:00Z","ToTime":"2025-01-15T17:30:00Z","NotModelled":"kept"}""")
            .Respond("application/json", NexudusHarness.WriteResult(1419000042));

        await harness.Client.CloseCheckInAsync(1419000042, new DateTimeOffset(2025, 1, 15, 18, 30, 0, TimeSpan.FromHours(1)));

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CloseCheckInAsync_AlreadyClosed_WritesNothing()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Get, Base + "api/spaces/checkins/1419000042")
            .Respond("application/json", """{"Id":1419000042,"BusinessId":1414000001,"FromTime":"2025-01-15T09:00:00Z","ToTime":"2025-01-15T10:00:00Z"}""");
        var put = harness.Http.When(HttpMethod.Put, Base + "api/spaces/checkins").Respond("application/json", NexudusHarness.WriteResult(1));

        await harness.Client.CloseCheckInAsync(1419000042, new DateTimeOffset(2025, 1, 15, 17, 30, 0, TimeSpan.Zero));

        Assert.Equal(0, harness.Http.GetMatchCount(put));
    }

    [Fact]
    public async Task CreateWebhookAsync_Webhook_PostsRequiredFieldsWithUrlInCapitals()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Post, Base + "api/sys/webhooks")
            .WithContent("""{"BusinessId":1414000001,"Name":"Booking updates","Action":7,"URL":"https://example.com/hooks/nexudus","Active":true}""")
            .Respond("application/json", NexudusHarness.WriteResult(1420000001));

        var id = await harness.Client.CreateWebhookAsync(new Webhook
        {
            BusinessId = 1414000001,
            Name = "Booking updates",
            Action = WebhookAction.BookingUpdate,
            Url = "https://example.com/hooks/nexudus",
            Active = true,
        });

        Assert.Equal(1420000001L, id);
    }

    [Fact]
    public async Task DeleteWebhookAsync_Id_SendsDeleteToRecordPath()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Delete, Base + "api/sys/webhooks/1420000001")
            .WithHeaders("Authorization", "Bearer " + NexudusHarness.AccessToken)
            .Respond("application/json", NexudusHarness.WriteResult(1420000001, message: "WebHook was successfully deleted."));

        await harness.Client.DeleteWebhookAsync(1420000001);

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ListWebhooksAsync_BusinessAndAction_FiltersByEnumNumber()
    {
        using var harness = NexudusHarness.WithToken();
        harness.Http.Expect(HttpMethod.Get, Base + "api/sys/webhooks")
            .WithExactQueryString("page=1&size=500&WebHook_Business=1414000001&WebHook_Action=6&WebHook_Active=true")
            .Respond("application/json", NexudusHarness.Page(NexudusHarness.Records(1), 1, hasNext: false));

        var hooks = await harness.Client.ListWebhooksAsync(new WebhookQuery
        {
            BusinessId = 1414000001,
            Action = WebhookAction.BookingCreate,
            Active = true,
        }).ToListAsync();

        Assert.Single(hooks);
    }

    [Fact]
    public async Task GetCoworkerAsync_BaseUrlWithPath_KeepsThePathPrefix()
    {
        using var harness = NexudusHarness.Create(o => o.BaseUrl = new Uri("http://127.0.0.1:5080/nexudus"));
        harness.Http.When(HttpMethod.Post, "http://127.0.0.1:5080/nexudus/api/token")
            .Respond("application/json", NexudusHarness.TokenJson("t", "r", 3600));
        harness.Http.Expect(HttpMethod.Get, "http://127.0.0.1:5080/nexudus/api/spaces/coworkers/5")
            .Respond(HttpStatusCode.OK, "application/json", """{"Id":5}""");

        var coworker = await harness.Client.GetCoworkerAsync(5);

        Assert.Equal(5L, coworker.Id);
    }
}
