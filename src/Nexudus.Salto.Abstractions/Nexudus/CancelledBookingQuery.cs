namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the cancelled bookings (<c>/api/spaces/cancelledbookings</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record CancelledBookingQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="CancelledBookingQuery"/> class that lists everything.</summary>
    public CancelledBookingQuery()
        : base("CancelledBooking")
    {
    }

    /// <summary>Gets the id of the customer the booking was for (<c>CancelledBooking_Coworker</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the id of the booked resource (<c>CancelledBooking_Resource</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? ResourceId { get; init; }

    /// <summary>Gets the range of the booking's start (<c>from_CancelledBooking_FromTime</c>, <c>to_CancelledBooking_FromTime</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? FromTime { get; init; }

    /// <summary>Gets the range of the booking's end (<c>from_CancelledBooking_ToTime</c>, <c>to_CancelledBooking_ToTime</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? ToTime { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Coworker", CoworkerId);
        AddEqual(filters, "Resource", ResourceId);
        AddRange(filters, "FromTime", FromTime);
        AddRange(filters, "ToTime", ToTime);
    }
}
