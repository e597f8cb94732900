using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The fields of a booking of a resource or desk, shared by a live <see cref="Booking"/> and a
/// <see cref="CancelledBooking"/>.
/// </summary>
/// <remarks>
/// Every property here carries <c>[JsonPropertyOrder(-1)]</c> only so that a serialised
/// <see cref="CancelledBooking"/> keeps its member order: these fields, then
/// <see cref="CancelledBooking.CancellationReason"/>, then the <see cref="NexudusEntity"/> fields.
/// </remarks>
public abstract record BookingBase : NexudusEntity
{
    /// <summary>Gets the id of the booked <see cref="Resource"/>.</summary>
    [JsonPropertyOrder(-1)]
    public long? ResourceId { get; init; }

    /// <summary>Gets the name of the booked resource.</summary>
    [JsonPropertyOrder(-1)]
    public string? ResourceName { get; init; }

    /// <summary>Gets the id of the booked resource's type.</summary>
    [JsonPropertyOrder(-1)]
    public long? ResourceResourceTypeId { get; init; }

    /// <summary>Gets the id of the booked <see cref="FloorPlanDesk"/>, if any.</summary>
    [JsonPropertyOrder(-1)]
    public long? FloorPlanDeskId { get; init; }

    /// <summary>Gets the name of the booked desk.</summary>
    [JsonPropertyOrder(-1)]
    public string? FloorPlanDeskName { get; init; }

    /// <summary>Gets the id of the customer the booking is for; <see langword="null"/> when none.</summary>
    [JsonPropertyOrder(-1)]
    public long? CoworkerId { get; init; }

    /// <summary>Gets the customer's full name.</summary>
    [JsonPropertyOrder(-1)]
    public string? CoworkerFullName { get; init; }

    /// <summary>Gets the customer's team names, as one string.</summary>
    [JsonPropertyOrder(-1)]
    public string? CoworkerTeamNames { get; init; }

    /// <summary>Gets the id of the rate (extra service); <see langword="null"/> when Nexudus picks it.</summary>
    [JsonPropertyOrder(-1)]
    public long? ExtraServiceId { get; init; }

    /// <summary>Gets when the booking starts (UTC).</summary>
    [JsonPropertyOrder(-1)]
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? FromTime { get; init; }

    /// <summary>Gets when the booking starts, as the location's wall-clock time.</summary>
    [JsonPropertyOrder(-1)]
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? FromTimeLocal { get; init; }

    /// <summary>Gets when the booking ends (UTC).</summary>
    [JsonPropertyOrder(-1)]
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? ToTime { get; init; }

    /// <summary>Gets when the booking ends, as the location's wall-clock time.</summary>
    [JsonPropertyOrder(-1)]
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? ToTimeLocal { get; init; }

    /// <summary>Gets whether the booking awaits an administrator's approval (it still blocks the calendar).</summary>
    [JsonPropertyOrder(-1)]
    public bool? Tentative { get; init; }

    /// <summary>Gets whether the booking was made from the portal or the app.</summary>
    [JsonPropertyOrder(-1)]
    public bool? Online { get; init; }

    /// <summary>Gets whether the booking has been charged (Nexudus calls this "Invoiced").</summary>
    [JsonPropertyOrder(-1)]
    public bool? Invoiced { get; init; }

    /// <summary>Gets whether the booking is charged to the customer rather than their paying member.</summary>
    [JsonPropertyOrder(-1)]
    public bool? InvoiceThisCoworker { get; init; }

    /// <summary>Gets the customer's teams when the booking was made, as one string.</summary>
    [JsonPropertyOrder(-1)]
    public string? TeamsAtTheTimeOfBooking { get; init; }

    /// <summary>Gets the customer's plan when the booking was made.</summary>
    [JsonPropertyOrder(-1)]
    public string? TariffAtTheTimeOfBooking { get; init; }

    /// <summary>Gets when the customer checked in for the booking (UTC).</summary>
    [JsonPropertyOrder(-1)]
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? CheckedInAt { get; init; }

    /// <summary>Gets whether the booking is cancelled if the customer does not check in.</summary>
    [JsonPropertyOrder(-1)]
    public bool? CancelIfNotCheckedIn { get; init; }

    /// <summary>Gets the GUID shared by the bookings of one repeat series.</summary>
    [JsonPropertyOrder(-1)]
    [JsonConverter(typeof(NexudusGuidConverter))]
    public Guid? RepeatSeriesUniqueId { get; init; }

    /// <summary>Gets whether the booking starts a repeat series (create only).</summary>
    [JsonPropertyOrder(-1)]
    public bool? RepeatBooking { get; init; }

    /// <summary>
    /// Gets the repeat cycle (create only): 1 Daily, 2 Weekly, 3 Monthly, 4 Yearly, 5 FirstOfMonth,
    /// 6 SecondOfMonth, 7 ThirdOfMonth, 8 LastOfMonth, 9 FourthOfMonth.
    /// </summary>
    [JsonPropertyOrder(-1)]
    public int? Repeats { get; init; }

    /// <summary>Gets the number of cycles between repeats (create only).</summary>
    [JsonPropertyOrder(-1)]
    public int? RepeatEvery { get; init; }

    /// <summary>Gets when the repeat series ends (create only).</summary>
    [JsonPropertyOrder(-1)]
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? RepeatUntil { get; init; }

    /// <summary>
    /// Gets which bookings of a series an update or delete applies to: 1 UpdateThisBookingOnly,
    /// 2 UpdateFutureBookingsOnly, 3 UpdateAllBookings, 4 UpdateNotChargedBookings, 5 DeleteAllBookings,
    /// 6 DeleteBookingsAfterThis, 7 DeleteNotChargedBookings, 8 RevertAllCharges.
    /// </summary>
    [JsonPropertyOrder(-1)]
    public int? WhichBookingsToUpdate { get; init; }
}
