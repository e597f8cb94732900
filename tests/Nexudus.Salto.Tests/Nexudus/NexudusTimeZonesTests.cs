using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusTimeZonesTests
{
    private static readonly DateTime Winter = new(2025, 1, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Summer = new(2025, 7, 15, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Resolve_WindowsId_GivesTheSystemZone()
    {
        var zone = NexudusTimeZones.Resolve(new SimpleTimeZone { Name = "GMT Standard Time", TimeOffset = "+00:00", UsesSummerTime = true });

        Assert.Equal(TimeSpan.Zero, zone.GetUtcOffset(Winter));
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(Summer));
    }

    [Fact]
    public void Resolve_IanaId_GivesTheSystemZone()
    {
        var zone = NexudusTimeZones.Resolve(new SimpleTimeZone { Name = "America/New_York" });

        Assert.Equal(TimeSpan.FromHours(-5), zone.GetUtcOffset(Winter));
        Assert.Equal(TimeSpan.FromHours(-4), zone.GetUtcOffset(Summer));
    }

    [Fact]
    public void Resolve_LabelNameButIdInDescription_UsesTheDescription()
    {
        var zone = NexudusTimeZones.Resolve(new SimpleTimeZone { Name = "Madrid", Description = "Europe/Madrid" });

        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(Winter));
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(Summer));
    }

    [Fact]
    public void Resolve_UnknownNameFixedOffset_BuildsZoneWithoutSummerTime()
    {
        var zone = NexudusTimeZones.Resolve(new SimpleTimeZone { Name = "(UTC+05:30) Chennai, Kolkata", TimeOffset = "+05:30", UsesSummerTime = false });

        Assert.Equal(new TimeSpan(5, 30, 0), zone.GetUtcOffset(Winter));
        Assert.Equal(new TimeSpan(5, 30, 0), zone.GetUtcOffset(Summer));
    }

    [Fact]
    public void Resolve_UnknownNameEuropeanOffsetWithSummerTime_FollowsTheEuropeanRule()
    {
        var zone = NexudusTimeZones.Resolve(new SimpleTimeZone { Name = "Central Europe (custom)", TimeOffset = "01:00:00", UsesSummerTime = true });

        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(Winter));
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(Summer));
        // 2025: summer time starts on 30 March at 01:00 UTC.
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2025, 3, 30, 0, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTime(2025, 3, 30, 1, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Resolve_UnknownNameAmericanOffsetWithSummerTime_FollowsTheNorthAmericanRule()
    {
        var zone = NexudusTimeZones.Resolve(new SimpleTimeZone { Name = "Pacific (custom)", TimeOffset = "-08:00", UsesSummerTime = true });

        // 2025: summer time starts on 9 March at 02:00 local (10:00 UTC).
        Assert.Equal(TimeSpan.FromHours(-8), zone.GetUtcOffset(new DateTime(2025, 3, 9, 9, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(-7), zone.GetUtcOffset(new DateTime(2025, 3, 9, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Resolve_NothingReadable_Throws()
    {
        Assert.Throws<ArgumentException>(() => NexudusTimeZones.Resolve(new SimpleTimeZone { Name = "Somewhere", TimeOffset = "soon" }));
    }

    [Theory]
    [InlineData("+01:00", 60)]
    [InlineData("-05:00", -300)]
    [InlineData("05:30:00", 330)]
    [InlineData("-03:30:00", -210)]
    [InlineData("UTC+1", 60)]
    [InlineData("GMT-03:30", -210)]
    [InlineData("(UTC+10:00)", 600)]
    [InlineData("5.5", 330)]
    [InlineData("0", 0)]
    public void TryParseOffset_KnownForms_ReadTheOffset(string text, int minutes)
    {
        Assert.True(NexudusTimeZones.TryParseOffset(text, out var offset));
        Assert.Equal(TimeSpan.FromMinutes(minutes), offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+15:00")]
    [InlineData("01:75")]
    [InlineData("one hour")]
    public void TryParseOffset_NotAnOffset_ReturnsFalse(string? text)
    {
        Assert.False(NexudusTimeZones.TryParseOffset(text, out _));
    }
}
