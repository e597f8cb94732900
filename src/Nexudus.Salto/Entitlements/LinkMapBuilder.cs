using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Makes a <see cref="LinkMap"/> from configured <see cref="LocationLinks"/> and the
/// <c>AccessControlGroupId(s)</c> fields of a <see cref="NexudusSnapshot"/>'s passes, desks and resources.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Configuration wins: for an item it names, the Nexudus field is ignored, and an empty group list unlinks the item.</item>
/// <item>A Nexudus field links an item at its own location only (<see cref="TimePass.BusinessId"/>,
/// <see cref="FloorPlanDesk.FloorPlanBusinessId"/>, <see cref="Resource.BusinessId"/>); a field may hold
/// several ids separated by commas, semicolons or white space.</item>
/// <item>A configured link naming an item that is not in the snapshot, or that belongs to another
/// location, becomes a <see cref="LinkIssue"/> and grants nothing; its groups stay managed
/// (<see cref="LocationLinkMap.OtherManagedGroups"/>), so members who no longer qualify are removed
/// rather than kept by a link that cannot be checked.</item>
/// <item>Nothing here throws for bad links or settings: every problem is a <see cref="LinkIssue"/>.
/// A location with an invalid id, site or policy, or configured twice, is left out (and so are its groups).</item>
/// </list>
/// Group ids are trimmed and de-duplicated ignoring case; the first spelling is kept.
/// </remarks>
public static class LinkMapBuilder
{
    /// <summary>Builds the link map of the configured locations.</summary>
    /// <param name="locations">The configured locations (<c>SaltoIntegration:Locations</c>).</param>
    /// <param name="snapshot">The Nexudus data the links are checked against and read from.</param>
    /// <returns>The link map, with every problem found in <see cref="LinkMap.Issues"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument or one of the locations is <see langword="null"/>.</exception>
    public static LinkMap Build(IEnumerable<LocationLinks> locations, NexudusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(snapshot);

        var passes = IndexById(snapshot.TimePasses);
        var desks = IndexById(snapshot.FloorPlanDesks);
        var resources = IndexById(snapshot.Resources);
        var issues = new List<LinkIssue>();
        var maps = new List<LocationLinkMap>();
        var seen = new HashSet<long>();

        foreach (var location in locations)
        {
            ArgumentNullException.ThrowIfNull(location, nameof(locations));
            if (!IsUsable(location, seen, issues, out var policy))
            {
                continue;
            }

            var business = location.NexudusBusinessId;
            var site = location.SaltoSiteId.Trim();
            var context = new LocationContext(business, site, issues);

            var passGroups = context.FromConfiguration(LinkedItemKind.TimePass, location.TimePassGroups,
                id => passes.TryGetValue(id, out var pass) ? (bool?)(pass.BusinessId == business || (pass.Businesses?.Contains(business) ?? false)) : null);
            var deskGroups = context.FromConfiguration(LinkedItemKind.FloorPlanDesk, location.FloorPlanDeskGroups,
                id => desks.TryGetValue(id, out var desk) ? desk.FloorPlanBusinessId == business : null);
            var resourceGroups = context.FromConfiguration(LinkedItemKind.Resource, location.ResourceGroups,
                id => resources.TryGetValue(id, out var resource) ? resource.BusinessId == business : null);

            if (location.UseNexudusLinkFields)
            {
                foreach (var pass in snapshot.TimePasses)
                {
                    if (pass.BusinessId == business)
                    {
                        context.FromNexudusField(passGroups, pass.Id, pass.AccessControlGroupId, pass.AccessControlGroupIds);
                    }
                }

                foreach (var desk in snapshot.FloorPlanDesks)
                {
                    if (desk.FloorPlanBusinessId == business)
                    {
                        context.FromNexudusField(deskGroups, desk.Id, desk.AccessControlGroupId, null);
                    }
                }

                foreach (var resource in snapshot.Resources)
                {
                    if (resource.BusinessId == business)
                    {
                        context.FromNexudusField(resourceGroups, resource.Id, resource.AccessControlGroupId, null);
                    }
                }
            }

            maps.Add(new LocationLinkMap
            {
                BusinessId = business,
                SiteId = site,
                TimePassGroups = passGroups,
                FloorPlanDeskGroups = deskGroups,
                ResourceGroups = resourceGroups,
                OtherManagedGroups = context.OtherManagedGroups,
                GroupOwnership = context.Ownership(location.GroupOwnership),
                Policy = policy,
            });
        }

        ReportOwnershipConflicts(maps, issues);
        return new LinkMap { Locations = maps, Issues = issues };
    }

    private static bool IsUsable(LocationLinks location, HashSet<long> seen, List<LinkIssue> issues, out EntitlementPolicy policy)
    {
        policy = new EntitlementPolicy
        {
            BookingAccessBefore = location.BookingAccessBefore,
            BookingAccessAfter = location.BookingAccessAfter,
            IncludeTentativeBookings = location.IncludeTentativeBookings,
            PassDayCutoff = location.PassDayCutoff,
            PassExpireDateIsLocal = location.PassExpireDateIsLocal,
        };
        var business = location.NexudusBusinessId;
        var site = location.SaltoSiteId?.Trim();
        if (business <= 0 || string.IsNullOrEmpty(site))
        {
            issues.Add(new LinkIssue
            {
                Kind = LinkIssueKind.InvalidLocation,
                BusinessId = business,
                SiteId = site,
                Message = $"Location {business} needs a positive Nexudus business id and a SALTO site id; it is ignored.",
            });
            return false;
        }

        if (!seen.Add(business))
        {
            issues.Add(new LinkIssue
            {
                Kind = LinkIssueKind.DuplicateLocation,
                BusinessId = business,
                SiteId = site,
                Message = $"Location {business} is configured more than once; only its first entry is used.",
            });
            return false;
        }

        if (!policy.IsValid)
        {
            issues.Add(new LinkIssue
            {
                Kind = LinkIssueKind.InvalidPolicy,
                BusinessId = business,
                SiteId = site,
                Message = $"Location {business} has a negative booking buffer or a pass-day cut-off outside 00:00-24:00; the location is ignored.",
            });
            return false;
        }

        return true;
    }

    private static void ReportOwnershipConflicts(List<LocationLinkMap> maps, List<LinkIssue> issues)
    {
        // Ownership is per site and group; locations that share a site must agree on it.
        var byGroup = new Dictionary<(string Site, string Group), (long Business, GroupOwnership Ownership)>(SiteGroupComparer.Instance);
        foreach (var map in maps)
        {
            foreach (var group in LinkedGroups(map))
            {
                map.GroupOwnership.TryGetValue(group, out var ownership);
                var key = (map.SiteId, group);
                if (!byGroup.TryGetValue(key, out var first))
                {
                    byGroup.Add(key, (map.BusinessId, ownership));
                }
                else if (first.Ownership != ownership)
                {
                    issues.Add(new LinkIssue
                    {
                        Kind = LinkIssueKind.OwnershipConflict,
                        BusinessId = map.BusinessId,
                        SiteId = map.SiteId,
                        GroupId = group,
                        Message = $"Locations {first.Business} and {map.BusinessId} give group {group} different ownerships; it is treated as Shared.",
                    });
                }
            }
        }
    }

    private static HashSet<string> LinkedGroups(LocationLinkMap map)
    {
        var groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var links in (IEnumerable<IReadOnlyDictionary<long, IReadOnlyList<string>>>)[map.TimePassGroups, map.FloorPlanDeskGroups, map.ResourceGroups])
        {
            foreach (var list in links.Values)
            {
                groups.UnionWith(list);
            }
        }

        groups.UnionWith(map.OtherManagedGroups);
        return groups;
    }

    private static Dictionary<long, T> IndexById<T>(IReadOnlyList<T> items)
        where T : NexudusEntity
    {
        var index = new Dictionary<long, T>(items.Count);
        foreach (var item in items)
        {
            index.TryAdd(item.Id, item);
        }

        return index;
    }

    private sealed class LocationContext(long business, string site, List<LinkIssue> issues)
    {
        private readonly List<string> _otherManaged = [];
        private readonly HashSet<string> _allGroups = new(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<string> OtherManagedGroups => _otherManaged;

        // belongsHere: null when the item is unknown, else whether it is an item of this location.
        public Dictionary<long, IReadOnlyList<string>> FromConfiguration(
            LinkedItemKind kind, IReadOnlyDictionary<long, IReadOnlyList<string>>? configured, Func<long, bool?> belongsHere)
        {
            var links = new Dictionary<long, IReadOnlyList<string>>();
            if (configured is null)
            {
                return links;
            }

            foreach (var (id, groupIds) in configured.OrderBy(pair => pair.Key))
            {
                var groups = Clean(kind, id, groupIds);
                var known = belongsHere(id);
                if (known == true)
                {
                    links.Add(id, groups);
                    continue;
                }

                foreach (var group in groups)
                {
                    if (!_otherManaged.Contains(group, StringComparer.OrdinalIgnoreCase))
                    {
                        _otherManaged.Add(group);
                    }
                }

                issues.Add(new LinkIssue
                {
                    Kind = known is null ? LinkIssueKind.UnknownItem : LinkIssueKind.ItemInOtherLocation,
                    BusinessId = business,
                    SiteId = site,
                    ItemKind = kind,
                    ItemId = id,
                    Message = known is null
                        ? $"Location {business} links {kind} {id}, which Nexudus does not have; the link grants nothing."
                        : $"Location {business} links {kind} {id}, which belongs to another location; the link grants nothing.",
                });
            }

            return links;
        }

        // An item configuration names (even with no groups) is already in links: configuration wins.
        public void FromNexudusField(Dictionary<long, IReadOnlyList<string>> links, long id, string? field, string? moreField)
        {
            if (links.ContainsKey(id))
            {
                return;
            }

            var groups = new List<string>();
            GroupIdText.AddIds(field, groups);
            GroupIdText.AddIds(moreField, groups);
            if (groups.Count > 0)
            {
                _allGroups.UnionWith(groups);
                links.Add(id, groups);
            }
        }

        public Dictionary<string, GroupOwnership> Ownership(IReadOnlyDictionary<string, GroupOwnership>? configured)
        {
            var ownership = new Dictionary<string, GroupOwnership>(StringComparer.OrdinalIgnoreCase);
            if (configured is null)
            {
                return ownership;
            }

            foreach (var (rawGroup, value) in configured.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                var group = rawGroup?.Trim();
                if (string.IsNullOrEmpty(group))
                {
                    continue;
                }

                if (!_allGroups.Contains(group))
                {
                    issues.Add(new LinkIssue
                    {
                        Kind = LinkIssueKind.OwnershipWithoutLink,
                        BusinessId = business,
                        SiteId = site,
                        GroupId = group,
                        Message = $"Location {business} sets the ownership of group {group}, which nothing links; it has no effect.",
                    });
                    continue;
                }

                ownership.TryAdd(group, value);
            }

            return ownership;
        }

        private List<string> Clean(LinkedItemKind kind, long id, IReadOnlyList<string>? groupIds)
        {
            var groups = new List<string>();
            foreach (var raw in groupIds ?? [])
            {
                var group = raw?.Trim();
                if (string.IsNullOrEmpty(group))
                {
                    issues.Add(new LinkIssue
                    {
                        Kind = LinkIssueKind.BlankGroupId,
                        BusinessId = business,
                        SiteId = site,
                        ItemKind = kind,
                        ItemId = id,
                        Message = $"Location {business} links {kind} {id} to an empty group id; it is ignored.",
                    });
                    continue;
                }

                if (!groups.Contains(group, StringComparer.OrdinalIgnoreCase))
                {
                    groups.Add(group);
                }
            }

            _allGroups.UnionWith(groups);
            return groups;
        }
    }
}
