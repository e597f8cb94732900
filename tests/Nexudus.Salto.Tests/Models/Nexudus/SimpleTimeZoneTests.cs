using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class SimpleTimeZoneTests
{
    [Fact]
    public void Deserialize_Payload_ReadsNameOffsetAndSummerTime()
    {
        var zone = ModelAssert.Read<SimpleTimeZone>(NexudusPayloads.SimpleTimeZoneFull);

        Assert.Equal(12L, zone.Id);
        Assert.Equal("GMT Standard Time", zone.Name);
        Assert.Equal("(UTC+00:00) Dublin, Edinburgh, Lisbon, London", zone.Description);
        Assert.Equal("00:00", zone.TimeOffset);
        Assert.True(zone.UsesSummerTime);
    }
}
