using System.Globalization;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Sample.Demo;

/// <summary>
/// Puts the resolver's answers into words: who a customer is, why they have a group (the lineage, with the
/// names of the passes, offices, teams and bookings behind it), and until when, in the location's own time.
/// </summary>
internal sealed class AccessExplainer
{
    private readonly NexudusSnapshot _snapshot;
    private readonly Dictionary<long, Coworker> _customers;
    private readonly Dictionary<long, string> _names = [];
    private readonly Dictionary<long, string> _locations;
    private readonly LinkMap _links;

    /// <summary>Initialises the explainer.</summary>
    /// <param name="snapshot">The Nexudus records the access was resolved from.</param>
    /// <param name="links">The links, for each location's policy.</param>
    /// <param name="businesses">The locations, for their names.</param>
    public AccessExplainer(NexudusSnapshot snapshot, LinkMap links, IEnumerable<Business> businesses)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(links);
        _snapshot = snapshot;
        _links = links;
        _customers = snapshot.Coworkers.ToDictionary(c => c.Id);
        _locations = businesses.ToDictionary(b => b.Id, b => b.Name ?? b.Id.ToString(CultureInfo.InvariantCulture));
        foreach (var (id, name) in snapshot.TimePasses.Select(p => (p.Id, p.Name))
            .Concat(snapshot.FloorPlanDesks.Select(d => (d.Id, d.Name)))
            .Concat(snapshot.Resources.Select(r => (r.Id, r.Name)))
            .Concat(snapshot.Teams.Select(t => (t.Id, t.Name))))
        {
            _names[id] = name ?? id.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Names a customer.</summary>
    /// <param name="customerId">The Nexudus customer id.</param>
    /// <returns>The full name, or the id.</returns>
    public string Customer(long customerId) =>
        _customers.TryGetValue(customerId, out var c) && c.FullName is { Length: > 0 } name ? name : $"customer {customerId}";

    /// <summary>Names a location.</summary>
    /// <param name="businessId">The Nexudus business id.</param>
    /// <returns>Its name, or the id.</returns>
    public string Location(long businessId) => _locations.TryGetValue(businessId, out var name) ? name : $"location {businessId}";

    /// <summary>Says why, for every grant of a membership.</summary>
    /// <param name="grants">The membership's lineage.</param>
    /// <returns>One line per grant.</returns>
    public string Why(IEnumerable<AccessGrant> grants) => string.Join(Environment.NewLine, grants.Select(Why));

    /// <summary>Says why for one grant.</summary>
    /// <param name="grant">The grant.</param>
    /// <returns>A phrase naming the records behind it.</returns>
    public string Why(AccessGrant grant) => grant switch
    {
        TimePassGrant pass => $"holds pass '{Name(pass.TimePassId)}' (#{pass.CoworkerTimePassId})",
        TeamGrant team => $"member of team '{Name(team.TeamId)}', whose paying member {Customer(team.PayingMemberId)} holds contract #{team.ContractId} on '{Name(team.FloorPlanDeskId)}'",
        ContractGrant contract => $"contract #{contract.ContractId} on '{Name(contract.FloorPlanDeskId)}'",
        BookingGrant booking => $"booking #{booking.BookingId} of '{Name(booking.ResourceId ?? booking.FloorPlanDeskId ?? 0)}', door open {Clock(booking.WindowStart, booking.BusinessId)}-{Clock(booking.WindowEnd, booking.BusinessId)} (with buffers)",
        _ => grant.GetType().Name,
    };

    /// <summary>Writes an instant as the location's day, date and time, with the zone's name.</summary>
    /// <param name="instant">The instant, or <see langword="null"/> for open-ended.</param>
    /// <param name="businessId">The location.</param>
    /// <returns>For example <c>Mon 28 Dec 19:26 (Europe/London)</c>, or "open-ended".</returns>
    public string Local(DateTimeOffset? instant, long businessId) =>
        instant is { } value
            ? _snapshot.TimeZones.TryGetValue(businessId, out var zone)
                ? $"{TimeZoneInfo.ConvertTime(value, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})"
                : value.UtcDateTime.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture) + " UTC"
            : "open-ended";

    /// <summary>Writes an instant as the location's wall-clock time of day.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="businessId">The location.</param>
    /// <returns>For example <c>19:26</c>; UTC when the location's zone is unknown.</returns>
    public string Clock(DateTimeOffset instant, long businessId) =>
        (_snapshot.TimeZones.TryGetValue(businessId, out var zone) ? TimeZoneInfo.ConvertTime(instant, zone) : instant.ToUniversalTime())
            .ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Says why a customer has no access at all right now.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="now">The instant access was resolved for.</param>
    /// <returns>A phrase, from their records.</returns>
    public string WhyNot(Coworker customer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.Active != true || customer.Archived == true)
        {
            var holds = _snapshot.CoworkerTimePasses.Count(p => p.CoworkerId == customer.Id);
            return $"not active in Nexudus: gets nothing, although they hold {holds} pass(es)";
        }

        var bookings = _snapshot.Bookings.Where(b => b.CoworkerId == customer.Id && b.ToTime > now).OrderBy(b => b.FromTime).ToList();
        if (bookings.FirstOrDefault(b => b.Tentative != true) is { } next)
        {
            var business = _snapshot.Resources.FirstOrDefault(r => r.Id == next.ResourceId)?.BusinessId ?? 0;
            var before = _links.Locations.FirstOrDefault(l => l.BusinessId == business)?.Policy.BookingAccessBefore ?? EntitlementPolicy.DefaultBookingBuffer;
            return $"booking #{next.Id} of '{Name(next.ResourceId ?? next.FloorPlanDeskId ?? 0)}' starts {(next.FromTime is { } start ? Clock(start, business) : "later")}: the door opens {before.TotalMinutes:0} minutes before";
        }

        return bookings.Count > 0
            ? "only a tentative booking, and tentative bookings do not open doors (IncludeTentativeBookings)"
            : "nothing valid at a linked pass, desk or resource right now";
    }

    private string Name(long id) => _names.TryGetValue(id, out var name) ? name : $"#{id}";
}
