using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

/// <summary>
/// Date and time reading under a non-UTC machine zone: System.Text.Json's defaults would use that zone,
/// so these tests fail without the context's converters even on a UTC build machine.
/// </summary>
[Collection(LocalTimeZoneCollection.Name)]
public sealed class SaltoKsTimeZoneTests
{
    private const string MachineZone = "America/New_York";

    [Fact]
    public void Deserialize_ScheduleDateWithoutOffset_ReadsAsUtc()
    {
        using var zone = new LocalTimeZoneOverride(MachineZone);

        TimeSchedule schedule = JsonSerializer.Deserialize("""{ "id": "t", "start_date": "2025-03-04T09:00:00" }""", SaltoKsJsonContext.Default.TimeSchedule)!;

        Assert.Equal(TimeSpan.Zero, schedule.StartDate!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero), schedule.StartDate);
    }

    [Fact]
    public void Deserialize_DateOnlyScheduleDate_ReadsAsUtcMidnight()
    {
        using var zone = new LocalTimeZoneOverride(MachineZone);

        TimeSchedule schedule = JsonSerializer.Deserialize("""{ "id": "t", "end_date": "2025-03-04" }""", SaltoKsJsonContext.Default.TimeSchedule)!;

        Assert.Equal(new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero), schedule.EndDate);
        Assert.Equal(TimeSpan.Zero, schedule.EndDate!.Value.Offset);
    }

    [Fact]
    public void Deserialize_UtcDateTimeWithoutOffset_ReadsAsUtc()
    {
        using var zone = new LocalTimeZoneOverride(MachineZone);

        Entry entry = JsonSerializer.Deserialize("""{ "id": "e", "utc_date_time": "2025-01-15T10:00:00", "local_date_time": "2025-01-15T11:00:00" }""", SaltoKsJsonContext.Default.Entry)!;

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero), entry.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, entry.UtcDateTime.Offset);
    }

    [Fact]
    public void Deserialize_ExpiresAtWithoutOffset_ReadsAsUtc()
    {
        using var zone = new LocalTimeZoneOverride(MachineZone);

        SiteUser user = JsonSerializer.Deserialize("""{ "id": "s", "expires_at": "2025-01-15T11:30:00" }""", SaltoKsJsonContext.Default.SiteUser)!;

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 11, 30, 0, TimeSpan.Zero), user.ExpiresAt);
    }

    [Fact]
    public void Deserialize_LocalDateTime_KeepsWallClockWithKindUnspecified()
    {
        using var zone = new LocalTimeZoneOverride(MachineZone);

        Entry entry = JsonSerializer.Deserialize("""{ "id": "e", "utc_date_time": "2025-01-15T10:00:00Z", "local_date_time": "2025-01-15T11:00:00" }""", SaltoKsJsonContext.Default.Entry)!;

        Assert.Equal(new DateTime(2025, 1, 15, 11, 0, 0), entry.LocalDateTime);
        Assert.Equal(DateTimeKind.Unspecified, entry.LocalDateTime.Kind);
    }

    [Fact]
    public void Deserialize_LocalDateTimeWithOffset_KeepsWrittenWallClock()
    {
        using var zone = new LocalTimeZoneOverride(MachineZone);

        Entry entry = JsonSerializer.Deserialize("""{ "id": "e", "local_date_time": "2025-01-15T11:00:00+01:00" }""", SaltoKsJsonContext.Default.Entry)!;

        Assert.Equal(new DateTime(2025, 1, 15, 11, 0, 0), entry.LocalDateTime);
        Assert.Equal(DateTimeKind.Unspecified, entry.LocalDateTime.Kind);
    }

    [Fact]
    public void Serialize_LocalDateTime_WritesWallClockWithoutOffset()
    {
        using var zone = new LocalTimeZoneOverride(MachineZone);
        var entry = new Entry { Id = "e", LocalDateTime = new DateTime(2025, 1, 15, 11, 0, 0, DateTimeKind.Local) };

        using JsonDocument written = JsonDocument.Parse(JsonSerializer.Serialize(entry, SaltoKsJsonContext.Default.Entry));

        Assert.Equal("2025-01-15T11:00:00", written.RootElement.GetProperty("local_date_time").GetString());
    }
}
