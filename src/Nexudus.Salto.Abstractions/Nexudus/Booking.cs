namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A booking of a resource or desk, from <c>/api/spaces/bookings</c>; also the body of booking webhooks.
/// </summary>
/// <remarks>
/// There is no "cancelled" flag: a cancelled booking disappears from <c>/bookings</c> and reappears
/// as a <see cref="CancelledBooking"/>.
/// </remarks>
public sealed record Booking : BookingBase;
