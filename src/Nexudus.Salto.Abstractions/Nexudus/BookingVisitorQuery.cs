namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of booking guests (<c>/api/spaces/bookingvisitors</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record BookingVisitorQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="BookingVisitorQuery"/> class that lists everything.</summary>
    public BookingVisitorQuery()
        : base("BookingVisitor")
    {
    }

    /// <summary>Gets the id of the booking (<c>BookingVisitor_Booking</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BookingId { get; init; }

    /// <summary>Gets the id of the visitor (<c>BookingVisitor_Visitor</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? VisitorId { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Booking", BookingId);
        AddEqual(filters, "Visitor", VisitorId);
    }
}
