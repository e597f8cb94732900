using Microsoft.Extensions.Configuration;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.Sample.Settings;

/// <summary>One entry of <c>SaltoIntegration:Locations</c> (SPEC §2): its links and its door readers.</summary>
internal sealed record LocationSettings
{
    /// <summary>Gets the configuration path of the entry, e.g. <c>SaltoIntegration:Locations:0</c>.</summary>
    /// <value>The path, for messages.</value>
    public required string Path { get; init; }

    /// <summary>Gets the links, as the resolver takes them.</summary>
    /// <value>The location's links and policy.</value>
    public required LocationLinks Links { get; init; }

    /// <summary>Gets the door readers: lock id to its role.</summary>
    /// <value>Empty when the location bridges no check-ins.</value>
    public required IReadOnlyDictionary<string, ReaderRole> Readers { get; init; }

    /// <summary>Gets whether the sync writes linked passes' time slots as the groups' SALTO time schedules (opt-in).</summary>
    /// <value><see langword="false"/> by default.</value>
    public bool WritePassSchedules { get; init; }

    /// <summary>Gets the Nexudus business id.</summary>
    /// <value>0 when it was missing or bad.</value>
    public long NexudusBusinessId => Links.NexudusBusinessId;

    /// <summary>Gets the SALTO site id.</summary>
    /// <value>Empty when it was missing.</value>
    public string SaltoSiteId => Links.SaltoSiteId;

    /// <summary>Gets the location as the check-in bridge and the reports take it.</summary>
    /// <returns>The location's site and readers.</returns>
    public CheckInLocation ToCheckInLocation() => new()
    {
        NexudusBusinessId = NexudusBusinessId,
        SaltoSiteId = SaltoSiteId,
        Readers = Readers,
    };

    /// <summary>Reads one location.</summary>
    /// <param name="section">The location's section.</param>
    /// <param name="reader">Collects errors.</param>
    /// <returns>The location.</returns>
    internal static LocationSettings Read(IConfigurationSection section, IntegrationSettings.SectionReader reader)
    {
        var day = TimeSpan.FromDays(1);
        return new LocationSettings
        {
            Path = section.Path,
            Links = new LocationLinks
            {
                NexudusBusinessId = reader.Id(section, "NexudusBusinessId"),
                SaltoSiteId = reader.Text(section, "SaltoSiteId"),
                TimePassGroups = reader.Links(section, "TimePassGroups"),
                FloorPlanDeskGroups = reader.Links(section, "FloorPlanDeskGroups"),
                ResourceGroups = reader.Links(section, "ResourceGroups"),
                GroupOwnership = reader.Enums<GroupOwnership>(section, "GroupOwnership"),
                BookingAccessBefore = reader.Duration(section, "BookingAccessBefore", EntitlementPolicy.DefaultBookingBuffer, TimeSpan.Zero, day),
                BookingAccessAfter = reader.Duration(section, "BookingAccessAfter", EntitlementPolicy.DefaultBookingBuffer, TimeSpan.Zero, day),
                IncludeTentativeBookings = reader.Bool(section, "IncludeTentativeBookings", false),
                PassDayCutoff = reader.Duration(section, "PassDayCutoff", TimeSpan.Zero, TimeSpan.Zero, day),
                PassExpireDateIsLocal = reader.Bool(section, "PassExpireDateIsLocal", false),
                UseNexudusLinkFields = reader.Bool(section, "UseNexudusLinkFields", true),
            },
            Readers = reader.Readers(section, "Readers"),
            WritePassSchedules = reader.Bool(section, "WritePassSchedules", false),
        };
    }
}
