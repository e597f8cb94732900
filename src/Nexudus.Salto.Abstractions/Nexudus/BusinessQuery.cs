namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the locations (<c>/api/sys/businesses</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record BusinessQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="BusinessQuery"/> class that lists everything.</summary>
    public BusinessQuery()
        : base("Business")
    {
    }

    /// <summary>Gets the location's name (<c>Business_Name</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public string? Name { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Name", Name);
    }
}
