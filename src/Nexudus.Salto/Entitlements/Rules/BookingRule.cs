using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// Bookings. A booking of a linked resource, or of a linked floor-plan desk, grants the booking's
/// customer that item's groups from the booking's start minus the location's buffer before, until
/// its end plus the buffer after.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The item grants at its own location (the resource's <c>BusinessId</c>, the desk's
/// <c>FloorPlanBusinessId</c>), with that location's buffers.</item>
/// <item>Tentative bookings, and bookings whose <c>Tentative</c> flag is missing, count only where
/// the location includes tentative bookings.</item>
/// <item>A booking without a start or an end grants nothing. A cancelled booking is no longer in
/// Nexudus's bookings list, so it grants nothing either.</item>
/// <item>A booking that names both a linked resource and a linked desk grants through each.</item>
/// </list>
/// </remarks>
internal static class BookingRule
{
    /// <summary>The groups <paramref name="booking"/> grants its customer, and when.</summary>
    public static IEnumerable<Entitlement> Grants(Booking booking, LinkedLocations locations)
    {
        if (booking.CoworkerId is not { } customer || booking.FromTime is not { } from || booking.ToTime is not { } to)
        {
            yield break;
        }

        var tentative = booking.Tentative != false;
        var items = new (long? Id, LinkedItemKind Kind, LinkedLocation? Location)[]
        {
            (booking.ResourceId, LinkedItemKind.Resource, booking.ResourceId is { } resource ? locations.WhereResourceGrants(resource) : null),
            (booking.FloorPlanDeskId, LinkedItemKind.FloorPlanDesk, booking.FloorPlanDeskId is { } desk ? locations.WhereDeskGrants(desk) : null),
        };
        foreach (var (id, kind, location) in items)
        {
            if (location is null || (tentative && !location.Policy.IncludeTentativeBookings))
            {
                continue;
            }

            var window = AccessWindow.AroundBooking(from, to, location.Policy.BookingAccessBefore, location.Policy.BookingAccessAfter);
            var grant = new BookingGrant
            {
                BusinessId = location.BusinessId,
                BookingId = booking.Id,
                LinkedBy = kind,
                ResourceId = booking.ResourceId,
                FloorPlanDeskId = booking.FloorPlanDeskId,
                WindowStart = window.Start!.Value,
                WindowEnd = window.End!.Value,
                Tentative = tentative,
                ValidUntil = window.End,
            };
            var groups = kind == LinkedItemKind.Resource ? location.GroupsOfResource(id!.Value) : location.GroupsOfDesk(id!.Value);
            foreach (var group in groups)
            {
                yield return new Entitlement(group.SiteId, group.GroupId, customer, window, grant);
            }
        }
    }
}
