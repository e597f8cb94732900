using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Cancelling a booking the Nexudus way: it disappears from <c>/bookings</c> and
/// a read-only <see cref="CancelledBooking"/> with the same fields (and, in the sandbox, the same
/// id and <c>UniqueId</c>) appears in <c>/cancelledbookings</c>.
/// </summary>
internal static class NexudusBookingCancellation
{
    public static CancelledBooking Cancel(NexudusStore store, Booking booking, BookingCancellationReason reason) =>
        store.Locked(s =>
        {
            s.Remove(typeof(Booking), booking.Id);
            return s.Put(new CancelledBooking
            {
                Id = booking.Id,
                UniqueId = booking.UniqueId,
                CreatedOn = booking.CreatedOn,
                SystemId = booking.SystemId,
                ResourceId = booking.ResourceId,
                ResourceName = booking.ResourceName,
                ResourceResourceTypeId = booking.ResourceResourceTypeId,
                FloorPlanDeskId = booking.FloorPlanDeskId,
                FloorPlanDeskName = booking.FloorPlanDeskName,
                CoworkerId = booking.CoworkerId,
                CoworkerFullName = booking.CoworkerFullName,
                CoworkerTeamNames = booking.CoworkerTeamNames,
                ExtraServiceId = booking.ExtraServiceId,
                FromTime = booking.FromTime,
                FromTimeLocal = booking.FromTimeLocal,
                ToTime = booking.ToTime,
                ToTimeLocal = booking.ToTimeLocal,
                Tentative = booking.Tentative,
                Online = booking.Online,
                Invoiced = booking.Invoiced,
                InvoiceThisCoworker = booking.InvoiceThisCoworker,
                TeamsAtTheTimeOfBooking = booking.TeamsAtTheTimeOfBooking,
                TariffAtTheTimeOfBooking = booking.TariffAtTheTimeOfBooking,
                CheckedInAt = booking.CheckedInAt,
                CancelIfNotCheckedIn = booking.CancelIfNotCheckedIn,
                RepeatSeriesUniqueId = booking.RepeatSeriesUniqueId,
                RepeatBooking = booking.RepeatBooking,
                Repeats = booking.Repeats,
                RepeatEvery = booking.RepeatEvery,
                RepeatUntil = booking.RepeatUntil,
                WhichBookingsToUpdate = booking.WhichBookingsToUpdate,
                CancellationReason = reason,
            });
        });
}
