namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the plans (<c>/api/billing/tariffs</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record TariffQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="TariffQuery"/> class that lists everything.</summary>
    public TariffQuery()
        : base("Tariff")
    {
    }

    /// <summary>Gets the id of the plan's location (<c>Tariff_Business</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the plan's kind (<c>Tariff_SystemTariffType</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public SystemTariffType? SystemTariffType { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Business", BusinessId);
        AddEqual(filters, "SystemTariffType", (long?)SystemTariffType);
    }
}
