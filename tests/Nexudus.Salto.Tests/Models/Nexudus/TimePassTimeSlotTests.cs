using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class TimePassTimeSlotTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsDayAndWindow()
    {
        var slot = ModelAssert.Read<TimePassTimeSlot>(NexudusPayloads.TimePassTimeSlotDocumented);

        Assert.Equal(1414999101L, slot.Id);
        Assert.Equal(1414999001L, slot.TimePassId);
        Assert.Equal(1, slot.DayOfWeek);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero), slot.FromTime);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 14, 0, 0, TimeSpan.Zero), slot.ToTime);
    }
}
