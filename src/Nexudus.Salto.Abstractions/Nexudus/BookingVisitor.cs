namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A guest of a booking, from <c>/api/spaces/bookingvisitors</c>: links a <see cref="Visitor"/> to a
/// <see cref="Booking"/> made by a customer. With <c>BookingGuests</c> on for the location, each gets a SALTO KS guest
/// user for the booking's window.
/// </summary>
public sealed record BookingVisitor : NexudusEntity
{
    /// <summary>Gets the id of the booking.</summary>
    public long? BookingId { get; init; }

    /// <summary>Gets the id of the visitor record.</summary>
    public long? VisitorId { get; init; }

    /// <summary>Gets the visitor's full name.</summary>
    public string? VisitorFullName { get; init; }

    /// <summary>Gets the visitor's e-mail address.</summary>
    public string? VisitorEmail { get; init; }
}
