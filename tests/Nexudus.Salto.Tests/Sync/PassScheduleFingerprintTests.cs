using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class PassScheduleFingerprintTests
{
    [Fact]
    public void Fingerprint_RequestAndTheScheduleSaltoEchoesWithSeconds_AreEqual()
    {
        var request = new TimeScheduleRequest { Monday = true, Friday = true, StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(13, 0) };
        var echoed = new TimeSchedule { Id = "t1", Monday = true, Friday = true, StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(13, 0, 59) };

        Assert.Equal("Mon,Fri 08:00-13:00", PassScheduleWriter.Fingerprint(request));
        Assert.Equal(PassScheduleWriter.Fingerprint(request), PassScheduleWriter.Fingerprint(echoed));
    }

    [Fact]
    public void Fingerprint_ScheduleWithDates_DiffersFromTheSameWeeklyWindow()
    {
        var weekly = new TimeSchedule { Id = "t1", Monday = true, StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(13, 0) };
        var dated = weekly with { StartDate = new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero) };

        Assert.NotEqual(PassScheduleWriter.Fingerprint(weekly), PassScheduleWriter.Fingerprint(dated));
    }
}
