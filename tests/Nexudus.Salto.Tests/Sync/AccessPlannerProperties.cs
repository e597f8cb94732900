using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.Tests.Sync.PlanningWorld;

namespace Nexudus.Salto.Tests.Sync;

/// <summary>Invariants of the planner over random sites (FsCheck): who may be added, who may be removed, and convergence.</summary>
[Properties(Arbitrary = [typeof(RandomSites)], MaxTest = 500)]
public sealed class AccessPlannerProperties
{
    [Property]
    public bool Plan_Additions_AreAlwaysEntitledCustomers(PlanningWorld world)
    {
        var desired = world.Desired.Select(d => (d.GroupId, d.CustomerId)).ToHashSet();
        return world.Plan().Plan.Additions.All(a => desired.Contains((a.GroupId, a.CustomerId)) && a.Grants.Count > 0);
    }

    [Property]
    public bool Plan_Removals_NeverTakeAnEntitledCustomersUser(PlanningWorld world)
    {
        var input = world.Input();
        var entitled = world.Desired
            .Where(d => input.Identities.Matched.ContainsKey(d.CustomerId))
            .Select(d => (d.GroupId, input.Identities.Matched[d.CustomerId].PlatformUserId))
            .ToHashSet();
        return AccessPlanner.Plan(input).Plan.Removals.All(r => !entitled.Contains((r.GroupId, r.UserId)) && !MayBeEntitled(world, input, r.GroupId, r.UserId));
    }

    [Property]
    public bool Plan_SharedGroupRemovals_AreAllMembershipsTheSdkAdded(PlanningWorld world)
    {
        var owned = world.Ledger.Select(o => (o.GroupId, o.UserId)).ToHashSet();
        return world.Plan().Plan.Removals.Where(r => r.GroupId == Shared).All(r => owned.Contains((r.GroupId, r.UserId)) && r.Basis == RemovalBasis.AddedBySdk);
    }

    [Property]
    public bool Plan_Changes_AreRealChanges(PlanningWorld world)
    {
        var plan = world.Plan().Plan;
        return plan.Additions.All(a => a.UserId is null || !world.Members[a.GroupId].Contains(a.UserId.Value)) &&
               plan.Removals.All(r => world.Members[r.GroupId].Contains(r.UserId)) &&
               plan.UserCreations.All(c => plan.Additions.Any(a => a.CustomerId == c.CustomerId && a.UserId is null));
    }

    [Property]
    public bool Plan_SameInputs_GiveTheSamePlan(PlanningWorld world)
    {
        var (first, second) = (world.Plan().Plan, world.Plan().Plan);
        return first.Additions.SequenceEqual(second.Additions) && first.Removals.SequenceEqual(second.Removals) &&
               first.UserCreations.SequenceEqual(second.UserCreations) && first.IdentityIssues.SequenceEqual(second.IdentityIssues);
    }

    [Property]
    public Property Plan_AfterApplyingThePlan_PlansNothingMore(PlanningWorld world)
    {
        var first = world.Plan();
        Apply(world, first);
        var second = world.Plan().Plan;
        return second.IsEmpty.Label($"second plan: {second.UserCreations.Count} creations, {second.Additions.Count} adds, {second.Removals.Count} removes")
            .Classify(first.Plan.IsEmpty, "nothing to do")
            .Classify(first.Plan.Removals.Count > 0, "removals")
            .Classify(first.Plan.UserCreations.Count > 0, "creations");
    }

    [Property]
    public bool Plan_AfterApplying_ExclusiveGroupHoldsOnlyEntitledOrUnknownUsers(PlanningWorld world)
    {
        Apply(world, world.Plan());
        var input = world.Input();
        var entitled = world.Desired.Where(d => d.GroupId == Exclusive && input.Identities.Matched.ContainsKey(d.CustomerId))
            .Select(d => input.Identities.Matched[d.CustomerId].PlatformUserId).ToHashSet();
        return world.Members[Exclusive].All(m => entitled.Contains(m) || MayBeEntitled(world, input, Exclusive, m)) &&
               entitled.All(world.Members[Exclusive].Contains);
    }

    /// <summary>
    /// Whether a member may be the user of a customer entitled to the group: one the e-mail cannot tell apart, or one
    /// the ledger or the identity map says is that customer's (whose SALTO user was not matched this run).
    /// </summary>
    private static bool MayBeEntitled(PlanningWorld world, SitePlanningInput input, string group, PlatformUserId user)
    {
        var entitled = world.Desired.Where(d => d.GroupId == group).Select(d => d.CustomerId).ToHashSet();
        var owner = world.Ledger.FirstOrDefault(o => o.GroupId == group && o.UserId.Equals(user))?.CustomerId
            ?? (input.Identities.CustomerByUser.TryGetValue(user, out var c) ? c : null);
        return (input.Identities.PossibleCustomers.TryGetValue(user, out var possible) && possible.Overlaps(entitled)) ||
               (owner is { } o && entitled.Contains(o));
    }

    /// <summary>Does what the executor does when SALTO accepts everything: create, add, remove, record.</summary>
    private static void Apply(PlanningWorld world, SitePlan result)
    {
        var plan = result.Plan;
        foreach (var creation in plan.UserCreations)
        {
            var user = new PlatformUserId($"new-{creation.CustomerId}");
            world.Users.Add(new SiteUser { Id = new SiteUserId($"snew-{creation.CustomerId}"), User = new SaltoUser { Id = user, Email = creation.Email } });
            world.Links.Add(new IdentityLink { SiteId = SiteId, CustomerId = creation.CustomerId, SiteUserId = new SiteUserId($"snew-{creation.CustomerId}"), PlatformUserId = user });
        }

        var matches = world.Match();
        foreach (var link in matches.LinksToSave)
        {
            world.Links.RemoveAll(l => l.CustomerId == link.CustomerId);
            world.Links.Add(link);
        }

        foreach (var id in matches.LinksToForget)
        {
            world.Links.RemoveAll(l => l.CustomerId == id && !matches.LinksToSave.Any(s => s.CustomerId == id));
        }

        foreach (var key in result.StaleLedgerEntries)
        {
            world.Ledger.RemoveAll(o => o.GroupId == key.GroupId && o.UserId.Equals(key.UserId));
        }

        foreach (var add in plan.Additions)
        {
            var user = add.UserId ?? new PlatformUserId($"new-{add.CustomerId}");
            world.Member(add.GroupId, user).Owned(add.GroupId, user, add.CustomerId);
        }

        foreach (var removal in plan.Removals)
        {
            world.Members[removal.GroupId].Remove(removal.UserId);
            world.Ledger.RemoveAll(o => o.GroupId == removal.GroupId && o.UserId.Equals(removal.UserId));
        }
    }
}

/// <summary>Random sites: up to eight customers with every identity situation, two groups, hand-added members and a ledger.</summary>
public static class RandomSites
{
    public static Arbitrary<PlanningWorld> Sites() => Arb.From(Site);

    private static readonly string[] Groups = [Shared, Exclusive];

    private static Gen<PlanningWorld> Site =>
        from customers in Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(CustomerShape, n))
        from strangers in Gen.Choose(0, 3)
        from strangerGroups in Gen.ArrayOf(Gen.Elements(Groups), 3)
        select Build(customers, strangers, strangerGroups);

    private static Gen<CustomerSetup> CustomerShape =>
        from email in Gen.Frequency((8, Gen.Constant(EmailKind.Own)), (1, Gen.Constant(EmailKind.None)), (1, Gen.Constant(EmailKind.Shared)))
        from users in Gen.Frequency((5, Gen.Constant(1)), (3, Gen.Constant(0)), (1, Gen.Constant(2)))
        from link in Gen.Frequency((3, Gen.Constant(LinkKind.None)), (3, Gen.Constant(LinkKind.Valid)), (1, Gen.Constant(LinkKind.Stale)))
        from entitledShared in Gen.Elements(true, false)
        from entitledExclusive in Gen.Elements(true, false)
        from memberShared in Gen.Elements(true, false)
        from memberExclusive in Gen.Elements(true, false)
        from ownedShared in Gen.Elements(true, false)
        from ownedExclusive in Gen.Elements(true, false)
        select new CustomerSetup(email, users, link, [entitledShared, entitledExclusive], [memberShared, memberExclusive], [ownedShared, ownedExclusive]);

    private static PlanningWorld Build(CustomerSetup[] customers, int strangers, string[] strangerGroups)
    {
        var world = new PlanningWorld();
        for (var i = 0; i < customers.Length; i++)
        {
            var id = i + 1L;
            var c = customers[i];
            world.Customer(id, c.Email switch { EmailKind.Own => $"c{id}@example.com", EmailKind.Shared => "shared@example.com", _ => null });
            var email = c.Email == EmailKind.Shared ? "shared@example.com" : $"c{id}@example.com";
            for (var u = 0; u < c.Users; u++)
            {
                world.SaltoUser(id, email, siteUser: $"su-{id}-{u}", platformUser: $"pu-{id}-{u}");
            }

            if (c.Link == LinkKind.Valid && c.Users > 0)
            {
                world.Link(id, siteUser: $"su-{id}-0", platformUser: $"pu-{id}-0");
            }
            else if (c.Link == LinkKind.Stale)
            {
                world.Link(id, siteUser: $"su-gone-{id}", platformUser: $"pu-gone-{id}");
            }

            for (var g = 0; g < Groups.Length; g++)
            {
                var user = new PlatformUserId($"pu-{id}-0");
                if (c.Entitled[g])
                {
                    world.Entitle(id, Groups[g]);
                }

                if (c.Users > 0 && c.Member[g])
                {
                    world.Member(Groups[g], user);
                }

                if (c.Users > 0 && c.Owned[g] && (c.Member[g] || g == 0))
                {
                    world.Owned(Groups[g], user, id);
                }
            }
        }

        for (var s = 0; s < strangers; s++)
        {
            // Every group member is a user of the site, so strangers are listed too.
            world.Member(strangerGroups[s], new PlatformUserId($"pu-stranger-{s}"))
                .SaltoUser(1000 + s, $"stranger{s}@example.com", $"su-stranger-{s}", $"pu-stranger-{s}");
        }

        return world;
    }

    private enum EmailKind
    {
        Own,
        None,
        Shared,
    }

    private enum LinkKind
    {
        None,
        Valid,
        Stale,
    }

    private sealed record CustomerSetup(EmailKind Email, int Users, LinkKind Link, bool[] Entitled, bool[] Member, bool[] Owned);
}
