using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>
/// Schedule dates on their own: UTC instants pass untouched; site-local dates are written and read on the site's
/// wall clock, the site's zone read once, and a zone this machine cannot resolve refused rather than guessed.
/// </summary>
public sealed class SaltoKsScheduleDatesTests
{
    private readonly List<string> _siteReads = [];

    private SaltoKsScheduleDates Dates(SaltoKsScheduleDateMode mode, string? timeZone = "Europe/Madrid") =>
        new(mode, (siteId, _) =>
        {
            _siteReads.Add(siteId);
            return Task.FromResult(new Site { Id = siteId, TimeZone = timeZone });
        });

    private static TimeScheduleRequest Window(DateTimeOffset? from, DateTimeOffset? to) =>
        new() { Monday = true, StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(18, 0), StartDate = from, EndDate = to };

    private static async IAsyncEnumerable<TimeSchedule> Listed(params TimeSchedule[] schedules)
    {
        foreach (TimeSchedule schedule in schedules)
        {
            await Task.Yield();
            yield return schedule;
        }
    }

    [Fact]
    public async Task ZoneAsync_UtcInstants_ReadsNoSite()
    {
        TimeZoneInfo? zone = await Dates(SaltoKsScheduleDateMode.Utc).ZoneAsync("s1", CancellationToken.None);

        Assert.Equal((null, 0), (zone, _siteReads.Count));
    }

    [Fact]
    public async Task ZoneAsync_SiteLocalTwice_ReadsTheSiteOnce()
    {
        SaltoKsScheduleDates dates = Dates(SaltoKsScheduleDateMode.SiteLocal);

        TimeZoneInfo? first = await dates.ZoneAsync("s1", CancellationToken.None);
        TimeZoneInfo? second = await dates.ZoneAsync("S1", CancellationToken.None);

        Assert.Equal(("Europe/Madrid", 1), (second?.Id, _siteReads.Count));
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData(" ")]
    [InlineData(null)]
    public async Task ZoneAsync_ZoneMissingOrUnknown_RefusesRatherThanGuesses(string? timeZone)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Dates(SaltoKsScheduleDateMode.SiteLocal, timeZone).ZoneAsync("s1", CancellationToken.None));

        Assert.Contains("Site s1 reports time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_SiteZone_WritesTheSitesWallClockWithoutAnOffset()
    {
        TimeZoneInfo madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        TimeScheduleRequest request = Window(
            new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 7, 1, 13, 30, 0, TimeSpan.FromHours(4)));

        using ByteArrayContent content = SaltoKsScheduleDates.Content(request, madrid);
        using JsonDocument body = JsonDocument.Parse(await content.ReadAsStringAsync());

        Assert.Equal(
            ("2025-03-04T10:00:00", "2025-07-01T11:30:00", "application/json; charset=utf-8"),
            (body.RootElement.GetProperty("start_date").GetString(), body.RootElement.GetProperty("end_date").GetString(), content.Headers.ContentType?.ToString()));
    }

    [Fact]
    public async Task Content_NoZone_IsTheRequestAsSerialized()
    {
        TimeScheduleRequest request = Window(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), null);

        using ByteArrayContent content = SaltoKsScheduleDates.Content(request, siteZone: null);

        Assert.Equal(
            JsonSerializer.SerializeToUtf8Bytes(request, SaltoKsJsonContext.Default.TimeScheduleRequest),
            await content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void FromSiteWallClock_WrittenDates_AreTheSitesWallClockWhateverTheOffset()
    {
        TimeZoneInfo madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var schedule = new TimeSchedule
        {
            Id = "t1",
            StartDate = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2025, 7, 1, 11, 30, 0, TimeSpan.FromHours(-5)),
        };

        TimeSchedule read = SaltoKsScheduleDates.FromSiteWallClock(schedule, madrid);

        Assert.Equal(
            (new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 7, 1, 9, 30, 0, TimeSpan.Zero)),
            (read.StartDate!.Value.ToUniversalTime(), read.EndDate!.Value.ToUniversalTime()));
    }

    [Fact]
    public void FromService_UtcInstants_IsTheSameSequence()
    {
        IAsyncEnumerable<TimeSchedule> listed = Listed(new TimeSchedule { Id = "t1" });

        Assert.Same(listed, Dates(SaltoKsScheduleDateMode.Utc).FromService("s1", listed, CancellationToken.None));
    }

    [Fact]
    public async Task FromService_SiteLocal_ReadsEachScheduleOnTheSitesWallClock()
    {
        IAsyncEnumerable<TimeSchedule> listed = Listed(
            new TimeSchedule { Id = "t1", StartDate = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero) },
            new TimeSchedule { Id = "t2", EndDate = null });

        List<TimeSchedule> read = [];
        await foreach (TimeSchedule schedule in Dates(SaltoKsScheduleDateMode.SiteLocal).FromService("s1", listed, CancellationToken.None))
        {
            read.Add(schedule);
        }

        Assert.Equal(
            new (DateTimeOffset?, DateTimeOffset?)[] { (new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), null), (null, null) },
            read.Select(s => (s.StartDate?.ToUniversalTime(), s.EndDate)));
        Assert.Single(_siteReads);
    }
}
