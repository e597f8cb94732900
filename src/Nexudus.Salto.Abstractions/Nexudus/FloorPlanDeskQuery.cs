namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the desks, offices and rooms on floor plans (<c>/api/sys/floorplandesks</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record FloorPlanDeskQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="FloorPlanDeskQuery"/> class that lists everything.</summary>
    public FloorPlanDeskQuery()
        : base("FloorPlanDesk")
    {
    }

    /// <summary>Gets the id of the floor plan (<c>FloorPlanDesk_FloorPlan</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? FloorPlanId { get; init; }

    /// <summary>Gets the id of the floor plan's location (sent as the documented <c>FloorPlanDesk_FloorPlan_Business_Id</c>) (<c>FloorPlanDesk_FloorPlan_Business_Id</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the id of the customer the item is assigned to (<c>FloorPlanDesk_Coworker</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the id of the linked bookable resource (<c>FloorPlanDesk_Resource</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? ResourceId { get; init; }

    /// <summary>Gets the kind of item (<c>FloorPlanDesk_ItemType</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public FloorPlanItemType? ItemType { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "FloorPlan", FloorPlanId);
        AddEqual(filters, "FloorPlan_Business_Id", BusinessId);
        AddEqual(filters, "Coworker", CoworkerId);
        AddEqual(filters, "Resource", ResourceId);
        AddEqual(filters, "ItemType", (long?)ItemType);
    }
}
