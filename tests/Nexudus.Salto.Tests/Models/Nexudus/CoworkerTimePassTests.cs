using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class CoworkerTimePassTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsUseExpiryAndOriginLinks()
    {
        var pass = ModelAssert.Read<CoworkerTimePass>(NexudusPayloads.CoworkerTimePassDocumented);

        Assert.Equal(87654321L, pass.Id);
        Assert.Equal(1415604543L, pass.CoworkerId);
        Assert.Equal(1414000001L, pass.BusinessId);
        Assert.Equal(1414999001L, pass.TimePassId);
        Assert.Equal("Day Pass", pass.TimePassName);
        Assert.False(pass.Used);
        Assert.Null(pass.UsedDate);
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 0, 0, 0, TimeSpan.Zero), pass.ExpireDate);
        Assert.Null(pass.RemainingUses);
        Assert.Null(pass.TotalUses);
        Assert.False(pass.CheckedIn);
        Assert.True(pass.IsFromTariff);
        Assert.Equal(Guid.Parse("a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), pass.TariffTimePassUniqueId);
        Assert.Equal(Guid.Parse("0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f"), pass.CoworkerContractUniqueId);
        Assert.Null(pass.CoworkerProductUniqueId);
    }

    [Fact]
    public void Deserialize_EmptyStringOriginLink_ReadsAsNull()
    {
        var pass = ModelAssert.Read<CoworkerTimePass>("""{ "Id": 1, "TariffTimePassUniqueId": "", "CoworkerProductUniqueId": "  " }""");

        Assert.Null(pass.TariffTimePassUniqueId);
        Assert.Null(pass.CoworkerProductUniqueId);
    }

    [Fact]
    public void Deserialize_OriginLinkInUpperCase_MatchesTheTariffTimePassUniqueId()
    {
        var pass = ModelAssert.Read<CoworkerTimePass>("""{ "Id": 1, "TariffTimePassUniqueId": "A1B2C3D4-5E6F-4A7B-8C9D-0E1F2A3B4C5D" }""");
        var allowance = ModelAssert.Read<TariffTimePass>(NexudusPayloads.TariffTimePassFull);

        Assert.Equal(allowance.UniqueId, pass.TariffTimePassUniqueId);
    }
}
