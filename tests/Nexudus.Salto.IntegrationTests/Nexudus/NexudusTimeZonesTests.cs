using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// From a location to its time zone as a user does it: the business's <c>SimpleTimeZoneId</c>,
/// the zone record read by the client, then <see cref="NexudusTimeZones"/>.
/// </summary>
public sealed class NexudusTimeZonesTests : IClassFixture<NexudusWorldFixture>
{
    private readonly NexudusSandboxEnvironment _env;

    public NexudusTimeZonesTests(NexudusWorldFixture fixture) => _env = fixture.Environment;

    public static TheoryData<string, string> Locations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, zone) in NexudusWorld.Locations)
        {
            data.Add(name, zone);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Locations))]
    public async Task Resolve_ZoneOfALocationReadThroughTheClient_IsThatLocationsSystemZone(string location, string expected)
    {
        var business = (await _env.Client.ListBusinessesAsync(new BusinessQuery { Name = location }).ToListAsync()).Single();

        var zone = NexudusTimeZones.Resolve(await _env.Client.GetSimpleTimeZoneAsync(business.SimpleTimeZoneId!.Value));

        Assert.Equal(expected, zone.Id);
    }

    [Fact]
    public async Task Resolve_EveryListedZone_MapsToTheSameOffsetsAsItsSystemZoneAcrossTheYear()
    {
        var zones = await _env.Client.ListSimpleTimeZonesAsync().ToListAsync();
        DateTimeOffset[] instants = [new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero), new(2025, 7, 15, 12, 0, 0, TimeSpan.Zero)];

        Assert.Equal(NexudusWorld.Locations.Count, zones.Count);
        foreach (var zone in zones)
        {
            var system = TimeZoneInfo.FindSystemTimeZoneById(zone.Name!);
            var resolved = NexudusTimeZones.Resolve(zone);
            Assert.Equal(instants.Select(system.GetUtcOffset), instants.Select(resolved.GetUtcOffset));
        }
    }

    [Fact]
    public async Task Resolve_ZoneNamedByALabelOnly_FallsBackToItsOffset()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync(seedWorld: false);
        var stored = env.Sandbox.Put(new SimpleTimeZone
        {
            Name = "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi",
            Description = "India",
            TimeOffset = "+05:30",
            UsesSummerTime = false,
        });

        var zone = NexudusTimeZones.Resolve(await env.Client.GetSimpleTimeZoneAsync(stored.Id));

        Assert.Equal(TimeSpan.FromMinutes(330), zone.GetUtcOffset(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromMinutes(330), zone.GetUtcOffset(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
