using System.Runtime.InteropServices;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Entitlements;

/// <summary>
/// One run of <see cref="EntitlementResolver"/>: indexes the snapshot, applies the rules and builds
/// the <see cref="DesiredAccess"/>. Used once, by one thread.
/// </summary>
/// <remarks>
/// Sized for large worlds (tens of thousands of customers, hundreds of thousands of passes):
/// groups are interned to integers, memberships live in a struct table keyed by (group, customer),
/// one grant object is shared by all the groups of its item, and grants that start later are kept
/// as bare intervals, only to compute the next edge. Times are UTC ticks; <see cref="long.MaxValue"/>
/// means "never ends".
/// </remarks>
internal sealed partial class EntitlementEvaluation
{
    private const long Open = long.MaxValue;
    private static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;

    private readonly NexudusSnapshot _snapshot;
    private readonly LinkMap _links;
    private readonly DateTimeOffset _now;
    private readonly long _nowTicks;
    private readonly List<LinkIssue> _issues;

    // Groups, interned per (site, group); the first spelling seen is kept.
    private readonly Dictionary<(string Site, string Group), int> _groupIndex = new(SiteGroupComparer.Instance);
    private readonly List<GroupInfo> _groups = [];

    private readonly Dictionary<long, LocationState> _locations = [];
    private readonly Dictionary<long, ItemLink> _deskLinks = [];
    private readonly Dictionary<long, ItemLink> _resourceLinks = [];
    private readonly Dictionary<long, bool> _eligible = [];
    private readonly Dictionary<long, List<TeamSeats>> _teamsByPayer = [];

    // Memberships now: a table of slots, each with a chain of grants and, later, of pending intervals.
    private readonly Dictionary<MemberKey, int> _slotIndex = [];
    private Slot[] _slots = new Slot[1024];
    private int _slotCount;
    private GrantLink[] _grantLinks = new GrantLink[1024];
    private int _grantCount;

    // Grants that start after now: they do not grant yet, but decide the next edge.
    private Pending[] _pending = new Pending[256];
    private int _pendingCount;

    public EntitlementEvaluation(NexudusSnapshot snapshot, LinkMap links, DateTimeOffset now)
    {
        _snapshot = snapshot;
        _links = links;
        _now = now.ToUniversalTime();
        _nowTicks = _now.UtcTicks;
        _issues = [.. links.Issues];
    }

    public DesiredAccess Evaluate()
    {
        IndexLocations();
        IndexEligibility();
        IndexTeams();
        ApplyTimePasses();
        ApplyContracts();
        ApplyBookings();
        var nextEdge = ComputeNextEdge();
        var (memberships, managed) = BuildOutput();
        return new DesiredAccess
        {
            EvaluatedAt = _now,
            Memberships = memberships,
            ManagedGroups = managed,
            NextEdge = nextEdge == Open ? null : new DateTimeOffset(nextEdge, TimeSpan.Zero),
            Issues = _issues,
        };
    }

    private void IndexLocations()
    {
        var blocked = new List<int>();
        foreach (var map in _links.Locations)
        {
            if (map is null)
            {
                continue;
            }

            var site = map.SiteId?.Trim();
            if (map.BusinessId <= 0 || string.IsNullOrEmpty(site))
            {
                Report(LinkIssueKind.InvalidLocation, map, $"Location {map.BusinessId} needs a positive Nexudus business id and a SALTO site id; it is ignored.");
                continue;
            }

            if (_locations.ContainsKey(map.BusinessId))
            {
                Report(LinkIssueKind.DuplicateLocation, map, $"Location {map.BusinessId} is in the link map more than once; only its first entry is used.");
                continue;
            }

            var policy = map.Policy ?? new EntitlementPolicy();
            var resolvable = true;
            if (!policy.IsValid)
            {
                Report(LinkIssueKind.InvalidPolicy, map, $"Location {map.BusinessId} has a negative booking buffer or a pass-day cut-off outside 00:00-24:00; it is not resolved and its groups are left unmanaged.");
                resolvable = false;
            }
            else if (!_snapshot.TimeZones.TryGetValue(map.BusinessId, out _))
            {
                Report(LinkIssueKind.TimeZoneMissing, map, $"The snapshot has no time zone for location {map.BusinessId}; it is not resolved and its groups are left unmanaged.");
                resolvable = false;
            }

            if (!resolvable)
            {
                foreach (var (group, _) in GroupsOf(map, site))
                {
                    blocked.Add(group);
                }

                continue;
            }

            var calendar = new LocationCalendar(_snapshot.TimeZones[map.BusinessId], policy.PassDayCutoff);
            var (dayStart, dayEnd) = calendar.PassDayOf(_now);
            var location = new LocationState(map.BusinessId, policy, calendar, dayStart.UtcTicks, dayEnd.UtcTicks);
            _locations.Add(map.BusinessId, location);

            var ownerships = new Dictionary<string, GroupOwnership>(map.GroupOwnership ?? EmptyOwnership, StringComparer.OrdinalIgnoreCase);
            foreach (var (group, groupId) in GroupsOf(map, site))
            {
                var info = _groups[group];
                var ownership = ownerships.TryGetValue(groupId, out var o) ? o : GroupOwnership.Shared;
                info.Managed = true;
                info.Exclusive = (info.ExclusiveVotes == 0 || info.Exclusive) && ownership == GroupOwnership.Exclusive;
                info.ExclusiveVotes++;
                _groups[group] = info;
            }

            foreach (var (passId, groupIds) in map.TimePassGroups ?? EmptyLinks)
            {
                location.PassGroups[passId] = Intern(site, groupIds);
            }

            location.DeskGroups = map.FloorPlanDeskGroups ?? EmptyLinks;
            location.ResourceGroups = map.ResourceGroups ?? EmptyLinks;
            location.Site = site;
        }

        foreach (var group in blocked)
        {
            var info = _groups[group];
            info.Blocked = true;
            _groups[group] = info;
        }

        // A desk or resource grants at its own location only (its FloorPlanBusinessId / BusinessId).
        foreach (var desk in _snapshot.FloorPlanDesks)
        {
            if (desk.FloorPlanBusinessId is { } business && _locations.TryGetValue(business, out var location) &&
                location.DeskGroups.TryGetValue(desk.Id, out var groupIds) && groupIds is { Count: > 0 })
            {
                _deskLinks.TryAdd(desk.Id, new ItemLink(location, Intern(location.Site, groupIds)));
            }
        }

        foreach (var resource in _snapshot.Resources)
        {
            if (resource.BusinessId is { } business && _locations.TryGetValue(business, out var location) &&
                location.ResourceGroups.TryGetValue(resource.Id, out var groupIds) && groupIds is { Count: > 0 })
            {
                _resourceLinks.TryAdd(resource.Id, new ItemLink(location, Intern(location.Site, groupIds)));
            }
        }
    }

    private static readonly IReadOnlyDictionary<long, IReadOnlyList<string>> EmptyLinks = new Dictionary<long, IReadOnlyList<string>>();
    private static readonly IReadOnlyDictionary<string, GroupOwnership> EmptyOwnership = new Dictionary<string, GroupOwnership>();

    // Every group a location names, interned, each once.
    private List<(int Group, string GroupId)> GroupsOf(LocationLinkMap map, string site)
    {
        var seen = new HashSet<int>();
        var result = new List<(int, string)>();
        void Add(IEnumerable<string>? groupIds)
        {
            foreach (var groupId in groupIds ?? [])
            {
                if (!string.IsNullOrWhiteSpace(groupId))
                {
                    var trimmed = groupId.Trim();
                    var group = Intern(site, trimmed);
                    if (seen.Add(group))
                    {
                        result.Add((group, trimmed));
                    }
                }
            }
        }

        foreach (var links in (IEnumerable<IReadOnlyDictionary<long, IReadOnlyList<string>>?>)[map.TimePassGroups, map.FloorPlanDeskGroups, map.ResourceGroups])
        {
            foreach (var groupIds in links?.Values ?? [])
            {
                Add(groupIds);
            }
        }

        Add(map.OtherManagedGroups);
        return result;
    }

    private int Intern(string site, string groupId)
    {
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_groupIndex, (site, groupId), out var exists);
        if (!exists)
        {
            index = _groups.Count;
            _groups.Add(new GroupInfo { SiteId = site, GroupId = groupId });
        }

        return index;
    }

    private int[] Intern(string site, IReadOnlyList<string>? groupIds)
    {
        if (groupIds is null || groupIds.Count == 0)
        {
            return [];
        }

        var groups = new List<int>(groupIds.Count);
        foreach (var groupId in groupIds)
        {
            if (!string.IsNullOrWhiteSpace(groupId))
            {
                var group = Intern(site, groupId.Trim());
                if (!groups.Contains(group))
                {
                    groups.Add(group);
                }
            }
        }

        return [.. groups];
    }

    private void IndexEligibility()
    {
        foreach (var coworker in _snapshot.Coworkers)
        {
            // Unknown never grants: both flags must be present and say so. A customer listed twice
            // is eligible only if every record says so.
            var eligible = coworker.Active == true && coworker.Archived == false;
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_eligible, coworker.Id, out var exists);
            entry = exists ? entry && eligible : eligible;
        }
    }

    private bool IsEligible(long customer) => _eligible.TryGetValue(customer, out var eligible) && eligible;

    private void IndexTeams()
    {
        foreach (var team in _snapshot.Teams)
        {
            if (team.PayingMemberId is not { } payer || team.TeamMembers is not { Count: > 0 } members || !IsEligible(payer))
            {
                continue;
            }

            var seats = new List<long>(members.Count);
            foreach (var member in members)
            {
                if (member != payer && IsEligible(member) && !seats.Contains(member))
                {
                    seats.Add(member);
                }
            }

            if (seats.Count == 0)
            {
                continue;
            }

            ref var teams = ref CollectionsMarshal.GetValueRefOrAddDefault(_teamsByPayer, payer, out _);
            (teams ??= []).Add(new TeamSeats(team.Id, [.. seats]));
        }
    }
}
