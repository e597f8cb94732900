namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Access from a booking of a linked resource or floor-plan desk, for the booking's
/// window widened by the location's buffers.
/// </summary>
public sealed record BookingGrant : AccessGrant
{
    /// <summary>Gets the id of the booking.</summary>
    /// <value>A Nexudus id.</value>
    public required long BookingId { get; init; }

    /// <summary>Gets whether the resource or the floor-plan desk of the booking is the linked item.</summary>
    /// <value><see cref="LinkedItemKind.Resource"/> or <see cref="LinkedItemKind.FloorPlanDesk"/>.</value>
    public required LinkedItemKind LinkedBy { get; init; }

    /// <summary>Gets the id of the booked resource.</summary>
    /// <value>A Nexudus id, or <see langword="null"/> when the booking names none.</value>
    public long? ResourceId { get; init; }

    /// <summary>Gets the id of the booked floor-plan desk.</summary>
    /// <value>A Nexudus id, or <see langword="null"/> when the booking names none.</value>
    public long? FloorPlanDeskId { get; init; }

    /// <summary>Gets when access begins: the booking's start less <see cref="EntitlementPolicy.BookingAccessBefore"/>.</summary>
    /// <value>A UTC instant (inclusive).</value>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>Gets when access ends: the booking's end plus <see cref="EntitlementPolicy.BookingAccessAfter"/>.</summary>
    /// <value>A UTC instant (exclusive), equal to <see cref="AccessGrant.ValidUntil"/>.</value>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>Gets whether the booking is tentative (granted only when the policy includes tentative bookings).</summary>
    /// <value><see langword="true"/> for a tentative booking.</value>
    public bool Tentative { get; init; }
}
