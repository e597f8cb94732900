using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Compares customers' Access Card Ids with the tag numbers SALTO KS shows on their users (the platform user's
/// <c>tag_number</c>, read with the site's users at the start of the run), so an operator can act even where the API
/// cannot assign tags. No call of its own; numbers leave it masked.
/// </summary>
internal static class TagComparison
{
    /// <summary>The differences on one site, for the customers the run matched to a SALTO user.</summary>
    /// <param name="site">The site's part of the run: its users, matched identities and stored tag assignments.</param>
    /// <param name="customers">The customers read from Nexudus.</param>
    /// <param name="changes">The run's tag changes: a number assigned (or planned) this run is not reported missing.</param>
    public static IEnumerable<TagDifference> Compare(SiteRun site, IReadOnlyDictionary<long, Coworker> customers, IReadOnlyList<TagChange> changes)
    {
        var holders = new Dictionary<string, SiteUserId>(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<SiteUserId, SiteUser>();
        foreach (var user in site.Users)
        {
            byId.TryAdd(user.Id, user);
            if (user.User?.TagNumber?.Trim() is { Length: > 0 } number)
            {
                holders.TryAdd(number, user.Id);
            }
        }

        var managed = site.State.TagAssignments.Select(t => t.CustomerId).ToHashSet();
        var differences = new List<TagDifference>();
        foreach (var customerId in site.Customers.Order())
        {
            if (!customers.TryGetValue(customerId, out var customer) ||
                !site.Identities.Matched.TryGetValue(customerId, out var identity) ||
                !byId.TryGetValue(identity.SiteUserId, out var user))
            {
                continue; // no SALTO user (yet) to compare with
            }

            var wanted = AccessCardNumbers.Parse(customer.AccessCardId);
            var held = user.User?.TagNumber?.Trim() is { Length: > 0 } number ? number : null;
            foreach (var card in wanted)
            {
                // A number SALTO accepted an assignment of (this run or earlier) is held, even where SALTO shows one tag_number only.
                if (string.Equals(card, held, StringComparison.OrdinalIgnoreCase) || AssignedThisRun(changes, site.SiteId, customerId, card) ||
                    site.State.TagAssignments.Any(t => t.CustomerId == customerId && string.Equals(t.TagNumber, card, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var kind = holders.TryGetValue(card, out var holder) && holder != user.Id ? TagDifferenceKind.HeldByAnotherPerson : TagDifferenceKind.MissingOnSalto;
                differences.Add(new TagDifference { SiteId = site.SiteId, CustomerId = customerId, Kind = kind, MaskedNumber = AccessCardNumbers.Mask(card) });
            }

            // A tag SALTO shows that Nexudus does not list: reported where Nexudus speaks about the customer's cards.
            if (held is not null && !wanted.Contains(held, StringComparer.OrdinalIgnoreCase) && (wanted.Count > 0 || managed.Contains(customerId)))
            {
                differences.Add(new TagDifference { SiteId = site.SiteId, CustomerId = customerId, Kind = TagDifferenceKind.Stale, MaskedNumber = AccessCardNumbers.Mask(held) });
            }
        }

        return differences;
    }

    private static bool AssignedThisRun(IReadOnlyList<TagChange> changes, string siteId, long customerId, string number)
    {
        var masked = AccessCardNumbers.Mask(number);
        return changes.Any(c => c.CustomerId == customerId && c.Kind == TagChangeKind.Assign &&
                                c.Outcome is SyncChangeOutcome.Applied or SyncChangeOutcome.Planned &&
                                string.Equals(c.SiteId, siteId, StringComparison.OrdinalIgnoreCase) && c.MaskedNumber == masked);
    }
}
