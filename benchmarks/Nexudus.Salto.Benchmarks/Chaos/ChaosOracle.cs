using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Benchmarks.Chaos;

/// <summary>
/// The soak's judge, independent of the SDK: the entitlement rules written out plainly (no call to the SDK's
/// resolver), evaluated on the Nexudus sandbox's own store, and the ownership rule (the SDK may remove only a
/// membership it added itself). It classifies every membership change SALTO shows after a cycle.
/// </summary>
/// <remarks>
/// The rules, for one location (the SDK's defaults: 15-minute booking buffers, tentative bookings excluded, pass days
/// starting at local midnight, pass expiry dates read as instants):
/// <list type="bullet">
/// <item>Only a customer with <c>Active == true</c> and <c>Archived == false</c> is entitled to anything.</item>
/// <item>A pass of the location whose pass type is linked entitles while not expired (<c>ExpireDate</c> absent or later
/// than now) and with uses left (<c>RemainingUses</c> absent or above 0), if it is unused (<c>Used == false</c>) or was
/// used on the pass day (local calendar day) that contains now. A used pass without a <c>UsedDate</c> entitles nothing.</item>
/// <item>A contract entitles its holder to the groups of its linked desks while <c>Active == true</c>,
/// <c>InPausedPeriod == false</c>, <c>StartDate</c> reached, and now is on or before the local calendar day of
/// <c>CancellationDate</c> (inclusive). <c>Cancelled == true</c> without a date entitles nothing.</item>
/// <item>When the holder pays for a team, every other entitled-by-status member of the team gets the same groups.</item>
/// <item>A confirmed booking (<c>Tentative == false</c>) of a linked resource or desk entitles from 15 minutes before
/// <c>FromTime</c> until 15 minutes after <c>ToTime</c> (end excluded).</item>
/// </list>
/// </remarks>
internal sealed class ChaosOracle
{
    private readonly LocationLinks _links;
    private readonly TimeZoneInfo _zone;
    private readonly TimeSpan _before;
    private readonly TimeSpan _after;

    public ChaosOracle(LocationLinks links, TimeZoneInfo zone)
    {
        _links = links;
        _zone = zone;
        _before = EntitlementPolicy.DefaultBookingBuffer;
        _after = EntitlementPolicy.DefaultBookingBuffer;
    }

    /// <summary>The Nexudus records the rules read, copied from the sandbox's store at one moment.</summary>
    internal sealed record Truth(
        IReadOnlyList<Coworker> Customers,
        IReadOnlyList<CoworkerTimePass> Passes,
        IReadOnlyList<CoworkerContract> Contracts,
        IReadOnlyList<Team> Teams,
        IReadOnlyList<Booking> Bookings,
        IReadOnlyList<FloorPlanDesk> Desks,
        IReadOnlyList<Resource> Resources)
    {
        public static Truth Capture(NexudusSandbox nexudus) => new(
            nexudus.GetAll<Coworker>(), nexudus.GetAll<CoworkerTimePass>(), nexudus.GetAll<CoworkerContract>(), nexudus.GetAll<Team>(),
            nexudus.GetAll<Booking>(), nexudus.GetAll<FloorPlanDesk>(), nexudus.GetAll<Resource>());
    }

    /// <summary>Every (group, customer) the rules entitle at <paramref name="at"/>.</summary>
    public HashSet<(string Group, long Customer)> Entitled(Truth truth, DateTimeOffset at)
    {
        var result = new HashSet<(string, long)>();
        var statuses = truth.Customers.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.All(c => c.Active == true && c.Archived == false));
        bool InGoodStanding(long customer) => statuses.TryGetValue(customer, out var ok) && ok;
        void Grant(IEnumerable<string> groups, long customer)
        {
            foreach (var group in groups)
            {
                result.Add((group, customer));
            }
        }

        var location = _links.NexudusBusinessId;
        foreach (var pass in truth.Passes)
        {
            if (pass.CoworkerId is not { } customer || pass.BusinessId != location || pass.TimePassId is not { } type ||
                !_links.TimePassGroups.TryGetValue(type, out var groups) || !InGoodStanding(customer))
            {
                continue;
            }

            var notExpired = pass.ExpireDate is null || at < pass.ExpireDate.Value;
            var usesLeft = pass.RemainingUses is null || pass.RemainingUses > 0;
            var usable = pass.Used == false || (pass.UsedDate is { } used && LocalDay(used) == LocalDay(at));
            if (notExpired && usesLeft && usable)
            {
                Grant(groups, customer);
            }
        }

        var deskGroups = truth.Desks
            .Where(d => d.FloorPlanBusinessId == location && _links.FloorPlanDeskGroups.ContainsKey(d.Id))
            .ToDictionary(d => d.Id, d => _links.FloorPlanDeskGroups[d.Id]);
        var resourceGroups = truth.Resources
            .Where(r => r.BusinessId == location && _links.ResourceGroups.ContainsKey(r.Id))
            .ToDictionary(r => r.Id, r => _links.ResourceGroups[r.Id]);

        foreach (var contract in truth.Contracts)
        {
            if (contract.CoworkerId is not { } holder || !InGoodStanding(holder) || !ContractRuns(contract, at))
            {
                continue;
            }

            var groups = (contract.Desks ?? []).Where(deskGroups.ContainsKey).SelectMany(d => deskGroups[d]).Distinct().ToList();
            Grant(groups, holder);
            foreach (var team in truth.Teams.Where(t => t.PayingMemberId == holder))
            {
                foreach (var member in team.TeamMembers ?? [])
                {
                    if (InGoodStanding(member))
                    {
                        Grant(groups, member);
                    }
                }
            }
        }

        foreach (var booking in truth.Bookings)
        {
            if (booking.CoworkerId is not { } customer || booking.Tentative != false || !InGoodStanding(customer) ||
                booking.FromTime is not { } from || booking.ToTime is not { } to || at < from - _before || at >= to + _after)
            {
                continue;
            }

            if (booking.ResourceId is { } resource && resourceGroups.TryGetValue(resource, out var viaResource))
            {
                Grant(viaResource, customer);
            }

            if (booking.FloorPlanDeskId is { } desk && deskGroups.TryGetValue(desk, out var viaDesk))
            {
                Grant(viaDesk, customer);
            }
        }

        return result;
    }

    private bool ContractRuns(CoworkerContract contract, DateTimeOffset at)
    {
        if (contract.Active != true || contract.InPausedPeriod != false || contract.StartDate is not { } start || at < start)
        {
            return false;
        }

        if (contract.CancellationDate is { } cancelled)
        {
            // The cancellation date is the last day of access, inclusive, on the location's calendar.
            return LocalDay(at) <= LocalDay(cancelled);
        }

        return contract.Cancelled != true;
    }

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>Which Nexudus customer a SALTO user is, by e-mail (trimmed, any case); none for staff and strangers.</summary>
    public static Dictionary<PlatformUserId, long> CustomersByUser(IReadOnlyList<SiteUser> users, IReadOnlyList<Coworker> customers)
    {
        var byEmail = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var customer in customers)
        {
            if (customer.Email?.Trim() is { Length: > 0 } email)
            {
                byEmail.TryAdd(email, customer.Id);
            }
        }

        var result = new Dictionary<PlatformUserId, long>();
        foreach (var user in users)
        {
            if (user.User?.Email?.Trim() is { Length: > 0 } email && byEmail.TryGetValue(email, out var id))
            {
                result.TryAdd(user.User.Id, id);
            }
        }

        return result;
    }
}
