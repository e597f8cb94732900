namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A bookable resource (room, desk, equipment), from <c>/api/spaces/resources</c>.
/// </summary>
/// <remarks>
/// A resource's own bookable-hours slots carry the dummy date 1976-01-01; only their time of day counts.
/// </remarks>
public sealed record Resource : NexudusEntity
{
    /// <summary>Gets the id of the location that owns the resource.</summary>
    public long? BusinessId { get; init; }

    /// <summary>Gets the resource's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the id of the resource's type.</summary>
    public long? ResourceTypeId { get; init; }

    /// <summary>Gets the resource's system type, as Nexudus' number.</summary>
    public int? SystemResourceType { get; init; }

    /// <summary>Gets whether the resource is shown to customers.</summary>
    public bool? Visible { get; init; }

    /// <summary>Gets whether bookings need an administrator's approval.</summary>
    public bool? RequiresConfirmation { get; init; }

    /// <summary>Gets how many bookings the resource takes at once.</summary>
    public int? Allocation { get; init; }

    /// <summary>Gets whether bookings may overlap.</summary>
    public bool? AllowMultipleBookings { get; init; }

    /// <summary>Gets the shortest booking allowed, in minutes.</summary>
    public int? MinBookingLength { get; init; }

    /// <summary>Gets the longest booking allowed, in minutes.</summary>
    public int? MaxBookingLength { get; init; }

    /// <summary>Gets how late a booking may be cancelled without charge.</summary>
    public int? LateCancellationLimit { get; init; }

    /// <summary>Gets whether the resource is only for members.</summary>
    public bool? OnlyForMembers { get; init; }

    /// <summary>Gets whether the resource is only for contacts.</summary>
    public bool? OnlyForContacts { get; init; }

    /// <summary>Gets whether the resource is archived.</summary>
    public bool? Archived { get; init; }

    /// <summary>Gets whether the resource is hidden from the calendar.</summary>
    public bool? HideInCalendar { get; init; }

    /// <summary>
    /// Gets the id of the external access-control group linked to the resource (deprecated in the
    /// newer Nexudus reference; its replacement is unconfirmed).
    /// </summary>
    public string? AccessControlGroupId { get; init; }
}
