using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Entitlements.Rules;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>
/// The readable rules (<see cref="EntitlementRules"/>) and the resolver's fast path give the same
/// memberships, validity, lineage, managed groups and next edge, over random worlds.
/// </summary>
public sealed class EntitlementRulesDifferentialProperties
{
    [Property(Arbitrary = [typeof(RuleWorlds)], MaxTest = 1200)]
    public Property Resolve_RandomWorld_FastPathAgreesWithTheReadableRules(RandomWorld world) =>
        AgreeAt(world, world.Now);

    [Property(Arbitrary = [typeof(RuleWorlds)], MaxTest = 300)]
    public Property Resolve_AtTheNextEdge_FastPathAgreesWithTheReadableRules(RandomWorld world)
    {
        var edge = world.Resolve().NextEdge;
        return edge is { } at
            ? AgreeAt(world, at).Classify(true, "at the edge")
            : AgreeAt(world, world.Now.AddDays(2)).Classify(true, "no edge: two days later");
    }

    [Property(Arbitrary = [typeof(RandomWorlds)], MaxTest = 300)]
    public Property Resolve_ResolverPropertyWorld_FastPathAgreesWithTheReadableRules(RandomWorld world) =>
        AgreeAt(world, world.Now);

    [Fact]
    public void Resolve_DifferentialWorlds_CoverEveryKindOfFact()
    {
        // The generator reaches every case the comparison is meant to cover.
        var worlds = RuleWorlds.World.Sample(400);
        var fast = worlds.Select(w => w.Resolve()).ToList();
        var grants = fast.SelectMany(a => a.Memberships).SelectMany(m => m.Grants).ToList();
        Assert.Contains(grants, g => g is TimePassGrant { UsedDate: null });
        Assert.Contains(grants, g => g is TimePassGrant { UsedDate: not null });
        Assert.Contains(grants, g => g is ContractGrant);
        Assert.Contains(grants, g => g is TeamGrant);
        Assert.Contains(grants, g => g is BookingGrant { Tentative: true });
        Assert.Contains(grants, g => g is BookingGrant { LinkedBy: LinkedItemKind.FloorPlanDesk });
        Assert.Contains(grants, g => g.BusinessId == RuleWorlds.Sydney);
        Assert.Contains(fast, a => a.Issues.Any(i => i.Kind == LinkIssueKind.TimeZoneMissing));
        Assert.Contains(fast, a => a.NextEdge is not null);
        Assert.Contains(worlds, w => w.Snapshot.Coworkers.Any(c => c.Active != true || c.Archived != false));
        Assert.Contains(fast, a => a.Memberships.Any(m => m.Grants.Count > 1));
    }

    private static Property AgreeAt(RandomWorld world, DateTimeOffset at)
    {
        var links = world.Links;
        var fast = new EntitlementResolver().Resolve(world.Snapshot, links, at);
        var rules = EntitlementRules.Resolve(world.Snapshot, links, at);

        var fastKeys = fast.Memberships.Select(Key).ToHashSet();
        var ruleKeys = rules.Memberships.Select(Key).ToHashSet();
        var sameGroups = fastKeys.SetEquals(ruleKeys);
        var sameValidity = sameGroups && fast.Memberships.All(m => rules.Memberships.Single(r => Key(r) == Key(m)).ValidUntil == m.ValidUntil);
        var sameLineage = sameGroups && fast.Memberships.All(m => rules.Memberships.Single(r => Key(r) == Key(m)).Grants.ToHashSet().SetEquals(m.Grants));

        // Membership order and lineage order are part of the contract, so the sequences must match too.
        var sameOrder = fast.Memberships.SequenceEqual(rules.Memberships);
        var sameManaged = fast.ManagedGroups.SequenceEqual(rules.ManagedGroups);
        var sameEdge = fast.NextEdge == rules.NextEdge;

        return (sameGroups && sameValidity && sameLineage && sameOrder && sameManaged && sameEdge)
            .Label($"same groups: {sameGroups} (fast only: {Show(fastKeys.Except(ruleKeys))}; rules only: {Show(ruleKeys.Except(fastKeys))})")
            .Label($"same valid-until: {sameValidity}; same lineage: {sameLineage}; same order: {sameOrder}")
            .Label($"same managed groups: {sameManaged}")
            .Label($"same next edge: {sameEdge} (fast {fast.NextEdge:O}, rules {rules.NextEdge:O})")
            .Label($"at {at:O}")
            .Classify(fast.Memberships.Count == 0, "no memberships")
            .Classify(fast.Memberships.Any(m => m.Grants.Count > 1), "a membership with several grants")
            .Classify(fast.Memberships.Any(m => m.Grants.Any(g => g is TeamGrant)), "a team seat");
    }

    private static (string, string, long) Key(DesiredMembership m) => (m.SiteId, m.GroupId, m.CustomerId);

    private static string Show(IEnumerable<(string Site, string Group, long Customer)> keys) =>
        string.Join(", ", keys.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Site}/{k.Group}/{k.Customer}")));
}
