using System.Globalization;
using System.Text.Json;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>
/// The demo space's door entries are "minutes ago" and on the location's current local day, at any time: just after
/// local midnight in London and New York, winter and summer, on daylight-saving days, and in a zone that skips midnight.
/// </summary>
public sealed class DemoSpaceTests
{
    // The offsets the demo space and the demo's story use, in minutes before now.
    private static readonly int[] Offsets = [1, 3, 4, 5, 15, 20, 25];

    public static TheoryData<string, string> Instants => new()
    {
        { "Europe/London", "2026-01-15T00:02:00Z" },      // 00:02 GMT
        { "Europe/London", "2026-07-15T23:02:00Z" },      // 00:02 BST on the 16th: London's midnight is 23:00 UTC
        { "America/New_York", "2026-01-15T05:03:00Z" },   // 00:03 EST
        { "America/New_York", "2026-07-15T04:03:00Z" },   // 00:03 EDT
        { "Europe/London", "2026-03-29T00:05:00Z" },      // 00:05 GMT, the night clocks go forward at 01:00 UTC
        { "Europe/London", "2026-10-24T23:10:00Z" },      // 00:10 BST on the 25th, the night clocks go back
        { "America/New_York", "2026-03-08T05:20:00Z" },   // 00:20 EST, the night clocks go forward
        { "America/New_York", "2026-11-01T04:29:00Z" },   // 00:29 EDT, the night clocks go back
        { "America/Santiago", "2026-09-06T04:10:00Z" },   // 01:10 -03: Chile's clocks skip from 00:00 to 01:00 that night
        { "Europe/London", "2026-01-15T00:00:01Z" },      // a second after midnight
        { "Europe/London", "2026-01-15T12:00:00Z" },      // midday
        { "America/New_York", "2026-01-15T05:31:00Z" },   // 00:31 EST: the day is older than the window
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void RecentEntryTime_AnyInstant_IsBeforeNowOnTheLocationsCurrentDayInOrder(string zoneId, string nowText)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = DateTimeOffset.Parse(nowText, CultureInfo.InvariantCulture);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;

        var times = Offsets.Select(m => DemoSpace.RecentEntryTime(now, zone, TimeSpan.FromMinutes(m))).ToList();

        Assert.All(times, t => Assert.True(t < now, $"{t:O} is not before {now:O}"));
        Assert.All(times, t => Assert.Equal(today, TimeZoneInfo.ConvertTime(t, zone).Date));

        // Longer ago is earlier: the story's order (Charles in, then out; Margaret refused, then let in) holds.
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(times.Count, times.Distinct().Count());
    }

    [Theory]
    [InlineData("Europe/London", "2026-01-15T12:00:00Z")]
    [InlineData("Europe/London", "2026-07-15T23:31:00Z")]
    [InlineData("America/New_York", "2026-01-15T05:31:00Z")]
    [InlineData("Europe/London", "2026-03-29T01:10:00Z")] // 02:10 BST: 70 minutes since midnight, though 02:10 on the clock
    public void RecentEntryTime_DayOlderThanTheWindow_IsExactlyThatLongAgo(string zoneId, string nowText)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var now = DateTimeOffset.Parse(nowText, CultureInfo.InvariantCulture);

        Assert.All(Offsets, m => Assert.Equal(now.AddMinutes(-m), DemoSpace.RecentEntryTime(now, zone, TimeSpan.FromMinutes(m))));
    }

    [Fact]
    public void RecentEntryTime_TwoMinutesAfterLondonMidnight_ScalesTheOffsetsIntoThoseTwoMinutes()
    {
        var now = new DateTimeOffset(2026, 1, 15, 0, 2, 0, TimeSpan.Zero);

        // 15 of the window's 30 minutes: half of the 2 minutes since midnight.
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 1, 0, TimeSpan.Zero), DemoSpace.RecentEntryTime(now, DemoSpace.LondonTimeZone, TimeSpan.FromMinutes(15)));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 0, 20, TimeSpan.Zero), DemoSpace.RecentEntryTime(now, DemoSpace.LondonTimeZone, TimeSpan.FromMinutes(25)));
    }

    [Fact]
    public void RecentEntryTime_OneTickAfterLocalMidnight_IsMidnightItself()
    {
        var midnight = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

        Assert.All(Offsets, m => Assert.Equal(midnight, DemoSpace.RecentEntryTime(midnight.AddTicks(1), DemoSpace.LondonTimeZone, TimeSpan.FromMinutes(m))));
    }

    [Fact]
    public void RecentEntryTime_ExactlyAtLocalMidnight_IsNowAndNeverYesterday()
    {
        var midnight = new DateTimeOffset(2026, 7, 15, 23, 0, 0, TimeSpan.Zero); // 00:00 BST

        Assert.Equal(midnight, DemoSpace.RecentEntryTime(midnight, DemoSpace.LondonTimeZone, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(31)]
    public void RecentEntryTime_OffsetOutsideTheWindow_Throws(int minutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoSpace.RecentEntryTime(DateTimeOffset.UnixEpoch, DemoSpace.LondonTimeZone, TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData("2026-01-15T00:02:00Z", "London Shoreditch", "Europe/London")]       // just after London's midnight
    [InlineData("2026-07-16T04:01:00Z", "New York Flatiron", "America/New_York")]    // just after New York's midnight, EDT
    public async Task Create_JustAfterALocationsMidnight_SeedsItsEntriesOnItsNewDay(string nowText, string location, string zoneId)
    {
        var now = DateTimeOffset.Parse(nowText, CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        await using var sandboxes = await DemoSandboxes.StartAsync(now);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;

        // The report of the location's day so far, through the sample's report command.
        var from = TimeZoneInfo.ConvertTime(now, zone) - TimeZoneInfo.ConvertTime(now, zone).TimeOfDay;
        var run = await SampleRun.StartAsync(sandboxes.Args("report", "--from", Iso(from), "--to", Iso(now), "--format", "json"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("location").GetString() == location).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(today, e.GetProperty("localTime").GetDateTimeOffset().Date));
    }

    private static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
