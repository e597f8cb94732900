namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A pass definition, from <c>/api/billing/timepasses</c>; customers hold instances of it as
/// <see cref="CoworkerTimePass"/> records.
/// </summary>
public sealed record TimePass : NexudusEntity
{
    /// <summary>Gets the id of the location that owns the pass.</summary>
    public long? BusinessId { get; init; }

    /// <summary>Gets the pass's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the pass's price.</summary>
    public decimal? Price { get; init; }

    /// <summary>Gets the id of the price's currency.</summary>
    public long? CurrencyId { get; init; }

    /// <summary>
    /// Gets the minutes the pass holds. <see langword="null"/> means a day pass (one calendar day,
    /// unlimited check-ins that day); a value means a time pass holding that many minutes across days.
    /// </summary>
    public int? MinutesIncluded { get; init; }

    /// <summary>Gets the priority with which this pass is used before others (ordering unconfirmed).</summary>
    public int? UsePriority { get; init; }

    /// <summary>Gets whether use of the pass counts towards plan limits.</summary>
    public bool? CountsTowardsPlanLimits { get; init; }

    /// <summary>Gets whether the pass is sold pay-as-you-go to members.</summary>
    public bool? UseAsPayAsYouGoForMembers { get; init; }

    /// <summary>Gets whether the pass is sold pay-as-you-go to contacts.</summary>
    public bool? UseAsPayAsYouGoForContacts { get; init; }

    /// <summary>Gets the ids of the locations where the pass is valid; <see langword="null"/> in list records.</summary>
    public IReadOnlyList<long>? Businesses { get; init; }

    /// <summary>Gets the ids of the plans the pass is offered with; <see langword="null"/> in list records.</summary>
    public IReadOnlyList<long>? Tariffs { get; init; }

    /// <summary>Gets whether the pass allows check-in at any location of the network.</summary>
    public bool? AllowNetworkCheckIn { get; init; }

    /// <summary>Gets whether the pass is only for members.</summary>
    public bool? OnlyForMembers { get; init; }

    /// <summary>Gets whether the pass is only for contacts.</summary>
    public bool? OnlyForContacts { get; init; }

    /// <summary>Gets whether the pass is archived.</summary>
    public bool? Archived { get; init; }

    /// <summary>Gets the id of the external access-control group linked to the pass.</summary>
    public string? AccessControlGroupId { get; init; }

    /// <summary>Gets the ids of the external access-control groups linked to the pass, as one string.</summary>
    public string? AccessControlGroupIds { get; init; }
}
