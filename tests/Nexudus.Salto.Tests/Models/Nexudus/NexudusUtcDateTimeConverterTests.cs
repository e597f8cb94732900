using System.Text.Json;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

/// <summary>
/// Plain date fields, read through <see cref="Booking.FromTime"/> so the attribute wiring is covered too.
/// Every expectation checks the offset and the UTC ticks, so a reading in the machine's zone fails
/// on any machine whose zone is not UTC.
/// </summary>
public class NexudusUtcDateTimeConverterTests
{
    private static readonly DateTimeOffset HalfPastTen = new(2025, 1, 15, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Read_ValueWithZ_IsUtc()
    {
        var value = ReadFromTime("2025-01-15T10:30:00Z");

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(HalfPastTen.UtcTicks, value.UtcTicks);
    }

    [Fact]
    public void Read_ValueWithoutOffset_IsReadAsUtcNotMachineTime()
    {
        var value = ReadFromTime("2025-01-15T10:30:00");

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(HalfPastTen.UtcTicks, value.UtcTicks);
    }

    [Fact]
    public void Read_SevenFractionalDigits_KeepsEveryTick()
    {
        var value = ReadFromTime("2022-05-13T20:55:44.5515198Z");

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(new DateTimeOffset(2022, 5, 13, 20, 55, 44, TimeSpan.Zero).AddTicks(5_515_198).UtcTicks, value.UtcTicks);
    }

    [Fact]
    public void Read_SevenFractionalDigitsWithoutOffset_IsUtc()
    {
        var value = ReadFromTime("2022-05-13T20:55:44.5515198");

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(new DateTimeOffset(2022, 5, 13, 20, 55, 44, TimeSpan.Zero).AddTicks(5_515_198).UtcTicks, value.UtcTicks);
    }

    [Fact]
    public void Read_ValueWithExplicitOffset_IsNormalisedToUtc()
    {
        var value = ReadFromTime("2025-01-15T11:30:00+01:00");

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(HalfPastTen.UtcTicks, value.UtcTicks);
    }

    [Fact]
    public void Read_FilterFormatWithoutSeconds_IsUtc()
    {
        var value = ReadFromTime("2025-01-15T10:30");

        Assert.Equal(HalfPastTen, value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Fact]
    public void Read_NotADate_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => ReadFromTime("next tuesday"));
    }

    [Fact]
    public void Read_Number_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => ModelAssert.Read<Booking>("""{ "Id": 1, "FromTime": 20250115 }"""));
    }

    [Fact]
    public void Write_ValueWithOffset_WritesUtcWithZ()
    {
        var json = ModelAssert.Write(new Booking { Id = 1, FromTime = new DateTimeOffset(2025, 1, 15, 11, 30, 0, TimeSpan.FromHours(1)) });

        Assert.Equal("2025-01-15T10:30:00Z", json.GetProperty("FromTime").GetString());
    }

    [Fact]
    public void Write_SevenFractionalDigits_WritesThemAll()
    {
        var json = ModelAssert.Write(new Booking { Id = 1, UpdatedOn = new DateTimeOffset(2022, 5, 13, 20, 55, 44, TimeSpan.Zero).AddTicks(5_515_198) });

        Assert.Equal("2022-05-13T20:55:44.5515198Z", json.GetProperty("UpdatedOn").GetString());
    }

    [Fact]
    public void Write_Null_WritesNull()
    {
        var json = ModelAssert.Write(new Booking { Id = 1 });

        Assert.Equal(JsonValueKind.Null, json.GetProperty("FromTime").ValueKind);
    }

    private static DateTimeOffset ReadFromTime(string wireValue)
    {
        var booking = ModelAssert.Read<Booking>($$"""{ "Id": 1, "FromTime": "{{wireValue}}" }""");
        return booking.FromTime!.Value;
    }
}
