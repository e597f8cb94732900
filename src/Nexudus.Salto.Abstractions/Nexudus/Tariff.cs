namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A plan (tariff), from <c>/api/billing/tariffs</c>. Access granted by a plan goes through the
/// passes it includes (<see cref="TariffTimePass"/>).
/// </summary>
public sealed record Tariff : NexudusEntity
{
    /// <summary>Gets the id of the location that owns the plan.</summary>
    public long? BusinessId { get; init; }

    /// <summary>Gets the plan's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the kind of plan.</summary>
    public SystemTariffType? SystemTariffType { get; init; }

    /// <summary>Gets the plan's price.</summary>
    public decimal? Price { get; init; }

    /// <summary>Gets how many months each billing cycle lasts.</summary>
    public int? InvoiceEvery { get; init; }

    /// <summary>Gets how many weeks each billing cycle lasts, for weekly plans.</summary>
    public int? InvoiceEveryWeeks { get; init; }

    /// <summary>Gets whether the plan is shown to customers.</summary>
    public bool? Visible { get; init; }

    /// <summary>Gets whether the plan uses passes.</summary>
    public bool? UseTimePasses { get; init; }

    /// <summary>Gets the default day of the month on which contracts are invoiced.</summary>
    public int? DefaultInvoicingDay { get; init; }

    /// <summary>Gets the plan's cancellation period.</summary>
    public int? CancellationPeriod { get; init; }

    /// <summary>Gets the minimum number of days' notice before a cancellation takes effect.</summary>
    public int? CancellationLimitDays { get; init; }

    /// <summary>Gets the plan's default minimum contract term.</summary>
    public int? DefaultContractTerm { get; init; }
}
