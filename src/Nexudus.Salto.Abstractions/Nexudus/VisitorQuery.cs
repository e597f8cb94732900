namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of visitors (<c>/api/spaces/visitors</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record VisitorQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="VisitorQuery"/> class that lists everything.</summary>
    public VisitorQuery()
        : base("Visitor")
    {
    }

    /// <summary>Gets the id of the location (<c>Visitor_Business</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the id of the hosting customer (<c>Visitor_Coworker</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the range of the expected arrival (<c>from_Visitor_ExpectedArrival</c>, <c>to_Visitor_ExpectedArrival</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? ExpectedArrival { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Business", BusinessId);
        AddEqual(filters, "Coworker", CoworkerId);
        AddRange(filters, "ExpectedArrival", ExpectedArrival);
    }
}
