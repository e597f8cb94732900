using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class CheckInTests
{
    [Fact]
    public void Deserialize_DocumentedCreateBody_ReadsOpenCheckIn()
    {
        var checkIn = ModelAssert.Read<CheckIn>(NexudusPayloads.CheckInDocumented);

        Assert.Equal(0L, checkIn.Id);
        Assert.Equal(1414000001L, checkIn.BusinessId);
        Assert.Equal(1415604543L, checkIn.CoworkerId);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero), checkIn.FromTime);
        Assert.Null(checkIn.ToTime);
    }

    [Fact]
    public void Deserialize_FullPayload_ReadsSourceAndPassGuid()
    {
        var checkIn = ModelAssert.Read<CheckIn>(NexudusPayloads.CheckInFull);

        Assert.Equal(CheckInSource.DoorAccess, checkIn.Source);
        Assert.Equal(Guid.Parse("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"), checkIn.CoworkerTimePassGuid);
        Assert.Equal(new DateTime(2025, 1, 15, 17, 30, 0), checkIn.ToTimeLocal);
    }

    [Fact]
    public void Deserialize_UnknownSource_KeepsTheNumber()
    {
        var checkIn = ModelAssert.Read<CheckIn>("""{ "Id": 1, "Source": 42 }""");

        Assert.Equal((CheckInSource)42, checkIn.Source);
    }

    [Fact]
    public void Serialize_NewCheckIn_OmitsIdAndWritesUtcTimes()
    {
        var checkIn = new CheckIn
        {
            BusinessId = 1414000001,
            CoworkerId = 1415604543,
            FromTime = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(1)),
        };

        var json = ModelAssert.Write(checkIn);

        Assert.False(json.TryGetProperty("Id", out _));
        Assert.Equal("2025-01-15T09:00:00Z", json.GetProperty("FromTime").GetString());
        Assert.Equal(1414000001L, json.GetProperty("BusinessId").GetInt64());
    }

    [Fact]
    public void Serialize_CheckOut_KeepsIdForThePut()
    {
        var checkOut = ModelAssert.Read<CheckIn>(NexudusPayloads.CheckInFull) with
        {
            ToTime = new DateTimeOffset(2025, 1, 15, 18, 0, 0, TimeSpan.Zero),
        };

        var json = ModelAssert.Write(checkOut);

        Assert.Equal(1419100001L, json.GetProperty("Id").GetInt64());
        Assert.Equal("2025-01-15T18:00:00Z", json.GetProperty("ToTime").GetString());
    }
}
