using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A customer's plan contract, from <c>/api/billing/coworkercontracts</c>.
/// </summary>
/// <remarks>
/// There is no end date: a cancelled contract in effect ends at <see cref="CancellationDate"/>.
/// Desks and offices on the contract are linked through <see cref="Desks"/>. When
/// <see cref="Active"/> turns <see langword="false"/> relative to the cancellation date is unconfirmed.
/// </remarks>
public sealed record CoworkerContract : NexudusEntity
{
    /// <summary>Gets the id of the customer holding the contract.</summary>
    public long? CoworkerId { get; init; }

    /// <summary>Gets whether the contract holder is active.</summary>
    public bool? CoworkerActive { get; init; }

    /// <summary>Gets the contract holder's email address.</summary>
    public string? CoworkerEmail { get; init; }

    /// <summary>Gets the contract holder's full name.</summary>
    public string? CoworkerFullName { get; init; }

    /// <summary>Gets the id of the contract's plan.</summary>
    public long? TariffId { get; init; }

    /// <summary>Gets the name of the contract's plan.</summary>
    public string? TariffName { get; init; }

    /// <summary>Gets the id of the plan the contract moves to next.</summary>
    public long? NextTariffId { get; init; }

    /// <summary>Gets the id of the location that issued the contract.</summary>
    public long? IssuedById { get; init; }

    /// <summary>Gets whether the contract is active.</summary>
    public bool? Active { get; init; }

    /// <summary>Gets whether the contract has been cancelled (it ends at <see cref="CancellationDate"/>).</summary>
    public bool? Cancelled { get; init; }

    /// <summary>Gets whether this is the customer's main contract.</summary>
    public bool? MainContract { get; init; }

    /// <summary>Gets when the contract starts (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Gets when the contract starts, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? StartDateLocal { get; init; }

    /// <summary>Gets when the contract is next invoiced automatically (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? RenewalDate { get; init; }

    /// <summary>Gets when the contract is next invoiced automatically, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? RenewalDateLocal { get; init; }

    /// <summary>Gets the period the next invoice covers (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? InvoicedPeriod { get; init; }

    /// <summary>Gets the period the next invoice covers, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? InvoicedPeriodLocal { get; init; }

    /// <summary>Gets the end of the minimum contract term (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? ContractTerm { get; init; }

    /// <summary>Gets the end of the minimum contract term, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? ContractTermLocal { get; init; }

    /// <summary>Gets when the next automatic invoice is generated (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? NextAutoInvoice { get; init; }

    /// <summary>Gets when the next automatic invoice is generated, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? NextAutoInvoiceLocal { get; init; }

    /// <summary>Gets when the contract is cancelled; <see langword="null"/> if it is not (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? CancellationDate { get; init; }

    /// <summary>Gets when the contract is cancelled; <see langword="null"/> if it is not, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? CancellationDateLocal { get; init; }

    /// <summary>Gets the minimum number of days' notice before a cancellation takes effect.</summary>
    public int? CancellationLimitDays { get; init; }

    /// <summary>Gets the reason for cancellation, as Nexudus' number (values undocumented).</summary>
    public int? CancellationReason { get; init; }

    /// <summary>Gets whether cancelling also cancels the contracts of the holder's team members.</summary>
    public bool? CancelTeamContracts { get; init; }

    /// <summary>Gets the quantity.</summary>
    public int? Quantity { get; init; }

    /// <summary>Gets the fixed price of the contract; <see langword="null"/> when the plan's price applies.</summary>
    public decimal? Price { get; init; }

    /// <summary>Gets the day of the month on which the contract is billed.</summary>
    public int? BillingDay { get; init; }

    /// <summary>Gets whether the contract is paused right now.</summary>
    public bool? InPausedPeriod { get; init; }

    /// <summary>Gets when the current pause started (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? InPausedPeriodFrom { get; init; }

    /// <summary>Gets when the current pause ends (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? InPausedPeriodUntil { get; init; }

    /// <summary>Gets the ids of the <see cref="FloorPlanDesk"/> records (desks, offices) on the contract; <see langword="null"/> in list records.</summary>
    public IReadOnlyList<long>? Desks { get; init; }

    /// <summary>Gets the ids of the floor-plan desk variants on the contract; <see langword="null"/> in list records.</summary>
    public IReadOnlyList<long>? Variants { get; init; }

    /// <summary>Gets the ids of the contract's desks as one read-only string.</summary>
    public string? FloorPlanDeskIds { get; init; }

    /// <summary>Gets the names of the contract's desks as one read-only string.</summary>
    public string? FloorPlanDeskNames { get; init; }

    /// <summary>Gets the ids of the contract's desk variants as one read-only string.</summary>
    public string? FloorPlanDeskVariantIds { get; init; }

    /// <summary>Gets the names of the contract's desk variants as one read-only string.</summary>
    public string? FloorPlanDeskVariantNames { get; init; }
}
