namespace Nexudus.Salto.Sync;

/// <summary>Where in Nexudus a SALTO KS guest user comes from.</summary>
public enum GuestSource
{
    /// <summary>A guest of a booking (a Nexudus <c>BookingVisitor</c>), for the booking's window with its buffers.</summary>
    BookingGuest = 0,

    /// <summary>An expected visitor approved by the host (a Nexudus <c>Visitor</c>), for the day of the visit.</summary>
    Visitor = 1,
}
