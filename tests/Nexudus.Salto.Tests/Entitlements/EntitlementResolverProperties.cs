using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>Invariants of the resolver over random worlds (FsCheck).</summary>
[Properties(Arbitrary = [typeof(RandomWorlds)], MaxTest = 300)]
public sealed class EntitlementResolverProperties
{
    [Property]
    public bool Resolve_IneligibleCustomers_NeverGetAGroup(RandomWorld world) =>
        world.Resolve().Memberships.All(m => world.IsEligible(m.CustomerId));

    [Property]
    public Property Resolve_EveryMembership_HasLineageAndTheLatestEndAsValidUntil(RandomWorld world)
    {
        var access = world.Resolve();
        return access.Memberships.All(m =>
                m.Grants.Count > 0 &&
                m.Grants.All(g => g.ValidUntil is null || g.ValidUntil > world.Now) &&
                m.ValidUntil == (m.Grants.Any(g => g.ValidUntil is null) ? null : m.Grants.Max(g => g.ValidUntil)))
            .Label("lineage and valid-until")
            .Classify(access.Memberships.Count == 0, "no memberships")
            .Classify(access.Memberships.Any(m => m.Grants.Count > 1), "a membership with several grants");
    }

    [Property]
    public bool Resolve_Memberships_AreUniqueSortedAndInManagedGroups(RandomWorld world)
    {
        var access = world.Resolve();
        var keys = access.Memberships.Select(m => (m.SiteId, m.GroupId, m.CustomerId)).ToList();
        var managed = access.ManagedGroups.Select(g => (g.SiteId, g.GroupId)).ToHashSet();
        var sorted = keys.OrderBy(k => k.SiteId, StringComparer.Ordinal).ThenBy(k => k.GroupId, StringComparer.Ordinal).ThenBy(k => k.CustomerId);
        return keys.Distinct().Count() == keys.Count && keys.SequenceEqual(sorted) && keys.All(k => managed.Contains((k.SiteId, k.GroupId)));
    }

    [Property(MaxTest = 1000)]
    public Property Resolve_TakingAwayAPassContractOrBooking_NeverAddsAccess(RandomWorld world, int pick)
    {
        if (world.RemovableCount == 0)
        {
            return true.ToProperty().Classify(true, "nothing to take away");
        }

        var smaller = world.Without((int)((uint)pick % (uint)world.RemovableCount));
        return smaller.Resolve().Keys().IsSubsetOf(world.Resolve().Keys()).ToProperty();
    }

    [Property(MaxTest = 1000)]
    public Property Resolve_WithoutContractsAndTeams_GivesNoMembershipTheWholeSnapshotLacks(RandomWorld world)
    {
        // What the sync engine relies on to create users while contracts and teams are still being read.
        var lists = world with { Snapshot = world.Snapshot with { CoworkerContracts = [], Teams = [] } };
        var early = lists.Resolve().Keys();
        var whole = world.Resolve().Keys();
        return early.IsSubsetOf(whole).ToProperty()
            .Classify(early.Count < whole.Count, "contracts or teams add memberships")
            .Classify(early.Count == 0, "nothing before contracts");
    }

    [Property(MaxTest = 1000)]
    public Property Resolve_BeforeTheNextEdge_GivesTheSameMemberships(RandomWorld world, ushort fraction)
    {
        var access = world.Resolve();
        var keys = access.Keys();
        if (access.NextEdge is not { } edge)
        {
            // Nothing may change by itself: not tomorrow, not in a year.
            return (world.Resolve(world.Now.AddTicks(1)).Keys().SetEquals(keys) &&
                    world.Resolve(world.Now.AddDays(1)).Keys().SetEquals(keys) &&
                    world.Resolve(world.Now.AddDays(400)).Keys().SetEquals(keys))
                .Classify(true, "no edge");
        }

        var span = (edge - world.Now).Ticks;
        var inside = world.Now.AddTicks((long)(span * (fraction / (double)(ushort.MaxValue + 1))));
        return (edge > world.Now &&
                world.Resolve(inside).Keys().SetEquals(keys) &&
                world.Resolve(edge.AddTicks(-1)).Keys().SetEquals(keys))
            .Label($"same memberships until the edge {edge:O} (checked at {inside:O})");
    }

    [Property(MaxTest = 1000)]
    public Property Resolve_AtTheNextEdge_GivesDifferentMemberships(RandomWorld world)
    {
        var access = world.Resolve();
        if (access.NextEdge is not { } edge)
        {
            return true.ToProperty().Classify(true, "no edge");
        }

        return (!world.Resolve(edge).Keys().SetEquals(access.Keys())).Label($"memberships change at the edge {edge:O}");
    }

    [Property]
    public bool Resolve_InputsInAnyOrder_GiveEqualResults(RandomWorld world, int seed) =>
        world.Shuffled(seed).Resolve().Equals(world.Resolve());

    [Property]
    public bool Resolve_SameInputsTwice_GiveEqualResults(RandomWorld world) =>
        world.Resolve().Equals(world.Resolve());
}
