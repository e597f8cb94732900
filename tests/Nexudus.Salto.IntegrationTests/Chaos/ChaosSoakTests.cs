using Nexudus.Salto.Benchmarks.Chaos;
using Nexudus.Salto.SaltoKs;
using Xunit.Abstractions;

namespace Nexudus.Salto.IntegrationTests.Chaos;

/// <summary>
/// The chaos soak (benchmarks/…/Chaos, linked into this project) in its short, fixed-seed form, and proof that its
/// oracle catches a wrongful change. The 1,000-cycle run with child processes is <c>chaos-soak</c> in the benchmarks.
/// </summary>
public sealed class ChaosSoakTests(ITestOutputHelper output)
{
    private const int Seed = 20261207;

    [Fact]
    public async Task RunAsync_FiftyCyclesUnderFaultsWithAFixedSeed_NoWrongfulChangeAndConvergesInOneCleanCycle()
    {
        var result = await ChaosSoak.RunAsync(new ChaosSoakOptions
        {
            Seed = Seed,
            Cycles = 50,
            SlowestReply = TimeSpan.FromMilliseconds(2500),
            LongestRetryAfterSeconds = 1,
            Space = new ChaosSoakOptions().Space with { Customers = 80, Passes = 200, Contracts = 30, Bookings = 60 },
            Log = output.WriteLine,
        });

        foreach (var finding in result.WrongfulGrants.Concat(result.WrongfulRevocations))
        {
            output.WriteLine("WRONGFUL " + finding);
        }

        Assert.Empty(result.WrongfulGrants);
        Assert.Empty(result.WrongfulRevocations);
        Assert.True(result.ConvergenceCycles == 1, $"Converged after {result.ConvergenceCycles?.ToString() ?? "more than 10"} clean cycles: {result.ConvergenceNote}");

        // The soak must have done something to judge: faults that hit, and changes both ways.
        Assert.True(result.CyclesWithFaults >= 20, $"Only {result.CyclesWithFaults} cycles had a fault that hit.");
        Assert.True(result.Grants > 0 && result.Revocations > 0, $"{result.Grants} grants and {result.Revocations} revocations.");
    }

    [Fact]
    public async Task RunAsync_AMembershipOfAnEntitledCustomerRemovedDuringACycle_IsAWrongfulRevocation()
    {
        var result = await RunPlantedAsync(async plant =>
        {
            // Everything the SDK added so far, taken away at once: many of those customers are still entitled.
            foreach (var group in plant.OwnedBySdk.GroupBy(m => m.Group))
            {
                await plant.SaltoClient.ChangeAccessGroupMembersAsync(plant.Space.SiteId, group.Key, new AccessGroupUsersChange { RemoveIds = [.. group.Select(m => m.User)] });
            }
        });

        Assert.Empty(result.WrongfulGrants);
        Assert.NotEmpty(result.WrongfulRevocations);
        Assert.All(result.WrongfulRevocations, f => Assert.Equal(("2", "revocation"), (f.Cycle, f.Change)));
        Assert.Contains(result.WrongfulRevocations, f => f.Why.StartsWith("still entitled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_AMembershipAddedByHandRemovedDuringACycle_IsAWrongfulRevocation()
    {
        PlatformUserId? removed = null;
        var result = await RunPlantedAsync(async plant =>
        {
            // The generator adds staff members to the groups by hand; the SDK never added them, so it may never remove them.
            var group = plant.Space.GroupIds.First(g => plant.Salto.GetAccessGroupMembers(plant.Space.SiteId, g).Any(u => !plant.OwnedBySdk.Contains((g, u))));
            removed = plant.Salto.GetAccessGroupMembers(plant.Space.SiteId, group).First(u => !plant.OwnedBySdk.Contains((group, u)));
            await plant.SaltoClient.ChangeAccessGroupMembersAsync(plant.Space.SiteId, group, new AccessGroupUsersChange { RemoveIds = [removed.Value] });
        });

        var finding = Assert.Single(result.WrongfulRevocations);
        Assert.Equal(removed, finding.User);
        Assert.StartsWith("the SDK did not add", finding.Why, StringComparison.Ordinal);
        Assert.Empty(result.WrongfulGrants);
    }

    [Fact]
    public async Task RunAsync_AStrangerAddedDuringACycle_IsAWrongfulGrant()
    {
        var result = await RunPlantedAsync(async plant =>
        {
            var group = plant.Space.GroupIds[0];
            var members = plant.Salto.GetAccessGroupMembers(plant.Space.SiteId, group);
            var stranger = plant.Salto.GetSiteUsers(plant.Space.SiteId)
                .First(u => u.User!.Email!.StartsWith("staff", StringComparison.Ordinal) && !members.Contains(u.User.Id)).User!.Id;
            await plant.SaltoClient.ChangeAccessGroupMembersAsync(plant.Space.SiteId, group, new AccessGroupUsersChange { AddIds = [stranger] });
        });

        var finding = Assert.Single(result.WrongfulGrants);
        Assert.Equal(("2", "the user is no Nexudus customer"), (finding.Cycle, finding.Why));
        Assert.Empty(result.WrongfulRevocations);
    }

    // Three cycles without faults; the change planted at the end of the second counts as sent by that cycle's sync.
    private static Task<ChaosSoakResult> RunPlantedAsync(Func<ChaosPlanting, Task> plant) =>
        ChaosSoak.RunAsync(new ChaosSoakOptions
        {
            Seed = Seed,
            Cycles = 3,
            Faults = false,
            MaxCleanCycles = 1,
            Space = new ChaosSoakOptions().Space with { Customers = 60, Passes = 150, Contracts = 20, Bookings = 40 },
            AfterSync = p => p.Cycle == 2 ? plant(p) : Task.CompletedTask,
        });
}
