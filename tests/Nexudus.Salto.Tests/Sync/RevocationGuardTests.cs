using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class RevocationGuardTests
{
    private static readonly RevocationSafety Safety = new() { MaxRevocations = 3, MaxRevocationPercent = 50 };

    private static AccessPlan Plan(string site, int removals, int managed) => new()
    {
        SiteId = site,
        ManagedMembershipCount = managed,
        Removals = [.. Enumerable.Range(1, removals).Select(i => new PlannedMembershipRemoval
        {
            SiteId = site, GroupId = "g", UserId = new PlatformUserId($"pu-{i}"), Basis = RemovalBasis.AddedBySdk,
        })],
    };

    [Fact]
    public void Evaluate_RemovalsWithinBothLimits_DoesNotHold()
    {
        var decision = RevocationGuard.Evaluate([Plan("s", 2, 10)], Safety, false, GuardSignals.Healthy);

        Assert.False(decision.RemovalsHeld);
        Assert.Empty(decision.Reasons);
        Assert.Equal(2, decision.PlannedRemovals);
    }

    [Fact]
    public void Evaluate_ExactlyMaxRevocations_DoesNotHold()
    {
        Assert.False(RevocationGuard.Evaluate([Plan("s", 3, 100)], Safety, false, GuardSignals.Healthy).RemovalsHeld);
    }

    [Fact]
    public void Evaluate_MoreRemovalsAcrossSitesThanMaxRevocations_HoldsThem()
    {
        var decision = RevocationGuard.Evaluate([Plan("a", 2, 100), Plan("b", 2, 100)], Safety, false, GuardSignals.Healthy);

        Assert.True(decision.RemovalsHeld);
        Assert.Equal([RevocationHoldReason.TooManyRevocations], decision.Reasons);
    }

    [Fact]
    public void Evaluate_OneSiteAboveMaxRevocationPercent_HoldsEveryRemoval()
    {
        var decision = RevocationGuard.Evaluate([Plan("a", 1, 100), Plan("b", 2, 3)], Safety, false, GuardSignals.Healthy);

        Assert.True(decision.RemovalsHeld);
        Assert.Equal([RevocationHoldReason.RevocationPercentExceeded], decision.Reasons);
        Assert.Contains("Site b would lose 2 of its 3", Assert.Single(decision.Details), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExactlyMaxRevocationPercent_DoesNotHold()
    {
        Assert.False(RevocationGuard.Evaluate([Plan("a", 2, 4)], Safety, false, GuardSignals.Healthy).RemovalsHeld);
    }

    [Fact]
    public void Evaluate_NexudusReadFailed_HoldsEvenWithTheOverride()
    {
        var decision = RevocationGuard.Evaluate([Plan("a", 1, 100)], Safety, allowMassRevocation: true, new GuardSignals(true, false, []));

        Assert.True(decision.RemovalsHeld);
        Assert.False(decision.Overridden);
        Assert.Equal([RevocationHoldReason.NexudusReadFailed], decision.Reasons);
    }

    [Fact]
    public void Evaluate_SaltoReadFailed_Holds()
    {
        var decision = RevocationGuard.Evaluate([Plan("a", 1, 100)], Safety, false, new GuardSignals(false, true, []));

        Assert.True(decision.RemovalsHeld);
        Assert.Equal([RevocationHoldReason.SaltoReadFailed], decision.Reasons);
    }

    [Fact]
    public void Evaluate_SuspiciouslyEmptyRead_HoldsWithItsDescription()
    {
        var decision = RevocationGuard.Evaluate([Plan("a", 1, 100)], Safety, false, new GuardSignals(false, false, ["Nexudus returned no customers."]));

        Assert.True(decision.RemovalsHeld);
        Assert.Equal([RevocationHoldReason.SuspiciouslyEmptyRead], decision.Reasons);
        Assert.Equal(["Nexudus returned no customers."], decision.Details);
    }

    [Fact]
    public void Evaluate_OverrideOnLimitsAndEmptyRead_ReleasesTheRemovals()
    {
        var decision = RevocationGuard.Evaluate([Plan("a", 10, 10)], Safety, allowMassRevocation: true, new GuardSignals(false, true, ["empty"]));

        Assert.False(decision.RemovalsHeld);
        Assert.True(decision.Overridden);
        Assert.Equal(
            [RevocationHoldReason.TooManyRevocations, RevocationHoldReason.RevocationPercentExceeded, RevocationHoldReason.SaltoReadFailed, RevocationHoldReason.SuspiciouslyEmptyRead],
            decision.Reasons);
    }

    [Fact]
    public void Evaluate_ReadFailedButNothingToRemove_HoldsNothing()
    {
        var decision = RevocationGuard.Evaluate([Plan("a", 0, 10)], Safety, false, new GuardSignals(true, true, []));

        Assert.False(decision.RemovalsHeld);
        Assert.NotEmpty(decision.Reasons);
    }

    [Fact]
    public void Evaluate_ZeroMaxRevocations_HoldsAnyRemoval()
    {
        var decision = RevocationGuard.Evaluate([Plan("a", 1, 1000)], new RevocationSafety { MaxRevocations = 0 }, false, GuardSignals.Healthy);

        Assert.True(decision.RemovalsHeld);
    }
}
