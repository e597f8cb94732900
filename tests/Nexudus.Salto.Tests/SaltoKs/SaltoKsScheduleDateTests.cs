using System.Net;
using Nexudus.Salto.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>
/// Time-schedule dates under the unconfirmed site-local reading (<see cref="SaltoKsScheduleDateMode.SiteLocal"/>):
/// instants in, the site's wall clock on the wire, instants out.
/// </summary>
public sealed class SaltoKsScheduleDateTests : IDisposable
{
    private const string SiteJson = """{"id":"s1","time_zone":"Europe/Madrid"}""";
    private const string Schedules = "/v1.1/sites/s1/access_groups/g1/time_schedules";
    private readonly SaltoKsTestHost _host = new(o => o.ScheduleDates = SaltoKsScheduleDateMode.SiteLocal);

    public SaltoKsScheduleDateTests() => _host.AcceptTokenRequests();

    public void Dispose() => _host.Dispose();

    private static TimeScheduleRequest Window(DateTimeOffset? from, DateTimeOffset? to) => new()
    {
        Tuesday = true,
        StartTime = new TimeOnly(0, 0),
        EndTime = new TimeOnly(23, 59, 59),
        StartDate = from,
        EndDate = to,
    };

    [Fact]
    public async Task CreateTimeScheduleAsync_SiteLocal_WritesTheSitesWallClockWithoutAnOffset()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", SiteJson);
        _host.ExpectApiJson(
                HttpMethod.Post,
                Schedules,
                """{"monday":false,"tuesday":true,"wednesday":false,"thursday":false,"friday":false,"saturday":false,"sunday":false,"start_time":"00:00:00","end_time":"23:59:59","start_date":"2025-03-04T10:00:00","end_date":"2025-07-01T11:30:00"}""")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"t1","tuesday":true}""");

        // Winter (UTC+1) and summer (UTC+2) instants, given with different offsets.
        await _host.Client.CreateTimeScheduleAsync("s1", "g1", Window(
            new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 7, 1, 4, 30, 0, TimeSpan.FromHours(-5))));

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateTimeScheduleAsync_SiteLocal_ReadsTheEchoedDatesOnTheSitesClock()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", SiteJson);
        _host.ExpectApi(HttpMethod.Post, Schedules)
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"t1","start_date":"2025-03-04T10:00:00Z","end_date":"2025-07-01T11:30:00"}""");

        TimeSchedule created = await _host.Client.CreateTimeScheduleAsync("s1", "g1", Window(null, null));

        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), created.StartDate);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 9, 30, 0, TimeSpan.Zero), created.EndDate);
    }

    [Fact]
    public async Task CreateTimeScheduleAsync_SiteLocalWithoutDates_WritesNulls()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", SiteJson);
        _host.ExpectApi(HttpMethod.Post, Schedules)
            .WithPartialContent("\"start_date\":null,\"end_date\":null")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"t1","start_date":null}""");

        TimeSchedule created = await _host.Client.CreateTimeScheduleAsync("s1", "g1", Window(null, null));

        Assert.Null(created.StartDate);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task UpdateTimeScheduleAsync_SiteLocal_WritesTheSitesWallClock()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", SiteJson);
        _host.ExpectApi(HttpMethod.Patch, Schedules + "/t1")
            .WithPartialContent("\"start_date\":\"2025-03-04T13:15:00\",\"end_date\":\"2025-03-04T14:00:00\"")
            .Respond(HttpStatusCode.OK);

        await _host.Client.UpdateTimeScheduleAsync("s1", "g1", "t1", Window(
            new DateTimeOffset(2025, 3, 4, 12, 15, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 4, 13, 0, 0, TimeSpan.Zero)));

        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetTimeSchedulesAsync_SiteLocal_ReadsDatesOnTheSitesClock()
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", SiteJson);
        _host.ExpectApi(HttpMethod.Get, Schedules)
            .Respond("application/json", """{"items":[{"id":"t1","start_date":"2025-03-04T10:00:00","end_date":null}]}""");

        TimeSchedule schedule = Assert.Single(await _host.Client.GetTimeSchedulesAsync("s1", "g1").ToListAsync());

        Assert.Equal((new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), (DateTimeOffset?)null), (schedule.StartDate, schedule.EndDate));
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task ScheduleCalls_SiteLocalOnOneClient_ReadTheSiteOnce()
    {
        MockedRequest site = _host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond("application/json", SiteJson);
        _host.Http.When(HttpMethod.Patch, SaltoKsTestHost.Api + Schedules + "/*").Respond(HttpStatusCode.OK);
        ISaltoKsClient client = _host.Client;

        await client.UpdateTimeScheduleAsync("s1", "g1", "t1", Window(null, null));
        await client.UpdateTimeScheduleAsync("s1", "g1", "t2", Window(null, null));

        Assert.Equal(1, _host.Http.GetMatchCount(site));
    }

    [Theory]
    [InlineData("""{"id":"s1","time_zone":"Mars/Olympus_Mons"}""")]
    [InlineData("""{"id":"s1"}""")]
    public async Task CreateTimeScheduleAsync_SiteLocalZoneUnknownOrMissing_ThrowsAndSendsNothing(string siteJson)
    {
        _host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", siteJson);
        MockedRequest post = _host.Http.When(HttpMethod.Post, SaltoKsTestHost.Api + Schedules).Respond(HttpStatusCode.Created);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Client.CreateTimeScheduleAsync("s1", "g1", Window(null, null)));

        Assert.Contains("ScheduleDates", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _host.Http.GetMatchCount(post));
    }

    [Fact]
    public async Task CreateTimeScheduleAsync_UtcByDefault_NeverReadsTheSite()
    {
        using var host = new SaltoKsTestHost();
        host.AcceptTokenRequests();
        MockedRequest site = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond("application/json", SiteJson);
        host.ExpectApi(HttpMethod.Post, Schedules)
            .WithPartialContent("\"start_date\":\"2025-03-04T09:00:00Z\"")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"t1","start_date":"2025-03-04T09:00:00Z"}""");

        TimeSchedule created = await host.Client.CreateTimeScheduleAsync("s1", "g1", Window(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), null));

        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), created.StartDate);
        Assert.Equal(0, host.Http.GetMatchCount(site));
        host.Http.VerifyNoOutstandingExpectation();
    }
}
