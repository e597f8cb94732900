using Microsoft.Extensions.Configuration;

namespace Nexudus.Salto.Tests.DependencyInjection;

/// <summary>A complete, valid configuration of the three sections, as key/value pairs to change per test.</summary>
internal static class IntegrationConfiguration
{
    public static Dictionary<string, string?> Valid() => new()
    {
        ["Nexudus:BaseUrl"] = "https://spaces.nexudus.com",
        ["Nexudus:Username"] = "admin@example.com",
        ["Nexudus:Password"] = "nexudus-password",
        ["Nexudus:ClientId"] = "2f1f0d2e-integration",
        ["Nexudus:PageSize"] = "250",
        ["SaltoKs:BaseUrl"] = "https://connect.my-clay.com",
        ["SaltoKs:IdentityUrl"] = "https://identity.eu.my-clay.com",
        ["SaltoKs:ClientId"] = "salto-client",
        ["SaltoKs:ClientSecret"] = "salto-secret",
        ["SaltoKs:Username"] = "door@example.com",
        ["SaltoKs:Password"] = "salto-password",
        ["SaltoIntegration:StatePath"] = "state/nexudus-salto.db",
        ["SaltoIntegration:Locations:0:NexudusBusinessId"] = "1414000001",
        ["SaltoIntegration:Locations:0:SaltoSiteId"] = "site-a",
        ["SaltoIntegration:Locations:0:TimePassGroups:1414999001:0"] = "group-day",
        ["SaltoIntegration:Locations:0:FloorPlanDeskGroups:1414888001:0"] = "group-office",
        ["SaltoIntegration:Locations:0:FloorPlanDeskGroups:1414888001:1"] = "group-lobby",
        ["SaltoIntegration:Locations:0:ResourceGroups:1414777001:0"] = "group-room",
        ["SaltoIntegration:Locations:0:Readers:lock-front"] = "CheckIn",
        ["SaltoIntegration:Locations:0:Readers:lock-exit"] = "CheckOut",
        ["SaltoIntegration:Locations:0:GroupOwnership:group-office"] = "Exclusive",
        ["SaltoIntegration:Locations:0:BookingAccessBefore"] = "00:10:00",
        ["SaltoIntegration:Locations:0:BookingAccessAfter"] = "00:05:00",
        ["SaltoIntegration:Locations:0:IncludeTentativeBookings"] = "true",
        ["SaltoIntegration:Locations:0:PassDayCutoff"] = "04:00:00",
        ["SaltoIntegration:Locations:0:PassExpireDateIsLocal"] = "true",
        ["SaltoIntegration:Locations:0:UseNexudusLinkFields"] = "false",
        ["SaltoIntegration:Locations:0:WritePassSchedules"] = "true",
        ["SaltoIntegration:SaltoWriteConcurrency"] = "6",
        ["SaltoIntegration:Safety:MaxRevocations"] = "10",
        ["SaltoIntegration:Safety:MaxRevocationPercent"] = "12.5",
        ["SaltoIntegration:Worker:SyncInterval"] = "00:05:00",
    };

    public static IConfiguration Build(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
