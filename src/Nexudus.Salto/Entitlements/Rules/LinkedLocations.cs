namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// The configured locations the rules apply at, and the access groups they manage.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A location needs a positive Nexudus id and a SALTO site; one listed twice counts once (its first entry).</item>
/// <item>A location whose policy is invalid, or whose time zone the snapshot lacks, cannot be
/// resolved: it grants nothing, and every group it names is left unmanaged (no one is added to or
/// removed from it), even where another location names it too.</item>
/// <item>A group is managed when a resolvable location names it; it is exclusive only when every
/// such location says so.</item>
/// <item>Group and site ids are compared ignoring case; the first spelling the configuration uses is kept.</item>
/// <item>A desk or resource grants at its own location only (the desk's <c>FloorPlanBusinessId</c>,
/// the resource's <c>BusinessId</c>).</item>
/// </list>
/// </remarks>
internal sealed class LinkedLocations
{
    private readonly Dictionary<long, LinkedLocation> _locations = [];
    private readonly Dictionary<(string Site, string Group), SaltoGroup> _spelling = new(SiteGroupComparer.Instance);
    private readonly Dictionary<SaltoGroup, List<GroupOwnership>> _managedBy = [];
    private readonly HashSet<SaltoGroup> _unresolvable = [];
    private readonly HashSet<long> _unresolvableLocations = [];
    private readonly NexudusSnapshot _snapshot;

    private LinkedLocations(NexudusSnapshot snapshot) => _snapshot = snapshot;

    /// <summary>The locations of <paramref name="links"/>, checked against <paramref name="snapshot"/>.</summary>
    public static LinkedLocations Of(LinkMap links, NexudusSnapshot snapshot)
    {
        var result = new LinkedLocations(snapshot);
        foreach (var map in links.Locations)
        {
            result.Add(map);
        }

        return result;
    }

    /// <summary>The groups whose members the rules decide, sorted by site and group id.</summary>
    public IReadOnlyList<ManagedGroup> ManagedGroups =>
    [
        .. _managedBy
            .Where(entry => IsDecided(entry.Key))
            .OrderBy(entry => entry.Key.SiteId, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.GroupId, StringComparer.Ordinal)
            .Select(entry => new ManagedGroup
            {
                SiteId = entry.Key.SiteId,
                GroupId = entry.Key.GroupId,
                Ownership = entry.Value.All(o => o == GroupOwnership.Exclusive) ? GroupOwnership.Exclusive : GroupOwnership.Shared,
            }),
    ];

    /// <summary>Whether the rules decide who is in <paramref name="group"/>: managed, and named by no unresolvable location.</summary>
    public bool IsDecided(SaltoGroup group) => _managedBy.ContainsKey(group) && !_unresolvable.Contains(group);

    /// <summary>The resolvable location with this Nexudus id, if any.</summary>
    public LinkedLocation? At(long? businessId) =>
        businessId is { } id && _locations.TryGetValue(id, out var location) ? location : null;

    /// <summary>Where a floor-plan desk grants access: its own location, when that location links it.</summary>
    public LinkedLocation? WhereDeskGrants(long deskId) =>
        _snapshot.FloorPlanDesks
            .Where(desk => desk.Id == deskId)
            .Select(desk => At(desk.FloorPlanBusinessId))
            .FirstOrDefault(location => location is not null && location.LinksDesk(deskId));

    /// <summary>Where a resource grants access: its own location, when that location links it.</summary>
    public LinkedLocation? WhereResourceGrants(long resourceId) =>
        _snapshot.Resources
            .Where(resource => resource.Id == resourceId)
            .Select(resource => At(resource.BusinessId))
            .FirstOrDefault(location => location is not null && location.LinksResource(resourceId));

    private void Add(LocationLinkMap? map)
    {
        var site = map?.SiteId?.Trim();
        if (map is null || map.BusinessId <= 0 || string.IsNullOrEmpty(site) || _locations.ContainsKey(map.BusinessId) ||
            _unresolvableLocations.Contains(map.BusinessId))
        {
            return;
        }

        var named = LinkedLocation.NamedGroups(map).Select(id => (Id: id, Group: Spell(site, id))).ToList();
        var policy = map.Policy ?? new EntitlementPolicy();
        if (!policy.IsValid || !_snapshot.TimeZones.TryGetValue(map.BusinessId, out var zone))
        {
            _unresolvableLocations.Add(map.BusinessId);
            _unresolvable.UnionWith(named.Select(n => n.Group));
            return;
        }

        var ownership = new Dictionary<string, GroupOwnership>(map.GroupOwnership ?? new Dictionary<string, GroupOwnership>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (id, group) in named.DistinctBy(n => n.Group))
        {
            if (!_managedBy.TryGetValue(group, out var votes))
            {
                _managedBy.Add(group, votes = []);
            }

            votes.Add(ownership.GetValueOrDefault(id, GroupOwnership.Shared));
        }

        _locations.Add(map.BusinessId, new LinkedLocation(map, site, policy, zone, id => Spell(site, id)));
    }

    private SaltoGroup Spell(string site, string groupId)
    {
        if (!_spelling.TryGetValue((site, groupId), out var group))
        {
            group = new SaltoGroup(site, groupId);
            _spelling.Add((site, groupId), group);
        }

        return group;
    }
}
