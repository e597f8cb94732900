using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A booking of a resource or desk, from <c>/api/spaces/bookings</c>; also the body of booking webhooks.
/// </summary>
/// <remarks>
/// There is no "cancelled" flag: a cancelled booking disappears from <c>/bookings</c> and reappears
/// as a <see cref="CancelledBooking"/>.
/// </remarks>
public sealed record Booking : NexudusEntity
{
    /// <summary>Gets the id of the booked <see cref="Resource"/>.</summary>
    public long? ResourceId { get; init; }

    /// <summary>Gets the name of the booked resource.</summary>
    public string? ResourceName { get; init; }

    /// <summary>Gets the id of the booked resource's type.</summary>
    public long? ResourceResourceTypeId { get; init; }

    /// <summary>Gets the id of the booked <see cref="FloorPlanDesk"/>, if any.</summary>
    public long? FloorPlanDeskId { get; init; }

    /// <summary>Gets the name of the booked desk.</summary>
    public string? FloorPlanDeskName { get; init; }

    /// <summary>Gets the id of the customer the booking is for; <see langword="null"/> when none.</summary>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the customer's full name.</summary>
    public string? CoworkerFullName { get; init; }

    /// <summary>Gets the customer's team names, as one string.</summary>
    public string? CoworkerTeamNames { get; init; }

    /// <summary>Gets the id of the rate (extra service); <see langword="null"/> when Nexudus picks it.</summary>
    public long? ExtraServiceId { get; init; }

    /// <summary>Gets when the booking starts (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? FromTime { get; init; }

    /// <summary>Gets when the booking starts, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? FromTimeLocal { get; init; }

    /// <summary>Gets when the booking ends (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? ToTime { get; init; }

    /// <summary>Gets when the booking ends, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? ToTimeLocal { get; init; }

    /// <summary>Gets whether the booking awaits an administrator's approval (it still blocks the calendar).</summary>
    public bool? Tentative { get; init; }

    /// <summary>Gets whether the booking was made from the portal or the app.</summary>
    public bool? Online { get; init; }

    /// <summary>Gets whether the booking has been charged (Nexudus calls this "Invoiced").</summary>
    public bool? Invoiced { get; init; }

    /// <summary>Gets whether the booking is charged to the customer rather than their paying member.</summary>
    public bool? InvoiceThisCoworker { get; init; }

    /// <summary>Gets the customer's teams when the booking was made, as one string.</summary>
    public string? TeamsAtTheTimeOfBooking { get; init; }

    /// <summary>Gets the customer's plan when the booking was made.</summary>
    public string? TariffAtTheTimeOfBooking { get; init; }

    /// <summary>Gets when the customer checked in for the booking (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? CheckedInAt { get; init; }

    /// <summary>Gets whether the booking is cancelled if the customer does not check in.</summary>
    public bool? CancelIfNotCheckedIn { get; init; }

    /// <summary>Gets the GUID shared by the bookings of one repeat series.</summary>
    [JsonConverter(typeof(NexudusGuidConverter))]
    public Guid? RepeatSeriesUniqueId { get; init; }

    /// <summary>Gets whether the booking starts a repeat series (create only).</summary>
    public bool? RepeatBooking { get; init; }

    /// <summary>
    /// Gets the repeat cycle (create only): 1 Daily, 2 Weekly, 3 Monthly, 4 Yearly, 5 FirstOfMonth,
    /// 6 SecondOfMonth, 7 ThirdOfMonth, 8 LastOfMonth, 9 FourthOfMonth.
    /// </summary>
    public int? Repeats { get; init; }

    /// <summary>Gets the number of cycles between repeats (create only).</summary>
    public int? RepeatEvery { get; init; }

    /// <summary>Gets when the repeat series ends (create only).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? RepeatUntil { get; init; }

    /// <summary>
    /// Gets which bookings of a series an update or delete applies to: 1 UpdateThisBookingOnly,
    /// 2 UpdateFutureBookingsOnly, 3 UpdateAllBookings, 4 UpdateNotChargedBookings, 5 DeleteAllBookings,
    /// 6 DeleteBookingsAfterThis, 7 DeleteNotChargedBookings, 8 RevertAllCharges.
    /// </summary>
    public int? WhichBookingsToUpdate { get; init; }
}
