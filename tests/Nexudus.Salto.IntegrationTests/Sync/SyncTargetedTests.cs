using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>Targeted runs (<see cref="SyncRunOptions.Customers"/>) against the sandboxes: only the named customers change.</summary>
public sealed class SyncTargetedTests
{
    [Fact]
    public async Task Synchronize_TargetedAtAPayerWhoseContractEnded_RemovesTheTeamAndNoOneElse()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b
            .Customer("boss@example.com", "Boss Person").Customer("dev@example.com", "Dev Person")
            .Customer("solo@example.com", "Solo Person")
            .Contract("boss@example.com", "Office plan", Start.AddDays(-30), ["Office 101"])
            .Contract("solo@example.com", "Office plan", Start.AddDays(-30), ["Office 101"])
            .Team("Acme", "boss@example.com", ["dev@example.com"]));
        var options = Options(seed) with { Safety = new RevocationSafety { MaxRevocations = 100, MaxRevocationPercent = 100 } };
        var synchronizer = h.Synchronizer(options);
        await synchronizer.SynchronizeAsync();
        Assert.Equal(3, h.Members(OfficeGroup).Count);

        // Both contracts end; only the payer's event is applied.
        foreach (var contract in h.Nexudus.GetAll<CoworkerContract>())
        {
            h.Nexudus.Put(contract with { Active = false, Cancelled = true });
        }

        var boss = seed.Customer("boss@example.com").Id;
        var report = await synchronizer.SynchronizeAsync(new SyncRunOptions { Customers = [boss], TeamPayers = [boss] });

        Assert.Equal(SnapshotReadKind.Targeted, report.SnapshotRead);
        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal([h.UserOf("solo@example.com")], h.Members(OfficeGroup));
        Assert.Equal(2, report.Changes.Count(c => c.Kind == MembershipChangeKind.Remove && c.Outcome == SyncChangeOutcome.Applied));
        Assert.InRange(report.Calls.Nexudus.Reads, 1, 12);
    }

    [Fact]
    public async Task Synchronize_TargetedWithoutAPreviousRun_CoversEveryCustomer()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass")
            .Customer("kim@example.com", "Kim Example").CustomerPass("kim@example.com", "Day Pass"));

        var report = await h.Synchronizer(Options(seed)).SynchronizeAsync(new SyncRunOptions { Customers = [seed.Customer("sam@example.com").Id] });

        Assert.Equal(SnapshotReadKind.Full, report.SnapshotRead);
        Assert.Equal(2, h.Members(PassGroup).Count);
    }
}
