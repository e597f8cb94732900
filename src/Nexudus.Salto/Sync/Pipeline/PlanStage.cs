using Microsoft.Extensions.Logging;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The plan stage of one site: adds, removes and user creations (<see cref="AccessPlanner"/>), narrowed to a
/// targeted run's customers or to the groups a bookings-only run decides, and explained where payment-aware access
/// removes a grant.
/// </summary>
internal sealed class PlanStage(ILogger logger)
{
    /// <summary>Plans one matched site.</summary>
    public SiteRun Plan(SyncRunContext run, SiteMatch match)
    {
        var siteId = match.SiteId;
        var plan = AccessPlanner.Plan(new SitePlanningInput
        {
            SiteId = siteId,
            Groups = match.Groups,
            Members = match.Members,
            Desired = run.Desired,
            Identities = match.Identities,
            Ledger = match.Ledger,
            Customers = run.Customers,
        });
        if (plan.Plan.UserCreations.Any(c => run.Early.Failed(siteId, c.CustomerId)))
        {
            // Tried once this run already, while Nexudus was being read: the error is reported; the next run tries again.
            plan = plan with { Plan = plan.Plan with { UserCreations = [.. plan.Plan.UserCreations.Where(c => !run.Early.Failed(siteId, c.CustomerId))] } };
        }

        if (run.Scope is { } scope)
        {
            plan = ScopePlan(plan, scope, match.Identities, match.State.Identities, match.Ledger);
        }

        if (run.BookingGroups is { } bookingGroups)
        {
            // Read without passes, contracts or teams: the run decides only the groups bookings alone grant.
            bool Decided(string groupId) => bookingGroups.Contains((siteId, groupId));
            plan = plan with
            {
                Plan = plan.Plan with
                {
                    Additions = [.. plan.Plan.Additions.Where(a => Decided(a.GroupId))],
                    Removals = [.. plan.Plan.Removals.Where(r => Decided(r.GroupId))],
                },
                StaleLedgerEntries = [.. plan.StaleLedgerEntries.Where(k => Decided(k.GroupId))],
                KeptForEntitledCustomers = [.. plan.KeptForEntitledCustomers.Where(k => Decided(k.GroupId))],
            };
        }

        if (!run.CreationsOnly)
        {
            SyncLog.SitePlanned(logger, siteId, plan.Plan.UserCreations.Count, plan.Plan.Additions.Count, plan.Plan.Removals.Count, plan.Plan.IdentityIssues.Count);
            plan = plan with { Plan = PaymentAwareAccess.Explain(plan.Plan, run.Unsuspended, run.Payments.InForce) };
        }

        return new SiteRun(
            siteId, match.State with { OwnedMemberships = match.Ledger }, match.Journal, match.Members, [.. match.Claims, .. match.Rebuilt], match.Settled,
            match.ToMatch, match.Identities, plan, match.Users)
        {
            Writer = match.Writer,
            Rebuilt = match.Rebuilt,
            DoubtedEmptyGroups = match.Emptiness.Doubted,
            EmptyGroupMemory = match.Emptiness.Value,
        };
    }

    /// <summary>
    /// Narrows a site's plan to the customers of a targeted run: their additions and user creations, and removals only
    /// of SALTO users known to be theirs (by this run's match, the identity map or the ledger) and no one else's. A
    /// member the run cannot tie to one of its customers is left alone; the whole runs judge them.
    /// </summary>
    private static SitePlan ScopePlan(
        SitePlan plan, HashSet<long> scope, IdentityMatchResult identities, IReadOnlyList<IdentityLink> links, IReadOnlyList<OwnedMembership> ledger)
    {
        var theirs = new HashSet<PlatformUserId>();
        var others = new HashSet<PlatformUserId>();
        void Note(long? customerId, PlatformUserId user) => (customerId is { } id && scope.Contains(id) ? theirs : others).Add(user);
        foreach (var (customerId, identity) in identities.Matched)
        {
            Note(customerId, identity.PlatformUserId);
        }

        foreach (var link in links)
        {
            Note(link.CustomerId, link.PlatformUserId);
        }

        foreach (var owned in ledger)
        {
            Note(owned.CustomerId, owned.UserId);
        }

        theirs.ExceptWith(others);
        var access = plan.Plan;
        return plan with
        {
            Plan = access with
            {
                UserCreations = [.. access.UserCreations.Where(c => scope.Contains(c.CustomerId))],
                Additions = [.. access.Additions.Where(a => scope.Contains(a.CustomerId))],
                Removals = [.. access.Removals.Where(r => theirs.Contains(r.UserId))],
                IdentityIssues = [.. access.IdentityIssues.Where(i => scope.Contains(i.CustomerId))],
            },
            StaleLedgerEntries = [.. plan.StaleLedgerEntries.Where(k => theirs.Contains(k.UserId))],
        };
    }
}
