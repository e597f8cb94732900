namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the passes included in plans (<c>/api/billing/tarifftimepasses</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record TariffTimePassQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="TariffTimePassQuery"/> class that lists everything.</summary>
    public TariffTimePassQuery()
        : base("TariffTimePass")
    {
    }

    /// <summary>Gets the id of the plan (<c>TariffTimePass_Tariff</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? TariffId { get; init; }

    /// <summary>Gets the id of the pass definition (<c>TariffTimePass_TimePass</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? TimePassId { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Tariff", TariffId);
        AddEqual(filters, "TimePass", TimePassId);
    }
}
