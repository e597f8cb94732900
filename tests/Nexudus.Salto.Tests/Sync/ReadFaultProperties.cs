using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.Tests.Sync.PlanningWorld;

namespace Nexudus.Salto.Tests.Sync;

/// <summary>
/// Revocation needs a reason from Nexudus, never from missing data (FsCheck, 1,000 worlds): whatever SALTO reads
/// fail or come back short, a site's removals are a subset of those its complete reads plan.
/// </summary>
[Properties(Arbitrary = [typeof(FaultyReadWorlds)], MaxTest = 1000)]
public sealed class ReadFaultProperties
{
    [Property]
    public Property Plan_FailedOrTruncatedReads_RemoveOnlyWhatCompleteReadsRemove(FaultyReads reads)
    {
        var complete = Removals(reads.World);
        var faulty = reads.Apply();
        var judged = SaltoSiteReads.JudgeUserList(SiteId, faulty.Users, faulty.Links);
        var planned = judged is null ? Removals(faulty) : [];
        var extra = planned.Where(r => !complete.Contains(r)).ToList();
        return (extra.Count == 0)
            .Label($"removed only on faulty reads: {string.Join(", ", extra)}")
            .Classify(judged is not null, "user list judged short")
            .Classify(planned.Count > 0, "faulty reads still remove")
            .Classify(reads.Users.Any(k => !k), "user list truncated");
    }

    [Property]
    public bool JudgeUserList_CompleteList_IsNeverShortWhenEveryLinkIsListed(PlanningWorld world)
    {
        var valid = world.Links.Where(l => world.Users.Any(u => u.Id.Equals(l.SiteUserId))).ToList();
        return SaltoSiteReads.JudgeUserList(SiteId, world.Users, valid) is null;
    }

    private static HashSet<(string Group, PlatformUserId User)> Removals(PlanningWorld world) =>
        [.. world.Plan().Plan.Removals.Select(r => (r.GroupId, r.UserId))];
}

/// <summary>A world and the faults its SALTO reads meet: users left out of the site-user list, group reads that fail or lose members.</summary>
/// <param name="World">The world as SALTO really is.</param>
/// <param name="Users">Which of the site's users the list shows.</param>
/// <param name="Groups">Per group (shared, exclusive): 0 read whole, 1 failed, 2 truncated.</param>
/// <param name="Members">Which members a truncated group read shows (by position, repeating).</param>
public sealed record FaultyReads(PlanningWorld World, bool[] Users, int[] Groups, bool[] Members)
{
    /// <summary>The world as the faulty reads see it.</summary>
    public PlanningWorld Apply()
    {
        var seen = new PlanningWorld();
        seen.Customers.AddRange(World.Customers);
        seen.Links.AddRange(World.Links);
        seen.Desired.AddRange(World.Desired);
        seen.Ledger.AddRange(World.Ledger);
        seen.Users.AddRange(World.Users.Where((_, i) => Users[i]));
        string[] groups = [Shared, Exclusive];
        for (var g = 0; g < groups.Length; g++)
        {
            var members = World.Members[groups[g]];
            switch (Groups[g])
            {
                case 1:
                    seen.Unreadable(groups[g]);
                    break;
                case 2:
                    seen.Members[groups[g]].AddRange(members.Where((_, i) => Members.Length == 0 || Members[i % Members.Length]));
                    break;
                default:
                    seen.Members[groups[g]].AddRange(members);
                    break;
            }
        }

        return seen;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"users kept [{string.Join(",", Users.Select(u => u ? 1 : 0))}], groups [{string.Join(",", Groups)}], members [{string.Join(",", Members.Select(m => m ? 1 : 0))}], " +
        $"{World.Customers.Count} customers, {World.Users.Count} users, {World.Links.Count} links, {World.Ledger.Count} owned";
}

/// <summary>Random worlds (the planner's) with random read faults.</summary>
public static class FaultyReadWorlds
{
    public static Arbitrary<FaultyReads> Reads() => Arb.From(
        from world in RandomSites.Sites().Generator
        from users in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(true)), (1, Gen.Constant(false))), world.Users.Count)
        from groups in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Constant(1)), (2, Gen.Constant(2))), 2)
        from members in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements(true, false), n))
        select new FaultyReads(world, users, groups, members));

    public static Arbitrary<PlanningWorld> Sites() => RandomSites.Sites();
}
