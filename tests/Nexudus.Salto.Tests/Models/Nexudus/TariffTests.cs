using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class TariffTests
{
    [Fact]
    public void Deserialize_Payload_ReadsPlanTypeAndPrice()
    {
        var tariff = ModelAssert.Read<Tariff>(NexudusPayloads.TariffFull);

        Assert.Equal(1414997001L, tariff.Id);
        Assert.Equal("Hot desk", tariff.Name);
        Assert.Equal(SystemTariffType.FullTimeHotDesk, tariff.SystemTariffType);
        Assert.Equal(199.00m, tariff.Price);
        Assert.True(tariff.UseTimePasses);
    }

    [Theory]
    [InlineData(99, SystemTariffType.Other)]
    [InlineData(10, SystemTariffType.VirtualOffice)]
    [InlineData(42, (SystemTariffType)42)]
    public void Deserialize_SystemTariffTypeNumber_MapsToEnum(int number, SystemTariffType expected)
    {
        var tariff = ModelAssert.Read<Tariff>($$"""{ "Id": 1, "SystemTariffType": {{number}} }""");

        Assert.Equal(expected, tariff.SystemTariffType);
    }
}
