namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the customers (<c>/api/spaces/coworkers</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record CoworkerQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="CoworkerQuery"/> class that lists everything.</summary>
    public CoworkerQuery()
        : base("Coworker")
    {
    }

    /// <summary>Gets the customer's email address (<c>Coworker_Email</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public string? Email { get; init; }

    /// <summary>Gets the customer's full name (<c>Coworker_FullName</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public string? FullName { get; init; }

    /// <summary>Gets whether the customer is active (not suspended) (<c>Coworker_Active</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Active { get; init; }

    /// <summary>Gets whether the customer is archived (<c>Coworker_Archived</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Archived { get; init; }

    /// <summary>Gets whether the customer is a person or a company (<c>Coworker_CoworkerType</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public CoworkerType? CoworkerType { get; init; }

    /// <summary>Gets the id of the customer's home location (<c>Coworker_InvoicingBusiness</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? InvoicingBusinessId { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Email", Email);
        AddEqual(filters, "FullName", FullName);
        AddEqual(filters, "Active", Active);
        AddEqual(filters, "Archived", Archived);
        AddEqual(filters, "CoworkerType", (long?)CoworkerType);
        AddEqual(filters, "InvoicingBusiness", InvoicingBusinessId);
    }
}
