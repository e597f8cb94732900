using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class BusinessTests
{
    [Fact]
    public void Deserialize_DocumentedExample_ReadsLocationAndOpeningHours()
    {
        var business = ModelAssert.Read<Business>(NexudusPayloads.BusinessDocumented);

        Assert.Equal(1414000001L, business.Id);
        Assert.Equal("Central", business.Name);
        Assert.Equal("central", business.WebAddress);
        Assert.Null(business.RootLocationId);
        Assert.Equal(12L, business.SimpleTimeZoneId);
        Assert.Equal(480, business.MondayOpenTime);
        Assert.Equal(1080, business.MondayCloseTime);
        Assert.False(business.MondayClosed);
        Assert.Null(business.TuesdayOpenTime);
    }

    [Fact]
    public void Deserialize_FullPayload_ReadsEveryDaysHours()
    {
        var business = ModelAssert.Read<Business>(NexudusPayloads.BusinessFull);

        Assert.Equal(1200, business.ThursdayCloseTime);
        Assert.Equal(600, business.SaturdayOpenTime);
        Assert.True(business.SundayClosed);
        Assert.Equal(51.5072, business.Latitude);
        Assert.Equal("GBP", business.CurrencyCode);
    }
}
