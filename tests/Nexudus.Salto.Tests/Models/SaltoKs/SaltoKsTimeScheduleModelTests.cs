using System.Text.Json;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.Models.SaltoKs;

public sealed class SaltoKsTimeScheduleModelTests
{
    // The documented check-in/check-out time schedule example plus the id the create response adds.
    private const string ScheduleJson = """
        { "id": "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6",
          "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
          "saturday": true, "sunday": true, "start_time": "00:00:00", "end_time": "23:59:59",
          "start_date": "2025-03-04T09:00:00.000Z", "end_date": "2025-03-04T10:30:00.000Z" }
        """;

    [Fact]
    public void Deserialize_DocumentedSchedule_ReadsEveryField()
    {
        TimeSchedule schedule = SaltoKsJsonAssert.RoundTrips(ScheduleJson, SaltoKsJsonContext.Default.TimeSchedule);

        Assert.Equal(
            new TimeSchedule
            {
                Id = "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6",
                Monday = true,
                Tuesday = true,
                Wednesday = true,
                Thursday = true,
                Friday = true,
                Saturday = true,
                Sunday = true,
                StartTime = new TimeOnly(0, 0, 0),
                EndTime = new TimeOnly(23, 59, 59),
                StartDate = new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero),
                EndDate = new DateTimeOffset(2025, 3, 4, 10, 30, 0, TimeSpan.Zero),
            },
            schedule);
    }

    [Fact]
    public void Deserialize_StartTime_ReadsTimeOfDay()
    {
        TimeSchedule schedule = JsonSerializer.Deserialize("""{ "id": "t", "start_time": "09:00:00", "end_time": "23:59:59" }""", SaltoKsJsonContext.Default.TimeSchedule)!;

        Assert.Equal(new TimeOnly(9, 0), schedule.StartTime);
        Assert.Equal(new TimeOnly(23, 59, 59), schedule.EndTime);
    }

    [Fact]
    public void Serialize_TimesOfDay_WritesHoursMinutesSeconds()
    {
        var request = new TimeScheduleRequest { Monday = true, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(23, 59, 59) };

        using JsonDocument written = JsonDocument.Parse(JsonSerializer.Serialize(request, SaltoKsJsonContext.Default.TimeScheduleRequest));

        Assert.Equal("09:00:00", written.RootElement.GetProperty("start_time").GetString());
        Assert.Equal("23:59:59", written.RootElement.GetProperty("end_time").GetString());
    }

    [Fact]
    public void Serialize_TimeWithFraction_DropsFraction()
    {
        var request = new TimeScheduleRequest { StartTime = new TimeOnly(9, 0, 0, 500) };

        using JsonDocument written = JsonDocument.Parse(JsonSerializer.Serialize(request, SaltoKsJsonContext.Default.TimeScheduleRequest));

        Assert.Equal("09:00:00", written.RootElement.GetProperty("start_time").GetString());
    }

    [Fact]
    public void Deserialize_TimeWithoutSeconds_IsAccepted()
    {
        TimeSchedule schedule = JsonSerializer.Deserialize("""{ "id": "t", "start_time": "09:30" }""", SaltoKsJsonContext.Default.TimeSchedule)!;

        Assert.Equal(new TimeOnly(9, 30), schedule.StartTime);
    }

    [Fact]
    public void Deserialize_InvalidTime_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{ "id": "t", "start_time": "25:99:00" }""", SaltoKsJsonContext.Default.TimeSchedule));

    [Fact]
    public void Deserialize_NullDates_AreNull()
    {
        TimeSchedule schedule = SaltoKsJsonAssert.RoundTrips("""{ "id": "t", "monday": true, "start_date": null, "end_date": null }""", SaltoKsJsonContext.Default.TimeSchedule);

        Assert.Null(schedule.StartDate);
        Assert.Null(schedule.EndDate);
    }

    [Fact]
    public void Serialize_DocumentedRequest_MatchesDocumentedBody()
    {
        var request = new TimeScheduleRequest
        {
            Monday = true,
            Tuesday = true,
            Wednesday = true,
            Thursday = true,
            Friday = true,
            Saturday = true,
            Sunday = true,
            StartTime = new TimeOnly(0, 0, 0),
            EndTime = new TimeOnly(23, 59, 59),
            StartDate = new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2025, 3, 4, 10, 30, 0, TimeSpan.Zero),
        };

        SaltoKsJsonAssert.SameJson(
            """
            { "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
              "saturday": true, "sunday": true, "start_time": "00:00:00", "end_time": "23:59:59",
              "start_date": "2025-03-04T09:00:00Z", "end_date": "2025-03-04T10:30:00Z" }
            """,
            JsonSerializer.Serialize(request, SaltoKsJsonContext.Default.TimeScheduleRequest));
    }

    [Fact]
    public void Serialize_RequestWithoutDates_WritesExplicitNulls()
    {
        var request = new TimeScheduleRequest { Monday = true, StartTime = new TimeOnly(0, 0), EndTime = new TimeOnly(23, 59, 59) };

        using JsonDocument written = JsonDocument.Parse(JsonSerializer.Serialize(request, SaltoKsJsonContext.Default.TimeScheduleRequest));

        Assert.Equal(JsonValueKind.Null, written.RootElement.GetProperty("start_date").ValueKind);
        Assert.Equal(JsonValueKind.Null, written.RootElement.GetProperty("end_date").ValueKind);
    }

    [Fact]
    public void Serialize_DateWithOffset_WritesSameInstantInUtc()
    {
        var request = new TimeScheduleRequest { StartDate = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(1)) };

        using JsonDocument written = JsonDocument.Parse(JsonSerializer.Serialize(request, SaltoKsJsonContext.Default.TimeScheduleRequest));

        Assert.Equal("2025-03-04T09:00:00Z", written.RootElement.GetProperty("start_date").GetString());
    }
}
