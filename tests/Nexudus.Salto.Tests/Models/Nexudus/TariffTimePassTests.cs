using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class TariffTimePassTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsAllowanceAndRenewal()
    {
        var allowance = ModelAssert.Read<TariffTimePass>(NexudusPayloads.TariffTimePassDocumented);

        Assert.Equal(1414998001L, allowance.Id);
        Assert.Equal(1414997001L, allowance.TariffId);
        Assert.Equal(1414999001L, allowance.TimePassId);
        Assert.Equal(10, allowance.PassesIncluded);
        Assert.Equal(TariffTimePassRenewal.CalendarMonth, allowance.PassRenewalTime);
    }

    [Fact]
    public void Deserialize_UnknownPassRenewalTime_KeepsTheNumber()
    {
        var allowance = ModelAssert.Read<TariffTimePass>("""{ "Id": 1, "PassRenewalTime": 42 }""");

        Assert.Equal((TariffTimePassRenewal)42, allowance.PassRenewalTime);
    }
}
