using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class CheckinTests
{
    [Fact]
    public void Deserialize_DocumentedCreateBody_ReadsOpenCheckin()
    {
        var checkin = ModelAssert.Read<Checkin>(NexudusPayloads.CheckinDocumented);

        Assert.Equal(0L, checkin.Id);
        Assert.Equal(1414000001L, checkin.BusinessId);
        Assert.Equal(1415604543L, checkin.CoworkerId);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero), checkin.FromTime);
        Assert.Null(checkin.ToTime);
    }

    [Fact]
    public void Deserialize_FullPayload_ReadsSourceAndPassGuid()
    {
        var checkin = ModelAssert.Read<Checkin>(NexudusPayloads.CheckinFull);

        Assert.Equal(CheckinSource.DoorAccess, checkin.Source);
        Assert.Equal(Guid.Parse("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"), checkin.CoworkerTimePassGuid);
        Assert.Equal(new DateTime(2025, 1, 15, 17, 30, 0), checkin.ToTimeLocal);
    }

    [Fact]
    public void Deserialize_UnknownSource_KeepsTheNumber()
    {
        var checkin = ModelAssert.Read<Checkin>("""{ "Id": 1, "Source": 42 }""");

        Assert.Equal((CheckinSource)42, checkin.Source);
    }

    [Fact]
    public void Serialize_NewCheckin_OmitsIdAndWritesUtcTimes()
    {
        var checkin = new Checkin
        {
            BusinessId = 1414000001,
            CoworkerId = 1415604543,
            FromTime = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(1)),
        };

        var json = ModelAssert.Write(checkin);

        Assert.False(json.TryGetProperty("Id", out _));
        Assert.Equal("2025-01-15T09:00:00Z", json.GetProperty("FromTime").GetString());
        Assert.Equal(1414000001L, json.GetProperty("BusinessId").GetInt64());
    }

    [Fact]
    public void Serialize_CheckOut_KeepsIdForThePut()
    {
        var checkOut = ModelAssert.Read<Checkin>(NexudusPayloads.CheckinFull) with
        {
            ToTime = new DateTimeOffset(2025, 1, 15, 18, 0, 0, TimeSpan.Zero),
        };

        var json = ModelAssert.Write(checkOut);

        Assert.Equal(1419100001L, json.GetProperty("Id").GetInt64());
        Assert.Equal("2025-01-15T18:00:00Z", json.GetProperty("ToTime").GetString());
    }
}
