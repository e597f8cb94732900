namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the passes held by customers (<c>/api/billing/coworkertimepasses</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record CoworkerTimePassQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="CoworkerTimePassQuery"/> class that lists everything.</summary>
    public CoworkerTimePassQuery()
        : base("CoworkerTimePass")
    {
    }

    /// <summary>Gets the id of the customer holding the pass (<c>CoworkerTimePass_Coworker</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the id of the pass's location (<c>CoworkerTimePass_Business</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the id of the pass definition (<c>CoworkerTimePass_TimePass</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? TimePassId { get; init; }

    /// <summary>Gets whether the pass has been used (<c>CoworkerTimePass_Used</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Used { get; init; }

    /// <summary>Gets whether the customer is checked in on the pass now (<c>CoworkerTimePass_CheckedIn</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? CheckedIn { get; init; }

    /// <summary>Gets whether the pass was issued by a plan (<c>CoworkerTimePass_IsFromTariff</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? IsFromTariff { get; init; }

    /// <summary>Gets the range of the date the pass was used (<c>from_CoworkerTimePass_UsedDate</c>, <c>to_CoworkerTimePass_UsedDate</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? UsedDate { get; init; }

    /// <summary>Gets the range of the pass's expiry date (<c>from_CoworkerTimePass_ExpireDate</c>, <c>to_CoworkerTimePass_ExpireDate</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? ExpireDate { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Coworker", CoworkerId);
        AddEqual(filters, "Business", BusinessId);
        AddEqual(filters, "TimePass", TimePassId);
        AddEqual(filters, "Used", Used);
        AddEqual(filters, "CheckedIn", CheckedIn);
        AddEqual(filters, "IsFromTariff", IsFromTariff);
        AddRange(filters, "UsedDate", UsedDate);
        AddRange(filters, "ExpireDate", ExpireDate);
    }
}
