using Microsoft.Extensions.Configuration;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.DependencyInjection;

/// <summary>The guest keys of a location: bound from configuration, known to the key check, carried to the sync engine.</summary>
public sealed class GuestConfigurationTests
{
    private static IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["SaltoIntegration:Locations:0:NexudusBusinessId"] = "7",
        ["SaltoIntegration:Locations:0:SaltoSiteId"] = "site-a",
        ["SaltoIntegration:Locations:0:BookingGuests"] = "true",
        ["SaltoIntegration:Locations:0:VisitorGroups:0"] = " g-visitors ",
        ["SaltoIntegration:Locations:0:VisitorAccessBefore"] = "00:45:00",
        ["SaltoIntegration:Locations:0:GuestSeatReserve"] = "3",
    }).Build();

    [Fact]
    public void Find_GuestKeys_AreNotUnknown()
    {
        Assert.Empty(UnknownConfigurationKeys.Find(Configuration()));
    }

    [Fact]
    public void ToAccessSyncOptions_GuestKeys_AreCarriedToTheSyncLocation()
    {
        var options = Configuration().GetSection(SaltoIntegrationOptions.SectionName).Get<SaltoIntegrationOptions>()!;

        var location = Assert.Single(SaltoIntegrationOptionsMapping.ToAccessSyncOptions(options, new SaltoKsClientOptions()).Locations);

        Assert.True(location.BookingGuests);
        Assert.Equal(["g-visitors"], location.VisitorGroups);
        Assert.Equal(TimeSpan.FromMinutes(45), location.VisitorAccessBefore);
        Assert.Equal(3, location.GuestSeatReserve);
    }
}
