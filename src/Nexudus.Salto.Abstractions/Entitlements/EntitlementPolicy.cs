namespace Nexudus.Salto.Entitlements;

/// <summary>
/// A location's rules for the parts of the access rules that are a matter of policy: booking buffers,
/// tentative bookings, when a pass day starts, and how to read a pass's expiry date.
/// </summary>
public sealed record EntitlementPolicy
{
    /// <summary>The default booking buffer before and after a booking: 15 minutes.</summary>
    public static readonly TimeSpan DefaultBookingBuffer = TimeSpan.FromMinutes(15);

    /// <summary>Gets how long before a booking's start access begins.</summary>
    /// <value>15 minutes by default; never negative.</value>
    public TimeSpan BookingAccessBefore { get; init; } = DefaultBookingBuffer;

    /// <summary>Gets how long after a booking's end access lasts.</summary>
    /// <value>15 minutes by default; never negative.</value>
    public TimeSpan BookingAccessAfter { get; init; } = DefaultBookingBuffer;

    /// <summary>
    /// Gets whether tentative bookings (awaiting an administrator's approval) grant access. A booking
    /// whose <c>Tentative</c> flag is missing counts as tentative.
    /// </summary>
    /// <value><see langword="false"/> by default.</value>
    public bool IncludeTentativeBookings { get; init; }

    /// <summary>
    /// Gets the local time of day at which a pass day starts. With 04:00, a pass used at 02:00 on
    /// Tuesday belongs to Monday's pass day and stops granting at 04:00 on Tuesday.
    /// </summary>
    /// <value>00:00 (midnight) by default; at least zero and less than one day.</value>
    public TimeSpan PassDayCutoff { get; init; }

    /// <summary>
    /// Gets whether a pass's <c>ExpireDate</c> holds the location's wall-clock time rather than
    /// UTC. Which one Nexudus sends is unconfirmed: with <see langword="true"/> the date's clock
    /// digits are read in the location's time zone.
    /// </summary>
    /// <value><see langword="false"/> by default: <c>ExpireDate</c> is UTC, like every plain Nexudus date.</value>
    public bool PassExpireDateIsLocal { get; init; }

    /// <summary>Gets whether every value is in range (buffers not negative, the cut-off within a day).</summary>
    /// <value><see langword="true"/> when the resolver can use the policy.</value>
    public bool IsValid =>
        BookingAccessBefore >= TimeSpan.Zero &&
        BookingAccessAfter >= TimeSpan.Zero &&
        PassDayCutoff >= TimeSpan.Zero &&
        PassDayCutoff < TimeSpan.FromDays(1);
}
