using System.Globalization;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Guests;

// What Nexudus wants: the booking guests and expected visitors of each opted-in location, with their windows.
internal sealed partial class GuestAccess
{
    private async Task<WantedGuests> WantedAsync(GuestRunInput input, List<SyncError> errors, CancellationToken cancellationToken)
    {
        var result = new WantedGuests();
        var bookingLocations = input.Locations.Where(l => l.BookingGuests).ToList();
        if (bookingLocations.Count > 0)
        {
            await BookingGuestsAsync(input, bookingLocations, result, errors, cancellationToken).ConfigureAwait(false);
        }

        foreach (var location in input.Locations.Where(l => l.VisitorGroups.Count > 0))
        {
            await VisitorsAsync(input, location, result, errors, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task BookingGuestsAsync(
        GuestRunInput input, List<IntegrationLocation> locations, WantedGuests result, List<SyncError> errors, CancellationToken cancellationToken)
    {
        // The bookings giving access now, from the resolved memberships: same windows, buffers, policy and eligibility.
        var bookings = new Dictionary<long, (BookingGrant Grant, string SiteId, long Customer, SortedSet<string> Groups)>();
        foreach (var membership in input.Desired.Memberships)
        {
            foreach (var grant in membership.Grants.OfType<BookingGrant>())
            {
                var location = locations.FirstOrDefault(l => l.Links.NexudusBusinessId == grant.BusinessId && Same(l.Links.SaltoSiteId.Trim(), membership.SiteId));
                if (location is null)
                {
                    continue;
                }

                if (!bookings.TryGetValue(grant.BookingId, out var booking))
                {
                    bookings[grant.BookingId] = booking = (grant, membership.SiteId, membership.CustomerId, new SortedSet<string>(StringComparer.OrdinalIgnoreCase));
                }

                booking.Groups.Add(membership.GroupId);
            }
        }

        var bookingRecords = input.Snapshot.Bookings.GroupBy(b => b.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var (bookingId, (grant, siteId, customer, groups)) in bookings.OrderBy(b => b.Key))
        {
            result.CurrentBookings.Add(bookingId);
            var guests = new List<BookingVisitor>();
            try
            {
                await foreach (var guest in nexudus.ListBookingVisitorsAsync(new BookingVisitorQuery { BookingId = bookingId }, cancellationToken).ConfigureAwait(false))
                {
                    guests.Add(guest);
                }
            }
            catch (Exception ex) when (IsReadFailure(ex, cancellationToken))
            {
                GuestLog.ReadFailed(logger, string.Create(CultureInfo.InvariantCulture, $"the guests of booking #{bookingId}"), ex);
                errors.Add(new SyncError
                {
                    Kind = SyncErrorKind.NexudusRead,
                    Message = string.Create(CultureInfo.InvariantCulture, $"Reading the guests of booking #{bookingId} from Nexudus failed; its guests are kept as they are this run: {ex.Message}"),
                });
                continue;
            }

            result.BookingsRead.Add(bookingId);
            var location = locations.First(l => l.Links.NexudusBusinessId == grant.BusinessId && Same(l.Links.SaltoSiteId.Trim(), siteId));
            var booking = bookingRecords.GetValueOrDefault(bookingId);
            var host = input.Customers.GetValueOrDefault(customer)?.FullName ?? booking?.CoworkerFullName ?? string.Create(CultureInfo.InvariantCulture, $"customer #{customer}");
            var what = booking?.ResourceName ?? booking?.FloorPlanDeskName;
            var lineage = string.Create(
                CultureInfo.InvariantCulture,
                $"guest of booking #{bookingId} by {host}{(what is null ? string.Empty : $" ({what})")}, {grant.WindowStart:yyyy-MM-dd HH:mm}–{grant.WindowEnd:HH:mm} UTC with buffers");
            foreach (var guest in guests.Where(g => g.BookingId == bookingId).DistinctBy(g => g.Id))
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"booking-visitor:{guest.Id}");
                result.Guests[key] = new WantedGuest(
                    key, GuestSource.BookingGuest, siteId, grant.BusinessId,
                    Alias(guest.VisitorFullName, string.Create(CultureInfo.InvariantCulture, $"Guest {guest.VisitorId ?? guest.Id}")),
                    bookingId, guest.VisitorId, guest.Id, customer, grant.WindowStart, grant.WindowEnd, [.. groups], lineage, location.GuestSeatReserve);
            }
        }
    }

    private async Task VisitorsAsync(GuestRunInput input, IntegrationLocation location, WantedGuests result, List<SyncError> errors, CancellationToken cancellationToken)
    {
        var businessId = location.Links.NexudusBusinessId;
        var siteId = location.Links.SaltoSiteId.Trim();
        if (!input.Snapshot.TimeZones.TryGetValue(businessId, out var zone))
        {
            // Without the location's zone, "the end of that day" is unknown: nobody is let in, nobody is deleted early.
            errors.Add(new SyncError
            {
                Kind = SyncErrorKind.NexudusRead,
                Message = string.Create(CultureInfo.InvariantCulture, $"The time zone of location {businessId} is unknown, so its visitors get no access this run."),
            });
            return;
        }

        // A window ends at the end of the arrival's local day, at most about 26 hours after it.
        var range = NexudusDateRange.Between(input.Now - TimeSpan.FromHours(27), input.Now + location.VisitorAccessBefore + lookAhead);
        var visitors = new List<Visitor>();
        try
        {
            await foreach (var visitor in nexudus.ListVisitorsAsync(new VisitorQuery { BusinessId = businessId, ExpectedArrival = range }, cancellationToken).ConfigureAwait(false))
            {
                visitors.Add(visitor);
            }
        }
        catch (Exception ex) when (IsReadFailure(ex, cancellationToken))
        {
            GuestLog.ReadFailed(logger, string.Create(CultureInfo.InvariantCulture, $"the visitors of location {businessId}"), ex);
            errors.Add(new SyncError
            {
                Kind = SyncErrorKind.NexudusRead,
                Message = string.Create(CultureInfo.InvariantCulture, $"Reading the visitors of location {businessId} from Nexudus failed; its visitors are kept as they are this run: {ex.Message}"),
            });
            return;
        }

        result.VisitorsRead.Add(businessId);
        foreach (var visitor in visitors.DistinctBy(v => v.Id))
        {
            if (visitor.BusinessId is { } business && business != businessId)
            {
                continue;
            }

            if (visitor.HostApprovalStatus != HostApprovalStatus.AcceptedAndGrant || visitor.ExpectedArrival is not { } arrival)
            {
                continue;
            }

            var from = arrival - location.VisitorAccessBefore;
            var calendar = new LocationCalendar(zone, TimeSpan.Zero);
            var localArrival = calendar.ToWallClock(arrival);
            if (calendar.EndOfDay(DateOnly.FromDateTime(localArrival)) is not { } until)
            {
                continue;
            }

            if (input.Now < from)
            {
                result.NextStart = Earliest(result.NextStart, from);
                continue;
            }

            if (input.Now >= until)
            {
                continue;
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"visitor:{visitor.Id}");
            var host = visitor.CoworkerFullName ?? (visitor.CoworkerId is { } hostId ? string.Create(CultureInfo.InvariantCulture, $"customer #{hostId}") : "the location");
            var lineage = string.Create(CultureInfo.InvariantCulture, $"visitor of {host} expected {localArrival:yyyy-MM-dd HH:mm} (location {businessId} time), approved by the host");
            result.Guests[key] = new WantedGuest(
                key, GuestSource.Visitor, siteId, businessId, Alias(visitor.FullName, string.Create(CultureInfo.InvariantCulture, $"Visitor {visitor.Id}")),
                null, visitor.Id, null, visitor.CoworkerId, from, until, [.. location.VisitorGroups.Distinct(StringComparer.OrdinalIgnoreCase)], lineage,
                location.GuestSeatReserve);
        }
    }
}
