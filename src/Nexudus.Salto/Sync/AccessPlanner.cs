using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Plans one site: per managed group, adds = desired − actual and removes = (actual − desired)
/// limited by ownership, with the SALTO users to create first. Pure and deterministic.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A shared group (the default) loses only members the ledger says the SDK added; an exclusive group
/// loses every member who is not entitled.</item>
/// <item>A member who may be a customer entitled to the group that could not be matched (an ambiguous e-mail) is
/// never removed from it, whatever the ownership.</item>
/// <item>An entitled customer without a SALTO user gets a <see cref="PlannedUserCreation"/> and additions
/// without a user id, filled in once the user exists; one who cannot be matched gets nothing (the identity
/// issue says why).</item>
/// <item>A group whose members could not be read is left out of the plan entirely.</item>
/// <item>Revocation needs a reason from Nexudus: a member is removed only when the site-user list shows them and the
/// customer they are (by the ledger, the identity map or this run's match) is not entitled to the group. A customer
/// still entitled whose SALTO user could not be found this run keeps every membership the SDK granted them.</item>
/// </list>
/// </remarks>
internal static class AccessPlanner
{
    /// <summary>Plans one site.</summary>
    /// <param name="input">The site's desired access, actual members, identities and ledger.</param>
    /// <returns>The plan and the ledger entries to forget.</returns>
    public static SitePlan Plan(SitePlanningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var site = input.SiteId;
        var ledger = new Dictionary<(string Group, PlatformUserId User), OwnedMembership>(new GroupUserComparer());
        foreach (var owned in input.Ledger)
        {
            if (string.Equals(owned.SiteId, site, StringComparison.OrdinalIgnoreCase))
            {
                ledger.TryAdd((owned.GroupId, owned.UserId), owned);
            }
        }

        var additions = new List<PlannedMembershipAddition>();
        var removals = new List<PlannedMembershipRemoval>();
        var creations = new SortedSet<long>();
        var withoutUser = new HashSet<long>(input.Identities.WithoutUser);
        var stale = new List<MembershipKey>();
        var kept = new List<MembershipKey>();
        var managedCount = 0;

        foreach (var group in input.Groups
                     .Where(g => string.Equals(g.SiteId, site, StringComparison.OrdinalIgnoreCase))
                     .OrderBy(g => g.GroupId, StringComparer.Ordinal))
        {
            if (!input.Members.TryGetValue(group.GroupId, out var members))
            {
                continue;
            }

            var actual = new HashSet<PlatformUserId>(members);
            managedCount += actual.Count;
            var desiredUsers = new HashSet<PlatformUserId>();
            var entitledCustomers = new HashSet<long>();
            foreach (var membership in input.Desired.GetMembers(group.GroupId)
                         .Where(m => string.Equals(m.SiteId, site, StringComparison.OrdinalIgnoreCase))
                         .OrderBy(m => m.CustomerId))
            {
                entitledCustomers.Add(membership.CustomerId);
                if (input.Identities.Matched.TryGetValue(membership.CustomerId, out var identity))
                {
                    desiredUsers.Add(identity.PlatformUserId);
                    if (!actual.Contains(identity.PlatformUserId))
                    {
                        additions.Add(Addition(membership, identity.PlatformUserId));
                    }
                }
                else if (withoutUser.Contains(membership.CustomerId) &&
                         input.Customers.TryGetValue(membership.CustomerId, out var customer) &&
                         IdentityMatcher.Normalize(customer.Email) is not null)
                {
                    creations.Add(membership.CustomerId);
                    additions.Add(Addition(membership, userId: null));
                }
            }

            // An empty answer that contradicts the ledger never reaches the planner unless it is believed (EmptyGroupReads).
            var ownedHere = ledger.Keys.Where(k => string.Equals(k.Group, group.GroupId, StringComparison.OrdinalIgnoreCase));
            foreach (var (groupId, user) in ownedHere.Where(k => !actual.Contains(k.User)).OrderBy(k => k.User.Value, StringComparer.OrdinalIgnoreCase))
            {
                stale.Add(new MembershipKey(site, groupId, user));
            }

            foreach (var member in actual.Where(m => !desiredUsers.Contains(m)).OrderBy(m => m.Value, StringComparer.OrdinalIgnoreCase))
            {
                // Revocation needs a reason from Nexudus: a member the site-user list did not show, who may be an
                // unmatched entitled customer, or who is the user of a customer still entitled to the group (whose
                // SALTO user could not be found or created this run) keeps the membership.
                if (!input.Identities.Listed.Contains(member) ||
                    (input.Identities.PossibleCustomers.TryGetValue(member, out var possible) && possible.Overlaps(entitledCustomers)))
                {
                    continue;
                }

                var owned = ledger.GetValueOrDefault((group.GroupId, member));
                var customerOfMember = owned?.CustomerId ?? (input.Identities.CustomerByUser.TryGetValue(member, out var known) ? known : null);
                if (customerOfMember is { } entitledCustomer && entitledCustomers.Contains(entitledCustomer))
                {
                    kept.Add(new MembershipKey(site, group.GroupId, member));
                    continue;
                }

                RemovalBasis basis;
                if (owned is not null)
                {
                    basis = RemovalBasis.AddedBySdk;
                }
                else if (group.Ownership == GroupOwnership.Exclusive)
                {
                    basis = RemovalBasis.ExclusiveGroup;
                }
                else
                {
                    continue; // added by hand to a shared group: never touched
                }

                removals.Add(new PlannedMembershipRemoval
                {
                    SiteId = site,
                    GroupId = group.GroupId,
                    UserId = member,
                    CustomerId = customerOfMember,
                    Basis = basis,
                    AddedAt = owned?.AddedAt,
                });
            }
        }

        var plan = new AccessPlan
        {
            SiteId = site,
            ManagedMembershipCount = managedCount,
            UserCreations = [.. creations.Select(id => Creation(site, input.Customers[id]))],
            Additions = additions,
            Removals = removals,
            IdentityIssues = [.. input.Identities.Issues.OrderBy(i => i.CustomerId).ThenBy(i => i.Kind)],
        };
        return new SitePlan(plan, stale) { KeptForEntitledCustomers = kept };

        PlannedMembershipAddition Addition(DesiredMembership membership, PlatformUserId? userId) => new()
        {
            SiteId = site,
            GroupId = membership.GroupId,
            CustomerId = membership.CustomerId,
            UserId = userId,
            ValidUntil = membership.ValidUntil,
            Grants = membership.Grants,
        };
    }

    private static PlannedUserCreation Creation(string site, Coworker customer)
    {
        var (first, last) = Names(customer);
        return new PlannedUserCreation
        {
            SiteId = site,
            CustomerId = customer.Id,
            Email = IdentityMatcher.Normalize(customer.Email)!,
            FirstName = first,
            LastName = last,
        };
    }

    private static (string? First, string? Last) Names(Coworker customer)
    {
        var first = string.IsNullOrWhiteSpace(customer.GuessedFirstName) ? null : customer.GuessedFirstName.Trim();
        var last = string.IsNullOrWhiteSpace(customer.GuessedLastName) ? null : customer.GuessedLastName.Trim();
        if ((first is null || last is null) && !string.IsNullOrWhiteSpace(customer.FullName))
        {
            var parts = customer.FullName.Trim().Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            first ??= parts[0];
            last ??= parts.Length > 1 ? parts[1] : null;
        }

        return (first, last);
    }

    private sealed class GroupUserComparer : IEqualityComparer<(string Group, PlatformUserId User)>
    {
        public bool Equals((string Group, PlatformUserId User) x, (string Group, PlatformUserId User) y) =>
            string.Equals(x.Group, y.Group, StringComparison.OrdinalIgnoreCase) && x.User.Equals(y.User);

        public int GetHashCode((string Group, PlatformUserId User) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Group), obj.User);
    }
}
