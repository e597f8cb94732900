using System.Text.Json;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

/// <summary>
/// <c>*Local</c> fields, read through <see cref="Booking.FromTimeLocal"/>: the wall-clock value is
/// kept whatever suffix the wire carries, with <see cref="DateTimeKind.Unspecified"/>.
/// </summary>
public class NexudusLocalDateTimeConverterTests
{
    private static readonly DateTime HalfPastTen = new(2025, 1, 15, 10, 30, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData("2025-01-15T10:30:00")]
    [InlineData("2025-01-15T10:30:00Z")]
    [InlineData("2025-01-15T10:30:00+02:00")]
    [InlineData("2025-01-15T10:30:00-05:00")]
    public void Read_WallClockValue_KeepsTheClockReading(string wireValue)
    {
        var value = ReadFromTimeLocal(wireValue);

        Assert.Equal(HalfPastTen.Ticks, value.Ticks);
    }

    [Theory]
    [InlineData("2025-01-15T10:30:00")]
    [InlineData("2025-01-15T10:30:00Z")]
    [InlineData("2025-01-15T10:30:00+02:00")]
    public void Read_WallClockValue_HasKindUnspecified(string wireValue)
    {
        var value = ReadFromTimeLocal(wireValue);

        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
    }

    [Fact]
    public void Read_SevenFractionalDigits_KeepsEveryTick()
    {
        var value = ReadFromTimeLocal("2022-05-13T21:55:44.5515198Z");

        Assert.Equal(new DateTime(2022, 5, 13, 21, 55, 44).AddTicks(5_515_198).Ticks, value.Ticks);
    }

    [Fact]
    public void Read_NotADate_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => ReadFromTimeLocal("tomorrow morning"));
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    public void Write_AnyKind_WritesTheClockReadingWithoutOffset(DateTimeKind kind)
    {
        var local = DateTime.SpecifyKind(HalfPastTen, kind);

        var json = ModelAssert.Write(new Booking { Id = 1, FromTimeLocal = local });

        Assert.Equal("2025-01-15T10:30:00", json.GetProperty("FromTimeLocal").GetString());
    }

    private static DateTime ReadFromTimeLocal(string wireValue)
    {
        var booking = ModelAssert.Read<Booking>($$"""{ "Id": 1, "FromTimeLocal": "{{wireValue}}" }""");
        return booking.FromTimeLocal!.Value;
    }
}
