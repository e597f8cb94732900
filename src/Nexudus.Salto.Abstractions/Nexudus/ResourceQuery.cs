namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the bookable resources (<c>/api/spaces/resources</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record ResourceQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="ResourceQuery"/> class that lists everything.</summary>
    public ResourceQuery()
        : base("Resource")
    {
    }

    /// <summary>Gets the id of the resource's location (<c>Resource_Business</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the resource's name (<c>Resource_Name</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public string? Name { get; init; }

    /// <summary>Gets the id of the resource's type (<c>Resource_ResourceType</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? ResourceTypeId { get; init; }

    /// <summary>Gets whether the resource is visible to customers (<c>Resource_Visible</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Visible { get; init; }

    /// <summary>Gets whether the resource is archived (<c>Resource_Archived</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Archived { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Business", BusinessId);
        AddEqual(filters, "Name", Name);
        AddEqual(filters, "ResourceType", ResourceTypeId);
        AddEqual(filters, "Visible", Visible);
        AddEqual(filters, "Archived", Archived);
    }
}
