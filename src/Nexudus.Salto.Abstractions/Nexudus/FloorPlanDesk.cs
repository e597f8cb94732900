using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A desk, office or room on a floor plan, from <c>/api/sys/floorplandesks</c>.
/// </summary>
public sealed record FloorPlanDesk : NexudusEntity
{
    /// <summary>Gets the id of the floor plan the item is on.</summary>
    public long? FloorPlanId { get; init; }

    /// <summary>Gets the name of the floor plan.</summary>
    public string? FloorPlanName { get; init; }

    /// <summary>Gets the id of the location the floor plan belongs to.</summary>
    public long? FloorPlanBusinessId { get; init; }

    /// <summary>Gets the item's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets what the item is (office, desk, room...).</summary>
    public FloorPlanItemType? ItemType { get; init; }

    /// <summary>Gets the id of the bookable <see cref="Resource"/> linked to the item.</summary>
    public long? ResourceId { get; init; }

    /// <summary>Gets the id of the customer assigned to the item (dedicated desks and offices).</summary>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the ids of the contracts on the item, as one read-only string.</summary>
    public string? CoworkerContractIds { get; init; }

    /// <summary>Gets the names of the contract holders, as one read-only string.</summary>
    public string? CoworkerContractFullNames { get; init; }

    /// <summary>Gets the start dates of the contracts on the item, as one read-only string.</summary>
    public string? CoworkerContractStartDates { get; init; }

    /// <summary>Gets the id of the external access-control group linked to the item.</summary>
    public string? AccessControlGroupId { get; init; }

    /// <summary>Gets whether the item is available.</summary>
    public bool? Available { get; init; }

    /// <summary>Gets when the item becomes available (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? AvailableFromTime { get; init; }

    /// <summary>Gets when the item becomes available, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? AvailableFromTimeLocal { get; init; }

    /// <summary>Gets when the item stops being available (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? AvailableToTime { get; init; }

    /// <summary>Gets when the item stops being available, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? AvailableToTimeLocal { get; init; }

    /// <summary>Gets how many people the item holds.</summary>
    public int? Capacity { get; init; }

    /// <summary>Gets the item's size (area).</summary>
    public decimal? Size { get; init; }

    /// <summary>Gets the item's price.</summary>
    public decimal? Price { get; init; }

    /// <summary>Gets whether the item's occupancy sensor reports it as occupied.</summary>
    public bool? IsSensorOccupied { get; init; }
}
