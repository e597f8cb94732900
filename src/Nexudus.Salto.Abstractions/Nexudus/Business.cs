namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A Nexudus location (business), from <c>/api/sys/businesses</c>.
/// </summary>
/// <remarks>
/// Opening hours are read-only through the API and are the location's local time.
/// </remarks>
public sealed record Business : NexudusEntity
{
    /// <summary>Gets the location's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the location's URL slug (<c>{WebAddress}.spaces.nexudus.com</c>).</summary>
    public string? WebAddress { get; init; }

    /// <summary>Gets the parent location's id; <see langword="null"/> for a top-level location.</summary>
    public long? RootLocationId { get; init; }

    /// <summary>Gets the country's id.</summary>
    public long? CountryId { get; init; }

    /// <summary>Gets the country's name.</summary>
    public string? CountryName { get; init; }

    /// <summary>Gets the currency's id.</summary>
    public long? CurrencyId { get; init; }

    /// <summary>Gets the currency's code, for example <c>EUR</c>.</summary>
    public string? CurrencyCode { get; init; }

    /// <summary>Gets the id of the location's <see cref="SimpleTimeZone"/>.</summary>
    public long? SimpleTimeZoneId { get; init; }

    /// <summary>Gets the postal address.</summary>
    public string? Address { get; init; }

    /// <summary>Gets the latitude.</summary>
    public double? Latitude { get; init; }

    /// <summary>Gets the longitude.</summary>
    public double? Longitude { get; init; }

    /// <summary>Gets whether the location's account is suspended.</summary>
    public bool? Suspended { get; init; }

    /// <summary>Gets whether every weekday shares the same opening times.</summary>
    public bool? SameOpeningTimes { get; init; }

    /// <summary>Gets the Monday opening time, in minutes after local midnight (for example 480 = 08:00).</summary>
    public int? MondayOpenTime { get; init; }

    /// <summary>Gets the Monday closing time, in minutes after local midnight (for example 1080 = 18:00).</summary>
    public int? MondayCloseTime { get; init; }

    /// <summary>Gets whether the location is closed all day on Mondays.</summary>
    public bool? MondayClosed { get; init; }

    /// <summary>Gets the Tuesday opening time, in minutes after local midnight (for example 480 = 08:00).</summary>
    public int? TuesdayOpenTime { get; init; }

    /// <summary>Gets the Tuesday closing time, in minutes after local midnight (for example 1080 = 18:00).</summary>
    public int? TuesdayCloseTime { get; init; }

    /// <summary>Gets whether the location is closed all day on Tuesdays.</summary>
    public bool? TuesdayClosed { get; init; }

    /// <summary>Gets the Wednesday opening time, in minutes after local midnight (for example 480 = 08:00).</summary>
    public int? WednesdayOpenTime { get; init; }

    /// <summary>Gets the Wednesday closing time, in minutes after local midnight (for example 1080 = 18:00).</summary>
    public int? WednesdayCloseTime { get; init; }

    /// <summary>Gets whether the location is closed all day on Wednesdays.</summary>
    public bool? WednesdayClosed { get; init; }

    /// <summary>Gets the Thursday opening time, in minutes after local midnight (for example 480 = 08:00).</summary>
    public int? ThursdayOpenTime { get; init; }

    /// <summary>Gets the Thursday closing time, in minutes after local midnight (for example 1080 = 18:00).</summary>
    public int? ThursdayCloseTime { get; init; }

    /// <summary>Gets whether the location is closed all day on Thursdays.</summary>
    public bool? ThursdayClosed { get; init; }

    /// <summary>Gets the Friday opening time, in minutes after local midnight (for example 480 = 08:00).</summary>
    public int? FridayOpenTime { get; init; }

    /// <summary>Gets the Friday closing time, in minutes after local midnight (for example 1080 = 18:00).</summary>
    public int? FridayCloseTime { get; init; }

    /// <summary>Gets whether the location is closed all day on Fridays.</summary>
    public bool? FridayClosed { get; init; }

    /// <summary>Gets the Saturday opening time, in minutes after local midnight (for example 480 = 08:00).</summary>
    public int? SaturdayOpenTime { get; init; }

    /// <summary>Gets the Saturday closing time, in minutes after local midnight (for example 1080 = 18:00).</summary>
    public int? SaturdayCloseTime { get; init; }

    /// <summary>Gets whether the location is closed all day on Saturdays.</summary>
    public bool? SaturdayClosed { get; init; }

    /// <summary>Gets the Sunday opening time, in minutes after local midnight (for example 480 = 08:00).</summary>
    public int? SundayOpenTime { get; init; }

    /// <summary>Gets the Sunday closing time, in minutes after local midnight (for example 1080 = 18:00).</summary>
    public int? SundayCloseTime { get; init; }

    /// <summary>Gets whether the location is closed all day on Sundays.</summary>
    public bool? SundayClosed { get; init; }
}
