namespace Nexudus.Salto.Entitlements;

// The output of the fast path: the next edge, the sorted memberships with their lineage, and the
// table types.
internal sealed partial class EntitlementEvaluation
{
    // The first instant after now at which the set of (site, group, customer) changes. A membership
    // present now disappears at the end of the union of its current grants and of the upcoming
    // grants that overlap or touch it; an absent one appears at its earliest upcoming start. Groups
    // left out of the output (named by a location that cannot be resolved) never change it.
    private long ComputeNextEdge()
    {
        var edge = Open;
        for (var i = 0; i < _pendingCount; i++)
        {
            ref var pending = ref _pending[i];
            if (!IsOutput(pending.Group))
            {
                continue;
            }

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
            if (!IsOutput(slot.Group))
            {
                continue;
            }

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
