using Nexudus.Salto.Entitlements;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

public sealed class LocationCalendarTests
{
    private static readonly LocationCalendar LondonCalendar = new(LondonZone, TimeSpan.Zero);

    private static DateTime Wall(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    [Fact]
    public void ToInstant_OrdinaryWallClock_SubtractsTheOffset()
    {
        Assert.Equal(Utc(2026, 1, 15, 8), new LocationCalendar(LosAngelesZone, TimeSpan.Zero).ToInstant(Wall(2026, 1, 15)));
    }

    [Fact]
    public void ToInstant_SummerWallClock_UsesTheSummerOffset()
    {
        Assert.Equal(Utc(2026, 7, 1, 11), LondonCalendar.ToInstant(Wall(2026, 7, 1, 12)));
    }

    [Fact]
    public void ToInstant_SkippedWallClock_IsTheInstantOfTheJump()
    {
        Assert.Equal(Utc(2026, 3, 29, 1), LondonCalendar.ToInstant(Wall(2026, 3, 29, 1, 30)));
    }

    [Fact]
    public void ToInstant_RepeatedWallClock_IsTheFirstOccurrence()
    {
        Assert.Equal(Utc(2026, 10, 25, 0, 30), LondonCalendar.ToInstant(Wall(2026, 10, 25, 1, 30)));
    }

    [Fact]
    public void ToInstant_WallClockWithUtcKind_IsStillReadAsLocal()
    {
        Assert.Equal(Utc(2026, 7, 1, 11), LondonCalendar.ToInstant(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void StartOfDay_DayWhoseMidnightIsSkipped_IsTheJump()
    {
        // Santiago de Chile moves from -04 to -03 at local midnight on 6 September 2026.
        var santiago = new LocationCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"), TimeSpan.Zero);

        Assert.Equal(Utc(2026, 9, 6, 4), santiago.StartOfDay(new DateOnly(2026, 9, 6)));
    }

    [Fact]
    public void EndOfDay_LastRepresentableDate_IsOpenEnded()
    {
        Assert.Null(LondonCalendar.EndOfDay(DateOnly.MaxValue));
    }

    [Fact]
    public void LocalDate_InstantNearTheStartOfTime_DoesNotThrow()
    {
        Assert.InRange(LondonCalendar.LocalDate(DateTimeOffset.MinValue), new DateOnly(1, 1, 1), new DateOnly(1, 1, 3));
    }

    [Fact]
    public void PassDayOf_InstantAtTheCutoff_StartsTheNewDay()
    {
        var calendar = new LocationCalendar(LondonZone, TimeSpan.FromHours(4));

        Assert.Equal((Utc(2026, 1, 13, 4), Utc(2026, 1, 14, 4)), calendar.PassDayOf(Utc(2026, 1, 13, 4)));
    }

    [Fact]
    public void PassDayOf_InstantJustBeforeTheCutoff_BelongsToThePreviousDay()
    {
        var calendar = new LocationCalendar(LondonZone, TimeSpan.FromHours(4));

        Assert.Equal((Utc(2026, 1, 12, 4), Utc(2026, 1, 13, 4)), calendar.PassDayOf(Utc(2026, 1, 13, 3, 59)));
    }

    [Fact]
    public void PassDayOf_SecondPassThroughARepeatedCutoff_StaysInTheNewDay()
    {
        // With a 01:30 cut-off the new pass day starts at the first 01:30 (00:30 UTC); the second
        // 01:30 (01:30 UTC) must not fall back into the old one.
        var calendar = new LocationCalendar(LondonZone, TimeSpan.FromMinutes(90));

        Assert.Equal(Utc(2026, 10, 25, 0, 30), calendar.PassDayOf(Utc(2026, 10, 25, 1, 15)).Start);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24 * 60)]
    public void Constructor_CutoffOutsideADay_Throws(int minutes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocationCalendar(LondonZone, TimeSpan.FromMinutes(minutes)));
    }
}
