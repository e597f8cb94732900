using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A pass held by a customer, from <c>/api/billing/coworkertimepasses</c>.
/// </summary>
/// <remarks>
/// A pass grants access until <see cref="ExpireDate"/>; once used or removed, access is withdrawn.
/// Its origin is linked by GUID (<c>...UniqueId</c>), not by integer id. No webhook fires for
/// these records, so they must be polled on <see cref="NexudusEntity.UpdatedOn"/>.
/// </remarks>
public sealed record CoworkerTimePass : NexudusEntity
{
    /// <summary>Gets the id of the customer holding the pass.</summary>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the id of the location the pass belongs to.</summary>
    public long? BusinessId { get; init; }

    /// <summary>Gets the id of the pass definition (<see cref="TimePass"/>).</summary>
    public long? TimePassId { get; init; }

    /// <summary>Gets the name of the pass definition.</summary>
    public string? TimePassName { get; init; }

    /// <summary>Gets whether the pass has been used.</summary>
    public bool? Used { get; init; }

    /// <summary>Gets when the pass was used (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? UsedDate { get; init; }

    /// <summary>
    /// Gets when the pass expires; <see langword="null"/> when it does not. Read as UTC, although
    /// whether Nexudus means UTC or local here is unconfirmed.
    /// </summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? ExpireDate { get; init; }

    /// <summary>Gets what is left on the pass (minutes or uses; the unit is unconfirmed).</summary>
    public int? RemainingUses { get; init; }

    /// <summary>Gets the pass's total allowance (same unit as <see cref="RemainingUses"/>).</summary>
    public int? TotalUses { get; init; }

    /// <summary>Gets whether the customer is checked in on this pass right now.</summary>
    public bool? CheckedIn { get; init; }

    /// <summary>Gets whether the pass is free of charge.</summary>
    public bool? Free { get; init; }

    /// <summary>Gets the pass's custom price.</summary>
    public decimal? Price { get; init; }

    /// <summary>Gets whether the pass has been invoiced.</summary>
    public bool? Invoiced { get; init; }

    /// <summary>Gets when the pass was invoiced (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? InvoiceDate { get; init; }

    /// <summary>Gets whether the pass was issued as part of a plan.</summary>
    public bool? IsFromTariff { get; init; }

    /// <summary>Gets whether the pass was assigned pay-as-you-go.</summary>
    public bool? IsPayAsYouGo { get; init; }

    /// <summary>Gets how many passes to issue at once; required when creating.</summary>
    public int? CreateMultiple { get; init; }

    /// <summary>Gets the <see cref="NexudusEntity.UniqueId"/> of the <see cref="TariffTimePass"/> that issued the pass.</summary>
    [JsonConverter(typeof(NexudusGuidConverter))]
    public Guid? TariffTimePassUniqueId { get; init; }

    /// <summary>Gets the <see cref="NexudusEntity.UniqueId"/> of the customer product that issued the pass.</summary>
    [JsonConverter(typeof(NexudusGuidConverter))]
    public Guid? CoworkerProductUniqueId { get; init; }

    /// <summary>Gets the <see cref="NexudusEntity.UniqueId"/> of the <see cref="CoworkerContract"/> that issued the pass.</summary>
    [JsonConverter(typeof(NexudusGuidConverter))]
    public Guid? CoworkerContractUniqueId { get; init; }
}
