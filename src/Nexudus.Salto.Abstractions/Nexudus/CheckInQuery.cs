namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the check-ins (<c>/api/spaces/checkins</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record CheckInQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="CheckInQuery"/> class that lists everything.</summary>
    public CheckInQuery()
        : base("Checkin")
    {
    }

    /// <summary>Gets the id of the location (<c>Checkin_Business</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the id of the customer (<c>Checkin_Coworker</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the range of the check-in time (<c>from_Checkin_FromTime</c>, <c>to_Checkin_FromTime</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? FromTime { get; init; }

    /// <summary>Gets the range of the check-out time (<c>from_Checkin_ToTime</c>, <c>to_Checkin_ToTime</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? ToTime { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Business", BusinessId);
        AddEqual(filters, "Coworker", CoworkerId);
        AddRange(filters, "FromTime", FromTime);
        AddRange(filters, "ToTime", ToTime);
    }
}
