using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// <see cref="NexudusSnapshotReading.ReadSnapshotAsync"/>, the public way to read what the resolver takes: over real
/// HTTP against the sandbox's standard world (<see cref="NexudusWorld"/>), resolved as a user would resolve it.
/// </summary>
public sealed class NexudusSnapshotReadingTests
{
    private static readonly DateTimeOffset Now = NexudusSandboxEnvironment.Start;

    [Fact]
    public async Task ReadSnapshotAsync_StandardWorld_ResolvesContractPassAndTeamAccess()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var world = env.World!;
        LocationLinks[] locations = [.. NexudusWorld.Locations.Select((l, i) => new LocationLinks
        {
            NexudusBusinessId = world.Location(l.Name).Id,
            SaltoSiteId = $"site-{i + 1}",
        })];

        var snapshot = await env.Client.ReadSnapshotAsync(locations, Now);
        var access = new EntitlementResolver().Resolve(snapshot, LinkMapBuilder.Build(locations, snapshot), Now);

        var member = world.Customer(NexudusWorld.Member(1)).Id;
        var guest = world.Customer(NexudusWorld.Guest(1)).Id;
        Assert.Equal(NexudusWorld.Locations.Count, snapshot.TimeZones.Count);
        Assert.Contains(access.GetLineage(member, "group-desk-1"), g => g is ContractGrant);
        Assert.Contains(access.GetLineage(guest, "group-desk-1"), g => g is TeamGrant);
        Assert.Contains(access.GetLineage(guest, "group-pass-1"), g => g is TimePassGrant);
        Assert.DoesNotContain(access.Memberships, m => m.CustomerId == world.Customer(NexudusWorld.NoPassEmail).Id);
    }

    [Fact]
    public async Task ReadSnapshotAsync_CustomerListFails_ThrowsThatFailureRatherThanASnapshotWithoutCustomers()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        LocationLinks[] locations = [new() { NexudusBusinessId = env.World!.Location("Central").Id, SaltoSiteId = "site-1" }];
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers", SandboxFault.Response(404)));

        await Assert.ThrowsAsync<NexudusNotFoundException>(() => env.Client.ReadSnapshotAsync(locations, Now));
    }

    [Fact]
    public async Task ReadSnapshotAsync_TwoPartsFail_ThrowsAnAggregateNamingBoth()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        LocationLinks[] locations = [new() { NexudusBusinessId = env.World!.Location("Central").Id, SaltoSiteId = "site-1" }];
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers", SandboxFault.Response(404)));
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/bookings", SandboxFault.Response(404)));

        var error = await Assert.ThrowsAsync<AggregateException>(() => env.Client.ReadSnapshotAsync(locations, Now));

        Assert.StartsWith("Reading bookings, customers from Nexudus failed", error.Message, StringComparison.Ordinal);
        Assert.All(error.InnerExceptions, e => Assert.IsType<NexudusNotFoundException>(e));
    }

    [Fact]
    public async Task ReadSnapshotAsync_NegativeLookAhead_ThrowsBeforeAnyCall()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync(seedWorld: false);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => env.Client.ReadSnapshotAsync([], Now, TimeSpan.FromMinutes(-1)));
        Assert.Empty(env.Sandbox.Requests.GetRequests());
    }
}
