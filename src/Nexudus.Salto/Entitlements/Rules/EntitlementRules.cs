namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// The entitlement rules, written to be read: who should be in which SALTO access group, and why.
/// <see cref="EntitlementResolver"/> computes the same answer with a faster, table-based evaluation;
/// a property test checks the two agree (see <c>docs/architecture.md</c>).
/// </summary>
/// <remarks>
/// For every eligible customer (<see cref="Eligibility"/>), each rule turns their Nexudus facts into
/// entitlements (a group, a window, a reason): <see cref="TimePassRule"/> for the passes they hold,
/// <see cref="ContractRule"/> for their contracts, <see cref="TeamRule"/> for the teams they sit in,
/// <see cref="BookingRule"/> for their bookings. At an instant, a customer belongs in a group when
/// any of its entitlements there holds that instant; the membership keeps every such reason as
/// lineage and is valid until the latest of their ends. The next edge is the first later instant
/// at which the set of memberships changes.
/// </remarks>
internal static class EntitlementRules
{
    /// <summary>Applies the rules to <paramref name="snapshot"/> at <paramref name="now"/>.</summary>
    public static RuledAccess Resolve(NexudusSnapshot snapshot, LinkMap links, DateTimeOffset now)
    {
        var locations = LinkedLocations.Of(links, snapshot);
        var entitlements = Entitlements(snapshot, locations)
            .Where(e => locations.IsDecided(new SaltoGroup(e.SiteId, e.GroupId)) && !e.Window.IsEmpty)
            .ToList();
        var memberships = entitlements
            .Where(e => e.Window.Contains(now))
            .GroupBy(e => (e.SiteId, e.GroupId, e.CustomerId))
            .OrderBy(m => m.Key.SiteId, StringComparer.Ordinal)
            .ThenBy(m => m.Key.GroupId, StringComparer.Ordinal)
            .ThenBy(m => m.Key.CustomerId)
            .Select(m => new DesiredMembership
            {
                SiteId = m.Key.SiteId,
                GroupId = m.Key.GroupId,
                CustomerId = m.Key.CustomerId,
                ValidUntil = m.Any(e => e.Window.End is null) ? null : m.Max(e => e.Window.End),
                Grants = Lineage.InOrder(m.Select(e => e.Grant)),
            })
            .ToList();
        return new RuledAccess(memberships, locations.ManagedGroups, NextEdge(entitlements, now));
    }

    /// <summary>Everything the rules grant to every eligible customer, at any time.</summary>
    public static IEnumerable<Entitlement> Entitlements(NexudusSnapshot snapshot, LinkedLocations locations)
    {
        var eligibility = Eligibility.Of(snapshot.Coworkers);
        var passes = snapshot.CoworkerTimePasses.ToLookup(pass => pass.CoworkerId);
        var contracts = snapshot.CoworkerContracts.ToLookup(contract => contract.CoworkerId);
        var bookings = snapshot.Bookings.ToLookup(booking => booking.CoworkerId);
        var customers = snapshot.Coworkers.Select(coworker => coworker.Id).Distinct().Where(eligibility.IsEligible);
        foreach (var customer in customers)
        {
            foreach (var pass in passes[customer])
            {
                // A pass is held at the location of its BusinessId.
                if (locations.At(pass.BusinessId) is { } location)
                {
                    foreach (var entitlement in TimePassRule.Grants(pass, location))
                    {
                        yield return entitlement;
                    }
                }
            }

            foreach (var entitlement in contracts[customer].SelectMany(contract => ContractRule.Grants(contract, locations)))
            {
                yield return entitlement;
            }

            foreach (var team in snapshot.Teams)
            {
                foreach (var entitlement in TeamRule.Grants(customer, team, contracts[team.PayingMemberId], eligibility, locations))
                {
                    yield return entitlement;
                }
            }

            foreach (var entitlement in bookings[customer].SelectMany(booking => BookingRule.Grants(booking, locations)))
            {
                yield return entitlement;
            }
        }
    }

    // The first instant after now at which someone joins or leaves a group: windows open or close
    // only at their own starts and ends, so those are the instants to look at.
    private static DateTimeOffset? NextEdge(List<Entitlement> entitlements, DateTimeOffset now)
    {
        var membersNow = MembersAt(entitlements, now);
        return entitlements
            .SelectMany(e => new[] { e.Window.Start, e.Window.End })
            .OfType<DateTimeOffset>()
            .Where(instant => instant > now)
            .Distinct()
            .Order()
            .Select(instant => (DateTimeOffset?)instant.ToUniversalTime())
            .FirstOrDefault(instant => !MembersAt(entitlements, instant!.Value).SetEquals(membersNow));
    }

    private static HashSet<(string, string, long)> MembersAt(List<Entitlement> entitlements, DateTimeOffset instant) =>
        [.. entitlements.Where(e => e.Window.Contains(instant)).Select(e => (e.SiteId, e.GroupId, e.CustomerId))];
}
