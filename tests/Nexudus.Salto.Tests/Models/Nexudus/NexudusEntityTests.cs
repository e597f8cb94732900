using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class NexudusEntityTests
{
    private const long AboveInt32 = 2_147_483_648L;

    [Fact]
    public void Deserialize_IdAboveInt32Max_ReadsTheLong()
    {
        var coworker = ModelAssert.Read<Coworker>($$"""{ "Id": {{AboveInt32}} }""");

        Assert.Equal(AboveInt32, coworker.Id);
    }

    [Fact]
    public void Deserialize_ForeignKeysAboveInt32Max_ReadTheLongs()
    {
        var booking = ModelAssert.Read<Booking>($$"""{ "Id": 1, "ResourceId": {{AboveInt32 + 1}}, "CoworkerId": {{AboveInt32 + 2}}, "FloorPlanDeskId": {{long.MaxValue}} }""");

        Assert.Equal(AboveInt32 + 1, booking.ResourceId);
        Assert.Equal(AboveInt32 + 2, booking.CoworkerId);
        Assert.Equal(long.MaxValue, booking.FloorPlanDeskId);
    }

    [Fact]
    public void Deserialize_IdListAboveInt32Max_ReadsTheLongs()
    {
        var team = ModelAssert.Read<Team>($$"""{ "Id": 1, "TeamMembers": [{{AboveInt32}}, 4294967296] }""");

        Assert.Equal([AboveInt32, 4_294_967_296L], team.TeamMembers);
    }

    [Fact]
    public void Deserialize_IdAsString_IsRead()
    {
        var coworker = ModelAssert.Read<Coworker>("""{ "Id": "1415604543", "SimpleTimeZoneId": "12" }""");

        Assert.Equal(1415604543L, coworker.Id);
        Assert.Equal(12L, coworker.SimpleTimeZoneId);
    }

    [Fact]
    public void Deserialize_PropertyNamesInOtherCase_AreRead()
    {
        var coworker = ModelAssert.Read<Coworker>("""{ "id": 1415604543, "fullName": "Sam Example", "ACTIVE": true }""");

        Assert.Equal(1415604543L, coworker.Id);
        Assert.Equal("Sam Example", coworker.FullName);
        Assert.True(coworker.Active);
    }

    [Fact]
    public void Deserialize_CommonFields_AreReadOnEveryEntity()
    {
        var tariff = ModelAssert.Read<Tariff>(NexudusPayloads.TariffFull);

        Assert.Equal(Guid.Parse("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"), tariff.UniqueId);
        Assert.Equal(new DateTimeOffset(2022, 2, 1, 10, 0, 0, TimeSpan.Zero), tariff.CreatedOn);
        Assert.Equal(new DateTimeOffset(2024, 12, 1, 10, 0, 0, TimeSpan.Zero), tariff.UpdatedOn);
        Assert.Equal("admin@example.com", tariff.UpdatedBy);
        Assert.Equal("plan-hot", tariff.SystemId);
    }
}
