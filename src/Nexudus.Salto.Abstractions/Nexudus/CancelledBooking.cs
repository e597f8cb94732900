namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A read-only copy of a cancelled booking, from <c>/api/spaces/cancelledbookings</c>: the fields
/// of <see cref="Booking"/> plus <see cref="CancellationReason"/>.
/// </summary>
public sealed record CancelledBooking : BookingBase
{
    /// <summary>Gets why the booking was cancelled.</summary>
    public BookingCancellationReason? CancellationReason { get; init; }
}
