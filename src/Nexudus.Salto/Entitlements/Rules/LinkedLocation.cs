namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// A location the rules can use: its SALTO site, its policy (booking buffers, tentative bookings,
/// pass-day cut-off), its local calendar, and which access groups each of its passes, desks and
/// resources grants.
/// </summary>
internal sealed class LinkedLocation
{
    private static readonly IReadOnlyDictionary<long, IReadOnlyList<string>> NoLinks = new Dictionary<long, IReadOnlyList<string>>();

    private readonly LocationLinkMap _map;
    private readonly Func<string, SaltoGroup> _group;

    public LinkedLocation(LocationLinkMap map, string siteId, EntitlementPolicy policy, TimeZoneInfo zone, Func<string, SaltoGroup> group)
    {
        _map = map;
        _group = group;
        BusinessId = map.BusinessId;
        SiteId = siteId;
        Policy = policy;
        Calendar = new LocationCalendar(zone, policy.PassDayCutoff);
    }

    /// <summary>The Nexudus location (business) id.</summary>
    public long BusinessId { get; }

    /// <summary>The SALTO site its groups belong to.</summary>
    public string SiteId { get; }

    /// <summary>Booking buffers, tentative bookings, pass-day cut-off and how to read pass expiry dates.</summary>
    public EntitlementPolicy Policy { get; }

    /// <summary>Local days and pass days in the location's time zone.</summary>
    public LocationCalendar Calendar { get; }

    /// <summary>The groups a pass definition (<c>TimePassId</c>) grants here.</summary>
    public IReadOnlyList<SaltoGroup> GroupsOfPass(long timePassId) => Groups(_map.TimePassGroups, timePassId);

    /// <summary>The groups a floor-plan desk or office grants here.</summary>
    public IReadOnlyList<SaltoGroup> GroupsOfDesk(long deskId) => Groups(_map.FloorPlanDeskGroups, deskId);

    /// <summary>The groups a bookable resource grants here.</summary>
    public IReadOnlyList<SaltoGroup> GroupsOfResource(long resourceId) => Groups(_map.ResourceGroups, resourceId);

    /// <summary>Whether the configuration links the desk here to any group.</summary>
    public bool LinksDesk(long deskId) => IsLinked(_map.FloorPlanDeskGroups, deskId);

    /// <summary>Whether the configuration links the resource here to any group.</summary>
    public bool LinksResource(long resourceId) => IsLinked(_map.ResourceGroups, resourceId);

    /// <summary>Every group this location names, in the order the configuration names them.</summary>
    public static IEnumerable<string> NamedGroups(LocationLinkMap map)
    {
        IEnumerable<IReadOnlyList<string>?> lists =
        [
            .. (map.TimePassGroups ?? NoLinks).Values,
            .. (map.FloorPlanDeskGroups ?? NoLinks).Values,
            .. (map.ResourceGroups ?? NoLinks).Values,
            map.OtherManagedGroups,
        ];
        return lists.SelectMany(list => list ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim());
    }

    private static bool IsLinked(IReadOnlyDictionary<long, IReadOnlyList<string>>? links, long item) =>
        (links ?? NoLinks).TryGetValue(item, out var groupIds) && groupIds is { Count: > 0 };

    private List<SaltoGroup> Groups(IReadOnlyDictionary<long, IReadOnlyList<string>>? links, long item) =>
        (links ?? NoLinks).TryGetValue(item, out var groupIds) && groupIds is not null
            ? [.. groupIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => _group(id.Trim())).Distinct()]
            : [];
}
