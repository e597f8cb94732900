namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the bookings (<c>/api/spaces/bookings</c>; cancelled bookings are not among them); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record BookingQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="BookingQuery"/> class that lists everything.</summary>
    public BookingQuery()
        : base("Booking")
    {
    }

    /// <summary>Gets the id of the customer the booking is for (<c>Booking_Coworker</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the id of the booked resource (<c>Booking_Resource</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? ResourceId { get; init; }

    /// <summary>Gets the id of the booked floor-plan desk (<c>Booking_FloorPlanDesk</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? FloorPlanDeskId { get; init; }

    /// <summary>Gets whether the booking awaits approval (<c>Booking_Tentative</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Tentative { get; init; }

    /// <summary>Gets whether the booking has been charged (<c>Booking_Invoiced</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Invoiced { get; init; }

    /// <summary>Gets the range of the booking's start (<c>from_Booking_FromTime</c>, <c>to_Booking_FromTime</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? FromTime { get; init; }

    /// <summary>Gets the range of the booking's end (<c>from_Booking_ToTime</c>, <c>to_Booking_ToTime</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? ToTime { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Coworker", CoworkerId);
        AddEqual(filters, "Resource", ResourceId);
        AddEqual(filters, "FloorPlanDesk", FloorPlanDeskId);
        AddEqual(filters, "Tentative", Tentative);
        AddEqual(filters, "Invoiced", Invoiced);
        AddRange(filters, "FromTime", FromTime);
        AddRange(filters, "ToTime", ToTime);
    }
}
