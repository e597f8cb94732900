using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>Removals are held (adds still apply) above the limits or after a bad read; the override releases them.</summary>
public sealed class SyncGuardTests
{
    /// <summary>Four customers with a pass that ends in two hours; after the first sync all four are in the pass group.</summary>
    private static async Task<(SyncHarness Harness, NexudusSeed Seed)> FourExpiringPassesAsync()
    {
        var h = await StartAsync();
        var seed = h.Seed(b =>
        {
            b.Customers(4, "leaver");
            foreach (var i in Enumerable.Range(1, 4))
            {
                b.CustomerPass($"leaver{i:0000}@example.com", "Day Pass", p => p with { ExpireDate = Start.AddHours(2) });
            }
        });
        await h.SyncAsync(Options(seed));
        Assert.Equal(4, h.Members(PassGroup).Count);
        return (h, seed);
    }

    [Fact]
    public async Task Synchronize_MoreRemovalsThanMaxRevocations_HoldsThemAndStillAddsNewcomers()
    {
        var (h, seed) = await FourExpiringPassesAsync();
        await using var _ = h;
        h.Nexudus.Seed(b => b.AtLocation("Central").Customer("new@example.com", "New Comer").CustomerPass("new@example.com", "Day Pass"));
        h.Time.Advance(TimeSpan.FromHours(3));

        var report = await h.SyncAsync(Options(seed, o => o with { Safety = new RevocationSafety { MaxRevocations = 3, MaxRevocationPercent = 100 } }));

        Assert.Equal(SyncResult.RemovalsHeld, report.Result);
        Assert.Equal([RevocationHoldReason.TooManyRevocations], report.Revocation.Reasons);
        Assert.Equal(5, h.Members(PassGroup).Count);
        Assert.Equal(4, report.Changes.Count(c => c.Outcome == SyncChangeOutcome.Held));
        Assert.Contains(report.Changes, c => c is { Kind: MembershipChangeKind.Add, Outcome: SyncChangeOutcome.Applied });
    }

    [Fact]
    public async Task Synchronize_MoreThanMaxRevocationPercentOfTheSite_HoldsTheRemovals()
    {
        var (h, seed) = await FourExpiringPassesAsync();
        await using var _ = h;
        h.Time.Advance(TimeSpan.FromHours(3));

        var report = await h.SyncAsync(Options(seed, o => o with { Safety = new RevocationSafety() }));

        Assert.Equal(SyncResult.RemovalsHeld, report.Result);
        Assert.Equal([RevocationHoldReason.RevocationPercentExceeded], report.Revocation.Reasons);
        Assert.Equal(4, h.Members(PassGroup).Count);
    }

    [Fact]
    public async Task Synchronize_HeldRemovalsWithTheOverride_AreApplied()
    {
        var (h, seed) = await FourExpiringPassesAsync();
        await using var _ = h;
        h.Time.Advance(TimeSpan.FromHours(3));

        var report = await h.SyncAsync(Options(seed, o => o with { Safety = new RevocationSafety(), AllowMassRevocation = true }));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.True(report.Revocation.Overridden);
        Assert.Empty(h.Members(PassGroup));
    }

    [Fact]
    public async Task Synchronize_OverrideForOneRunOnly_AppliesHeldRemovalsThenHoldsAgain()
    {
        var (h, seed) = await FourExpiringPassesAsync();
        await using var _ = h;
        var synchronizer = h.Synchronizer(Options(seed, o => o with { Safety = new RevocationSafety() }));
        h.Time.Advance(TimeSpan.FromHours(3));

        var held = await synchronizer.SynchronizeAsync();
        var released = await synchronizer.SynchronizeAsync(new SyncRunOptions { AllowMassRevocation = true });

        Assert.Equal(SyncResult.RemovalsHeld, held.Result);
        Assert.Equal(SyncResult.Completed, released.Result);
        Assert.True(released.Revocation.Overridden);
        Assert.Empty(h.Members(PassGroup));
    }

    [Fact]
    public async Task Synchronize_DryRunForOneRun_WritesNothingAndTheNextRunApplies()
    {
        var (h, seed) = await FourExpiringPassesAsync();
        await using var _ = h;
        var synchronizer = h.Synchronizer(Options(seed, o => o with { Safety = new RevocationSafety { MaxRevocations = 100, MaxRevocationPercent = 100 } }));
        h.Time.Advance(TimeSpan.FromHours(3));
        h.Salto.Requests.Clear();

        var planned = await synchronizer.SynchronizeAsync(new SyncRunOptions { DryRun = true });
        var writesWhilePlanning = h.Salto.Requests.GetCounters().Writes;
        var applied = await synchronizer.SynchronizeAsync();

        Assert.True(planned.DryRun);
        Assert.Equal(0, writesWhilePlanning);
        Assert.All(planned.Changes, c => Assert.Equal(SyncChangeOutcome.Planned, c.Outcome));
        Assert.False(applied.DryRun);
        Assert.Empty(h.Members(PassGroup));
    }

    [Fact]
    public async Task Synchronize_NexudusReadFails_HoldsRemovalsEvenWithTheOverrideButAppliesAdds()
    {
        var (h, seed) = await FourExpiringPassesAsync();
        await using var _ = h;
        h.Nexudus.Seed(b => b.AtLocation("Central").Customer("new@example.com", "New Comer").Contract("new@example.com", "Office plan", Start.AddDays(-1), ["Office 101"]));
        h.Time.Advance(TimeSpan.FromHours(3));
        h.Nexudus.Faults.Add(SandboxFaultRule.On("GET", "/api/billing/coworkertimepasses", SandboxFault.Response(500)));

        var report = await h.SyncAsync(Options(seed, o => o with { AllowMassRevocation = true }));

        Assert.Equal(SyncResult.Failed, report.Result);
        Assert.Contains(RevocationHoldReason.NexudusReadFailed, report.Revocation.Reasons);
        Assert.Equal(4, h.Members(PassGroup).Count);
        Assert.Single(h.Members(OfficeGroup));
        Assert.Contains(report.Errors, e => e.Kind == SyncErrorKind.NexudusRead);
    }

    [Fact]
    public async Task Synchronize_NexudusReturnsNoCustomersWhileTheLedgerHoldsMemberships_HoldsTheRemovals()
    {
        var (h, seed) = await FourExpiringPassesAsync();
        await using var _ = h;
        foreach (var customer in h.Nexudus.GetAll<global::Nexudus.Salto.Nexudus.Coworker>())
        {
            h.Nexudus.SuspendCustomer(customer.Id);
        }

        var report = await h.SyncAsync(Options(seed, o => o with { Safety = new RevocationSafety { MaxRevocations = 100, MaxRevocationPercent = 100 } }));

        Assert.Equal(SyncResult.RemovalsHeld, report.Result);
        Assert.Equal([RevocationHoldReason.SuspiciouslyEmptyRead], report.Revocation.Reasons);
        Assert.Equal(4, h.Members(PassGroup).Count);
    }

    [Fact]
    public async Task Synchronize_AGroupsMembersCannotBeRead_HoldsRemovalsInOtherGroups()
    {
        var (h, seed) = await FourExpiringPassesAsync();
        await using var _ = h;
        h.Time.Advance(TimeSpan.FromHours(3));
        h.Salto.Faults.Add(SandboxFaultRule.On("GET", $"/v1.1/sites/{SiteId}/access_groups/{RoomGroup}/users", SandboxFault.Response(500)));

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Failed, report.Result);
        Assert.Contains(RevocationHoldReason.SaltoReadFailed, report.Revocation.Reasons);
        Assert.Equal(4, h.Members(PassGroup).Count);
    }

    [Fact]
    public async Task Synchronize_GroupEmptiedByHandAndConfirmedWithTheOverride_ForgetsItsLedgerAndHoldsNoMore()
    {
        var (h, seed) = await FourExpiringPassesAsync();
        await using var _ = h;
        h.Time.Advance(TimeSpan.FromHours(3));

        // An administrator empties the group in SALTO KS by hand.
        foreach (var member in h.Members(PassGroup).ToList())
        {
            await h.SaltoClient.RemoveAccessGroupMemberAsync(SiteId, PassGroup, member);
        }

        var held = await h.SyncAsync(Options(seed));
        var confirmed = await h.SyncAsync(Options(seed, o => o with { AllowMassRevocation = true }));
        var after = await h.SyncAsync(Options(seed));

        Assert.Contains(RevocationHoldReason.SuspiciouslyEmptyRead, held.Revocation.Reasons);
        Assert.Equal(SyncResult.Completed, after.Result);
        Assert.Empty(after.Revocation.Reasons);
        Assert.DoesNotContain((await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships, o => o.GroupId == PassGroup);
        Assert.Equal(SyncResult.Completed, confirmed.Result);
    }
}
