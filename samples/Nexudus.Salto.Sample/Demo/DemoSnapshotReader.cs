using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Sample.Demo;

/// <summary>
/// Reads everything the resolver needs from Nexudus, the simple way: every list in full. Fine for the demo's
/// handful of records; a real space wants the sync engine's reader, which reads only what can matter.
/// </summary>
internal static class DemoSnapshotReader
{
    /// <summary>Reads the snapshot.</summary>
    /// <param name="client">The Nexudus client.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The snapshot, with each location's time zone.</returns>
    public static async Task<NexudusSnapshot> ReadAsync(INexudusClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var businesses = await client.ListBusinessesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var zones = await client.ListSimpleTimeZonesAsync(cancellationToken: cancellationToken).ToDictionaryAsync(z => z.Id, cancellationToken: cancellationToken);
        var timeZones = new Dictionary<long, TimeZoneInfo>();
        foreach (var business in businesses)
        {
            if (business.SimpleTimeZoneId is { } zoneId && zones.TryGetValue(zoneId, out var zone) && NexudusTimeZones.TryResolve(zone, out var timeZone))
            {
                timeZones[business.Id] = timeZone;
            }
        }

        return new NexudusSnapshot
        {
            Coworkers = await client.ListCoworkersAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),

            // Team members and contract desks are collections, which only full records carry.
            Teams = await client.ListTeamsAsync(new TeamQuery { FullRecords = true }, cancellationToken).ToListAsync(cancellationToken),
            TimePasses = await client.ListTimePassesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
            CoworkerTimePasses = await client.ListCoworkerTimePassesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
            CoworkerContracts = await client.ListCoworkerContractsAsync(new CoworkerContractQuery { FullRecords = true }, cancellationToken).ToListAsync(cancellationToken),
            FloorPlanDesks = await client.ListFloorPlanDesksAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
            Resources = await client.ListResourcesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
            Bookings = await client.ListBookingsAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
            TimeZones = timeZones,
        };
    }
}
