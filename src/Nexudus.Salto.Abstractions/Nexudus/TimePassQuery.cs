namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the pass definitions (<c>/api/billing/timepasses</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record TimePassQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="TimePassQuery"/> class that lists everything.</summary>
    public TimePassQuery()
        : base("TimePass")
    {
    }

    /// <summary>Gets the id of the pass's location (<c>TimePass_Business</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the pass's name (<c>TimePass_Name</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public string? Name { get; init; }

    /// <summary>Gets whether the pass is archived (<c>TimePass_Archived</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Archived { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Business", BusinessId);
        AddEqual(filters, "Name", Name);
        AddEqual(filters, "Archived", Archived);
    }
}
