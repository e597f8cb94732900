using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sync;

public sealed class SandboxSpaceGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly SandboxSpaceOptions Small = new() { Customers = 200, Passes = 600, Contracts = 50, Bookings = 40, Groups = 6 };

    private static async Task<(SandboxSpace Space, string Fingerprint)> GenerateAsync(SandboxSpaceOptions options)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        await using var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { TimeProvider = time });
        await using var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions { TimeProvider = time });
        var space = SandboxSpaceGenerator.Generate(nexudus, salto, Now, options);
        IEnumerable<string> lines =
        [
            .. nexudus.GetAll<CoworkerTimePass>().Select(p => $"{p.CoworkerId}:{p.TimePassId}:{p.Used}:{p.ExpireDate:O}"),
            .. nexudus.GetAll<Coworker>().Select(c => $"{c.Email}:{c.Active}:{c.Archived}:{c.AccessCardId}"),
            .. salto.GetSiteUsers(space.SiteId).Select(u => u.User!.Email ?? ""),
        ];
        var fingerprint = string.Join('|', lines);
        return (space, fingerprint);
    }

    [Fact]
    public async Task Generate_SameSeed_GivesTheSameSpace()
    {
        var first = await GenerateAsync(Small);
        var second = await GenerateAsync(Small);

        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public async Task Generate_OtherSeed_GivesAnotherSpace()
    {
        var first = await GenerateAsync(Small);
        var other = await GenerateAsync(Small with { Seed = 7 });

        Assert.NotEqual(first.Fingerprint, other.Fingerprint);
    }

    [Fact]
    public async Task Generate_Groups_AreSplitBetweenPassesDesksAndResources()
    {
        var (space, _) = await GenerateAsync(Small);

        Assert.Equal(6, space.GroupIds.Count);
        Assert.Equal((2, 3, 1), (space.Links.TimePassGroups.Count, space.Links.FloorPlanDeskGroups.Count, space.Links.ResourceGroups.Count));
        Assert.Equal(200, space.Counts["Customers"]);
    }
}
