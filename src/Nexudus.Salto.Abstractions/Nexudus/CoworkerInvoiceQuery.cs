namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of customer invoices (<c>/api/billing/coworkerinvoices</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record CoworkerInvoiceQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="CoworkerInvoiceQuery"/> class that lists everything.</summary>
    public CoworkerInvoiceQuery()
        : base("CoworkerInvoice")
    {
    }

    /// <summary>Gets the id of the invoiced customer (<c>CoworkerInvoice_Coworker</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? CoworkerId { get; init; }

    /// <summary>Gets the id of the issuing location (<c>CoworkerInvoice_Business</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the range of the due date (<c>from_CoworkerInvoice_DueDate</c>, <c>to_CoworkerInvoice_DueDate</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public NexudusDateRange? DueDate { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Coworker", CoworkerId);
        AddEqual(filters, "Business", BusinessId);
        AddRange(filters, "DueDate", DueDate);
    }
}
