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
internal sealed class EntitlementEvaluation
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

    private void ApplyTimePasses()
    {
        foreach (var pass in _snapshot.CoworkerTimePasses)
        {
            if (pass.CoworkerId is not { } customer || pass.BusinessId is not { } business || pass.TimePassId is not { } passId ||
                !_locations.TryGetValue(business, out var location) ||
                !location.PassGroups.TryGetValue(passId, out var groups) || groups.Length == 0 ||
                pass.RemainingUses <= 0 || !IsEligible(customer))
            {
                continue;
            }

            var expiry = pass.ExpireDate is { } expireDate ? ExpiryTicks(expireDate, location) : Open;
            long start;
            long end;
            if (pass.Used == false)
            {
                start = long.MinValue;
                end = expiry;
            }
            else if (pass.UsedDate is { } usedDate)
            {
                // Used (or, with the flag missing, taken as used) at UsedDate: it grants during that pass day only.
                var used = usedDate.UtcTicks;
                if (used >= location.PassDayStart && used < location.PassDayEnd)
                {
                    start = location.PassDayStart;
                    end = Math.Min(location.PassDayEnd, expiry);
                }
                else if (used >= location.PassDayEnd)
                {
                    var (dayStart, dayEnd) = location.Calendar.PassDayOf(usedDate);
                    start = dayStart.UtcTicks;
                    end = Math.Min(dayEnd.UtcTicks, expiry);
                }
                else
                {
                    continue;
                }
            }
            else
            {
                continue; // used with no date, or no flag and no date: unknown, so no access
            }

            if (IsCurrent(start, end))
            {
                var grant = new TimePassGrant
                {
                    BusinessId = business,
                    CoworkerTimePassId = pass.Id,
                    TimePassId = passId,
                    UsedDate = pass.Used == false ? null : pass.UsedDate,
                    ValidUntil = ToInstant(end),
                };
                AddCurrent(groups, customer, grant, end);
            }
            else if (IsUpcoming(start, end))
            {
                AddUpcoming(groups, customer, start, end);
            }
        }
    }

    private static long ExpiryTicks(DateTimeOffset expireDate, LocationState location)
    {
        if (!location.Policy.PassExpireDateIsLocal)
        {
            return expireDate.UtcTicks;
        }

        // The converter read the value as UTC; its clock digits are the location's wall clock.
        return location.Calendar.ToInstant(new DateTime(expireDate.UtcTicks, DateTimeKind.Unspecified)).UtcTicks;
    }

    private void ApplyContracts()
    {
        foreach (var contract in _snapshot.CoworkerContracts)
        {
            if (contract.CoworkerId is not { } holder || contract.Desks is not { Count: > 0 } desks ||
                contract.Active != true || contract.InPausedPeriod != false || contract.StartDate is not { } startDate ||
                (contract.Cancelled == true && contract.CancellationDate is null && contract.CancellationDateLocal is null) ||
                !IsEligible(holder))
            {
                continue;
            }

            _teamsByPayer.TryGetValue(holder, out var teams);
            LocationState? endLocation = null;
            var end = Open;
            var start = startDate.UtcTicks;
            foreach (var deskId in desks)
            {
                if (!_deskLinks.TryGetValue(deskId, out var link))
                {
                    continue;
                }

                if (!ReferenceEquals(link.Location, endLocation))
                {
                    endLocation = link.Location;
                    end = ContractEnd(contract, endLocation);
                }

                if (IsCurrent(start, end))
                {
                    var validUntil = ToInstant(end);
                    var business = link.Location.BusinessId;
                    AddCurrent(link.Groups, holder, new ContractGrant
                    {
                        BusinessId = business,
                        ContractId = contract.Id,
                        FloorPlanDeskId = deskId,
                        ValidUntil = validUntil,
                    }, end);
                    foreach (var team in teams ?? [])
                    {
                        var grant = new TeamGrant
                        {
                            BusinessId = business,
                            TeamId = team.TeamId,
                            PayingMemberId = holder,
                            ContractId = contract.Id,
                            FloorPlanDeskId = deskId,
                            ValidUntil = validUntil,
                        };
                        foreach (var member in team.Members)
                        {
                            AddCurrent(link.Groups, member, grant, end);
                        }
                    }
                }
                else if (IsUpcoming(start, end))
                {
                    AddUpcoming(link.Groups, holder, start, end);
                    foreach (var team in teams ?? [])
                    {
                        foreach (var member in team.Members)
                        {
                            AddUpcoming(link.Groups, member, start, end);
                        }
                    }
                }
            }
        }
    }

    // The cancellation date is the last day of access, inclusive, in local time.
    private static long ContractEnd(CoworkerContract contract, LocationState location)
    {
        DateOnly lastDay;
        if (contract.CancellationDateLocal is { } local)
        {
            lastDay = DateOnly.FromDateTime(local);
        }
        else if (contract.CancellationDate is { } utc)
        {
            lastDay = location.Calendar.LocalDate(utc);
        }
        else
        {
            return Open;
        }

        return location.Calendar.EndOfDay(lastDay)?.UtcTicks ?? Open;
    }

    private void ApplyBookings()
    {
        foreach (var booking in _snapshot.Bookings)
        {
            if (booking.CoworkerId is not { } customer || booking.FromTime is not { } from || booking.ToTime is not { } to)
            {
                continue;
            }

            if (booking.ResourceId is { } resourceId && _resourceLinks.TryGetValue(resourceId, out var resourceLink))
            {
                ApplyBooking(booking, customer, from, to, resourceLink, LinkedItemKind.Resource);
            }

            if (booking.FloorPlanDeskId is { } deskId && _deskLinks.TryGetValue(deskId, out var deskLink))
            {
                ApplyBooking(booking, customer, from, to, deskLink, LinkedItemKind.FloorPlanDesk);
            }
        }
    }

    private void ApplyBooking(Booking booking, long customer, DateTimeOffset from, DateTimeOffset to, ItemLink link, LinkedItemKind linkedBy)
    {
        var policy = link.Location.Policy;
        var tentative = booking.Tentative != false; // a missing flag counts as tentative
        if ((tentative && !policy.IncludeTentativeBookings) || !IsEligible(customer))
        {
            return;
        }

        var start = Math.Max(0, from.UtcTicks - policy.BookingAccessBefore.Ticks);
        var end = to.UtcTicks > MaxTicks - policy.BookingAccessAfter.Ticks ? MaxTicks : to.UtcTicks + policy.BookingAccessAfter.Ticks;
        if (IsCurrent(start, end))
        {
            var windowEnd = new DateTimeOffset(end, TimeSpan.Zero);
            AddCurrent(link.Groups, customer, new BookingGrant
            {
                BusinessId = link.Location.BusinessId,
                BookingId = booking.Id,
                LinkedBy = linkedBy,
                ResourceId = booking.ResourceId,
                FloorPlanDeskId = booking.FloorPlanDeskId,
                WindowStart = new DateTimeOffset(start, TimeSpan.Zero),
                WindowEnd = windowEnd,
                Tentative = tentative,
                ValidUntil = windowEnd,
            }, end);
        }
        else if (IsUpcoming(start, end))
        {
            AddUpcoming(link.Groups, customer, start, end);
        }
    }

    private bool IsCurrent(long start, long end) => start <= _nowTicks && _nowTicks < end;

    private bool IsUpcoming(long start, long end) => start > _nowTicks && start < end;

    private static DateTimeOffset? ToInstant(long ticks) => ticks == Open ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    private void AddCurrent(int[] groups, long customer, AccessGrant grant, long end)
    {
        foreach (var group in groups)
        {
            ref var slotNumber = ref CollectionsMarshal.GetValueRefOrAddDefault(_slotIndex, new MemberKey(group, customer), out var exists);
            if (!exists)
            {
                slotNumber = NewSlot(group, customer);
            }

            ref var slot = ref _slots[slotNumber];
            if (end > slot.End)
            {
                slot.End = end;
            }

            if (_grantCount == _grantLinks.Length)
            {
                Array.Resize(ref _grantLinks, _grantLinks.Length * 2);
            }

            _grantLinks[_grantCount] = new GrantLink(grant, slot.LastGrant);
            slot.LastGrant = _grantCount++;
            slot.GrantCount++;
        }
    }

    private int NewSlot(int group, long customer)
    {
        if (_slotCount == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        _slots[_slotCount] = new Slot { Group = group, Customer = customer, End = long.MinValue, LastGrant = -1, FirstPending = -1 };
        return _slotCount++;
    }

    private void AddUpcoming(int[] groups, long customer, long start, long end)
    {
        foreach (var group in groups)
        {
            if (_pendingCount == _pending.Length)
            {
                Array.Resize(ref _pending, _pending.Length * 2);
            }

            _pending[_pendingCount++] = new Pending { Group = group, Customer = customer, Start = start, End = end, Next = -1 };
        }
    }

    // The first instant after now at which the set of (site, group, customer) changes. A membership
    // present now disappears at the end of the union of its current grants and of the upcoming
    // grants that overlap or touch it; an absent one appears at its earliest upcoming start.
    private long ComputeNextEdge()
    {
        var edge = Open;
        for (var i = 0; i < _pendingCount; i++)
        {
            ref var pending = ref _pending[i];
            if (_slotIndex.TryGetValue(new MemberKey(pending.Group, pending.Customer), out var slotNumber))
            {
                pending.Next = _slots[slotNumber].FirstPending;
                _slots[slotNumber].FirstPending = i;
            }
            else if (pending.Start < edge)
            {
                edge = pending.Start;
            }
        }

        for (var s = 0; s < _slotCount; s++)
        {
            ref var slot = ref _slots[s];
            var end = slot.End;
            if (end != Open && slot.FirstPending >= 0)
            {
                bool extended;
                do
                {
                    extended = false;
                    for (var p = slot.FirstPending; p >= 0; p = _pending[p].Next)
                    {
                        ref var pending = ref _pending[p];
                        if (pending.Start <= end && pending.End > end)
                        {
                            end = pending.End;
                            extended = true;
                        }
                    }
                }
                while (extended && end != Open);
            }

            if (end < edge)
            {
                edge = end;
            }
        }

        return edge;
    }

    private (DesiredMembership[] Memberships, ManagedGroup[] Managed) BuildOutput()
    {
        // Rank the groups by (site, group), ordinal, so the output is the same whatever the input order.
        var order = new int[_groups.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var bySite = string.CompareOrdinal(_groups[a].SiteId, _groups[b].SiteId);
            return bySite != 0 ? bySite : string.CompareOrdinal(_groups[a].GroupId, _groups[b].GroupId);
        });

        var rank = new int[_groups.Count];
        var managed = new List<ManagedGroup>();
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
            var info = _groups[order[r]];
            if (info.Managed && !info.Blocked)
            {
                managed.Add(new ManagedGroup
                {
                    SiteId = info.SiteId,
                    GroupId = info.GroupId,
                    Ownership = info.Exclusive ? GroupOwnership.Exclusive : GroupOwnership.Shared,
                });
            }
        }

        // Bucket the slots by group rank, then sort each bucket by customer id.
        var bucketStart = new int[order.Length + 1];
        var kept = 0;
        for (var s = 0; s < _slotCount; s++)
        {
            if (IsOutput(_slots[s].Group))
            {
                bucketStart[rank[_slots[s].Group] + 1]++;
                kept++;
            }
        }

        for (var r = 0; r < order.Length; r++)
        {
            bucketStart[r + 1] += bucketStart[r];
        }

        var customers = new long[kept];
        var slotsInOrder = new int[kept];
        var fill = (int[])bucketStart.Clone();
        for (var s = 0; s < _slotCount; s++)
        {
            if (IsOutput(_slots[s].Group))
            {
                var position = fill[rank[_slots[s].Group]]++;
                customers[position] = _slots[s].Customer;
                slotsInOrder[position] = s;
            }
        }

        for (var r = 0; r < order.Length; r++)
        {
            var length = bucketStart[r + 1] - bucketStart[r];
            if (length > 1)
            {
                Array.Sort(customers, slotsInOrder, bucketStart[r], length);
            }
        }

        var memberships = new DesiredMembership[kept];
        for (var i = 0; i < kept; i++)
        {
            ref var slot = ref _slots[slotsInOrder[i]];
            var grants = new AccessGrant[slot.GrantCount];
            var g = grants.Length;
            for (var link = slot.LastGrant; link >= 0; link = _grantLinks[link].Previous)
            {
                grants[--g] = _grantLinks[link].Grant;
            }

            if (grants.Length > 1)
            {
                Array.Sort(grants, GrantOrder.Instance);
            }

            var info = _groups[slot.Group];
            memberships[i] = new DesiredMembership
            {
                SiteId = info.SiteId,
                GroupId = info.GroupId,
                CustomerId = slot.Customer,
                ValidUntil = ToInstant(slot.End),
                Grants = grants,
            };
        }

        return (memberships, [.. managed]);
    }

    private bool IsOutput(int group) => _groups[group] is { Managed: true, Blocked: false };

    private void Report(LinkIssueKind kind, LocationLinkMap map, string message) =>
        _issues.Add(new LinkIssue { Kind = kind, BusinessId = map.BusinessId, SiteId = map.SiteId, Message = message });

    private readonly record struct MemberKey(int Group, long Customer);

    private readonly record struct ItemLink(LocationState Location, int[] Groups);

    private readonly record struct TeamSeats(long TeamId, long[] Members);

    private readonly record struct GrantLink(AccessGrant Grant, int Previous);

    private struct Slot
    {
        public int Group;
        public long Customer;
        public long End;
        public int LastGrant;
        public int GrantCount;
        public int FirstPending;
    }

    private struct Pending
    {
        public int Group;
        public long Customer;
        public long Start;
        public long End;
        public int Next;
    }

    private struct GroupInfo
    {
        public string SiteId;
        public string GroupId;
        public bool Managed;
        public bool Blocked;
        public bool Exclusive;
        public int ExclusiveVotes;
    }

    private sealed class LocationState(long businessId, EntitlementPolicy policy, LocationCalendar calendar, long passDayStart, long passDayEnd)
    {
        public long BusinessId { get; } = businessId;

        public EntitlementPolicy Policy { get; } = policy;

        public LocationCalendar Calendar { get; } = calendar;

        public long PassDayStart { get; } = passDayStart;

        public long PassDayEnd { get; } = passDayEnd;

        public string Site { get; set; } = string.Empty;

        public Dictionary<long, int[]> PassGroups { get; } = [];

        public IReadOnlyDictionary<long, IReadOnlyList<string>> DeskGroups { get; set; } = EmptyLinks;

        public IReadOnlyDictionary<long, IReadOnlyList<string>> ResourceGroups { get; set; } = EmptyLinks;
    }

    // Lineage order: passes, contracts, team seats, bookings, then anything else; by id within a kind.
    private sealed class GrantOrder : IComparer<AccessGrant>
    {
        public static readonly GrantOrder Instance = new();

        public int Compare(AccessGrant? x, AccessGrant? y)
        {
            var (xKind, x1, x2, x3) = Key(x);
            var (yKind, y1, y2, y3) = Key(y);
            var c = xKind.CompareTo(yKind);
            c = c != 0 ? c : x1.CompareTo(y1);
            c = c != 0 ? c : x2.CompareTo(y2);
            return c != 0 ? c : x3.CompareTo(y3);
        }

        private static (int Kind, long A, long B, long C) Key(AccessGrant? grant) => grant switch
        {
            TimePassGrant pass => (0, pass.CoworkerTimePassId, pass.TimePassId, 0),
            ContractGrant contract => (1, contract.ContractId, contract.FloorPlanDeskId, 0),
            TeamGrant team => (2, team.TeamId, team.ContractId, team.FloorPlanDeskId),
            BookingGrant booking => (3, booking.BookingId, (long)booking.LinkedBy, 0),
            null => (-1, 0, 0, 0),
            _ => (4, grant.BusinessId, 0, 0),
        };
    }
}
