using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Matches Nexudus customers to the SALTO KS users of one site: through the state store's
/// identity map first, then by e-mail, trimmed and compared ignoring case. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// A match is never guessed. An e-mail that several SALTO users share, that several customers share, or whose
/// SALTO user is already linked to another customer is reported and matches nobody, and no user is created for
/// it (SALTO would hand back the existing user). A remembered link whose SALTO user has left the site is
/// dropped and the customer matched again.
/// </remarks>
internal static class IdentityMatcher
{
    /// <summary>Matches customers on one site.</summary>
    /// <param name="siteId">The SALTO KS site id.</param>
    /// <param name="customers">Every customer read from Nexudus; shared e-mails are looked for among all of them.</param>
    /// <param name="toMatch">The ids of the customers to match (those entitled on the site, for instance).</param>
    /// <param name="siteUsers">Every user of the site.</param>
    /// <param name="links">The site's identity links from the state store.</param>
    /// <param name="now">When the new links are made.</param>
    /// <returns>The matches, the customers without a user, the problems and the links to save or forget.</returns>
    public static IdentityMatchResult Match(
        string siteId,
        IReadOnlyCollection<Coworker> customers,
        IEnumerable<long> toMatch,
        IReadOnlyList<SiteUser> siteUsers,
        IReadOnlyList<IdentityLink> links,
        DateTimeOffset now)
    {
        var result = new IdentityMatchResult();
        var bySiteUserId = new Dictionary<SiteUserId, SiteUser>();
        var byPlatformId = new Dictionary<PlatformUserId, SiteUser>();
        var byEmail = new Dictionary<string, List<SiteUser>>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in siteUsers)
        {
            // A user without a platform id cannot be a group member, so it cannot be anyone's SALTO user here.
            if (user.User?.Id is not { Value: not null } platformId)
            {
                continue;
            }

            bySiteUserId.TryAdd(user.Id, user);
            byPlatformId.TryAdd(platformId, user);
            result.Listed.Add(platformId);
            if (Normalize(user.User.Email) is { } email)
            {
                if (!byEmail.TryGetValue(email, out var list))
                {
                    byEmail.Add(email, list = []);
                }

                list.Add(user);
            }
        }

        // Remembered links first: they decide who is whom, and which SALTO users are taken.
        var linked = new Dictionary<long, MatchedIdentity>();
        var stale = new HashSet<long>();
        var staleLinks = new List<IdentityLink>();
        foreach (var link in links.Where(l => string.Equals(l.SiteId, siteId, StringComparison.OrdinalIgnoreCase)).OrderBy(l => l.CustomerId))
        {
            SiteUser? user = bySiteUserId.TryGetValue(link.SiteUserId, out var bySite) && bySite.User!.Id.Equals(link.PlatformUserId)
                ? bySite
                : byPlatformId.GetValueOrDefault(link.PlatformUserId);
            if (user is null || result.CustomerByUser.ContainsKey(user.User!.Id))
            {
                stale.Add(link.CustomerId);
                staleLinks.Add(link);
                continue;
            }

            var identity = new MatchedIdentity(link.CustomerId, user.Id, user.User.Id, IdentityMatchKind.IdentityMap, user.TagId);
            linked.Add(link.CustomerId, identity);
            result.CustomerByUser.Add(user.User.Id, link.CustomerId);
            if (!user.Id.Equals(link.SiteUserId))
            {
                // The person was removed from the site and added again: same platform account, new site-user id.
                result.LinksToSave.Add(link with { SiteUserId = user.Id });
            }
        }

        var customerById = new Dictionary<long, Coworker>();
        var customersPerEmail = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var customer in customers)
        {
            if (!customerById.TryAdd(customer.Id, customer))
            {
                continue;
            }

            if (Normalize(customer.Email) is { } email)
            {
                customersPerEmail[email] = customersPerEmail.GetValueOrDefault(email) + 1;
            }
        }

        foreach (var customerId in toMatch.Distinct().Order())
        {
            if (linked.TryGetValue(customerId, out var known))
            {
                result.Matched.Add(customerId, known);
                continue;
            }

            if (stale.Contains(customerId))
            {
                result.LinksToForget.Add(customerId);
                result.Issues.Add(Issue(siteId, customerId, IdentityIssueKind.StaleLink,
                    $"Customer {customerId}'s remembered SALTO user is no longer on site {siteId}; the link was dropped and the customer is matched again."));
            }

            var email = Normalize(customerById.GetValueOrDefault(customerId)?.Email);
            if (email is null)
            {
                result.Issues.Add(Issue(siteId, customerId, IdentityIssueKind.NoEmail,
                    $"Customer {customerId} has no e-mail address, so no SALTO user can be matched or created; add one in Nexudus."));
                continue;
            }

            var candidates = byEmail.GetValueOrDefault(email) ?? [];
            if (customersPerEmail.GetValueOrDefault(email) > 1)
            {
                result.Unresolved.UnionWith(candidates.Select(u => u.User!.Id));
                result.MayBe(candidates.Select(u => u.User!.Id), customerId);
                result.Issues.Add(Issue(siteId, customerId, IdentityIssueKind.SharedEmail,
                    $"Customer {customerId} shares an e-mail address with another customer, so neither is matched to a SALTO user by e-mail; give each customer their own address."));
                continue;
            }

            switch (candidates.Count)
            {
                case 0:
                    result.WithoutUser.Add(customerId);
                    break;
                case 1 when result.CustomerByUser.TryGetValue(candidates[0].User!.Id, out var other):
                    result.MayBe([candidates[0].User!.Id], customerId);
                    result.Issues.Add(Issue(siteId, customerId, IdentityIssueKind.LinkedToAnotherCustomer,
                        $"The SALTO user with customer {customerId}'s e-mail on site {siteId} is already linked to customer {other}; fix the e-mail in Nexudus or SALTO."));
                    break;
                case 1:
                    var user = candidates[0];
                    var match = new MatchedIdentity(customerId, user.Id, user.User!.Id, IdentityMatchKind.Email, user.TagId);
                    result.Matched.Add(customerId, match);
                    result.CustomerByUser.Add(match.PlatformUserId, customerId);
                    result.LinksToSave.Add(new IdentityLink
                    {
                        SiteId = siteId,
                        CustomerId = customerId,
                        SiteUserId = match.SiteUserId,
                        PlatformUserId = match.PlatformUserId,
                        Email = email,
                        CreatedBySdk = false,
                        LinkedAt = now,
                    });
                    break;
                default:
                    result.Unresolved.UnionWith(candidates.Select(u => u.User!.Id));
                    result.MayBe(candidates.Select(u => u.User!.Id), customerId);
                    result.Issues.Add(Issue(siteId, customerId, IdentityIssueKind.AmbiguousSaltoUsers,
                        $"{candidates.Count} SALTO users on site {siteId} have customer {customerId}'s e-mail; none is chosen. Remove the duplicates in SALTO KS."));
                    break;
            }
        }

        // Linked customers who were not asked about still tell who a group member is.
        foreach (var (customerId, identity) in linked)
        {
            result.CustomerByUser.TryAdd(identity.PlatformUserId, customerId);
        }

        // So do links whose user the list did not show: the planner keeps such a user's memberships while the
        // customer is entitled, whatever the list says.
        foreach (var link in staleLinks)
        {
            result.CustomerByUser.TryAdd(link.PlatformUserId, link.CustomerId);
        }

        return result;
    }

    /// <summary>The comparable form of an e-mail address: trimmed, or <see langword="null"/> when blank.</summary>
    public static string? Normalize(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();

    private static IdentityIssue Issue(string siteId, long customerId, IdentityIssueKind kind, string message) =>
        new() { SiteId = siteId, CustomerId = customerId, Kind = kind, Message = message };
}
