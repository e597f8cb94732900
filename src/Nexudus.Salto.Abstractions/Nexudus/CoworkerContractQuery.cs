namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the customers' plan contracts (<c>/api/billing/coworkercontracts</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record CoworkerContractQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="CoworkerContractQuery"/> class that lists everything.</summary>
    public CoworkerContractQuery()
        : base("CoworkerContract")
    {
    }

    /// <summary>Gets the id of the contract holder (filter name <c>CoworkerContract_Coworker</c> follows the documented pattern; unconfirmed) (<c>CoworkerContract_Coworker</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the id of the contract's plan (<c>CoworkerContract_Tariff</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? TariffId { get; init; }

    /// <summary>Gets whether the contract is active (<c>CoworkerContract_Active</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Active { get; init; }

    /// <summary>Gets whether the contract is cancelled (<c>CoworkerContract_Cancelled</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Cancelled { get; init; }

    /// <summary>Gets the range of the contract's start date (<c>from_CoworkerContract_StartDate</c>, <c>to_CoworkerContract_StartDate</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? StartDate { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Coworker", CoworkerId);
        AddEqual(filters, "Tariff", TariffId);
        AddEqual(filters, "Active", Active);
        AddEqual(filters, "Cancelled", Cancelled);
        AddRange(filters, "StartDate", StartDate);
    }
}
