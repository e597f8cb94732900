using System.Runtime.InteropServices;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Entitlements;

// The rules of the fast path: each pass, contract (with its team) and booking becomes grants in the
// membership table, or a pending interval when it starts later.
internal sealed partial class EntitlementEvaluation
{
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
}
