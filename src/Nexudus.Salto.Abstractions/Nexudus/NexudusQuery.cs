namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters, order and paging of a Nexudus list; one derived record per entity
/// (<see cref="CoworkerQuery"/>, <see cref="BookingQuery"/>, …) adds that entity's typed filters.
/// </summary>
/// <remarks>
/// <para>
/// Filter names follow the documented pattern: equality filters are <c>{Entity}_{Field}</c>,
/// foreign keys drop their <c>Id</c> suffix (<c>Booking_Resource</c>, not <c>Booking_ResourceId</c>),
/// and ranges add <c>from_</c>/<c>to_</c> prefixes. All filters are combined with AND. Anything not
/// typed here can be sent through <see cref="AdditionalFilters"/>.
/// </para>
/// <para>
/// List records are partial summaries (collections such as <c>Teams</c>, <c>Desks</c> or
/// <c>TeamMembers</c> are missing); set <see cref="FullRecords"/> to have each page re-read
/// through batch get.
/// </para>
/// </remarks>
public abstract record NexudusQuery
{
    private protected NexudusQuery(string entityName)
    {
        EntityName = entityName;
    }

    /// <summary>Gets the entity name that prefixes the filter names, for example <c>Coworker</c>.</summary>
    internal string EntityName { get; }

    /// <summary>Gets the range of <c>UpdatedOn</c> to list, the basis of incremental sync.</summary>
    /// <value>
    /// <see langword="null"/> for no limit. <see cref="NexudusDateRange.Since"/> a watermark sends
    /// <c>from_{Entity}_UpdatedOn</c>.
    /// </value>
    public NexudusDateRange? UpdatedOn { get; init; }

    /// <summary>Gets the range of <c>CreatedOn</c> to list.</summary>
    /// <value><see langword="null"/> for no limit.</value>
    public NexudusDateRange? CreatedOn { get; init; }

    /// <summary>Gets the property to order by (<c>orderBy</c>), for example <c>UpdatedOn</c>.</summary>
    /// <value><see langword="null"/> for the service's default order, which differs per entity.</value>
    public string? OrderBy { get; init; }

    /// <summary>Gets the sort direction (<c>dir</c>), written in the client's configured wire format.</summary>
    /// <value><see langword="null"/> for the service's default.</value>
    public NexudusSortDirection? SortDirection { get; init; }

    /// <summary>Gets the page size to ask for (<c>size</c>).</summary>
    /// <value><see langword="null"/> for the client's <c>PageSize</c> option. The service may return fewer.</value>
    public int? PageSize { get; init; }

    /// <summary>
    /// Gets whether each page's records are re-read through batch get, so that collections missing
    /// from list records (<c>Teams</c>, <c>Desks</c>, <c>TeamMembers</c>, …) are filled.
    /// </summary>
    /// <value>
    /// <see langword="false"/> by default. When <see langword="true"/>, each page costs one more call
    /// per batch-size chunk, and a record deleted between the two calls is left out.
    /// </value>
    public bool FullRecords { get; init; }

    /// <summary>Gets further filters sent as they are, for fields without a typed property.</summary>
    /// <value><see langword="null"/> for none.</value>
    public IReadOnlyList<NexudusFilter>? AdditionalFilters { get; init; }

    /// <summary>Gets every filter this query sends, in a stable order.</summary>
    /// <returns>The filters (not the paging or sort parameters).</returns>
    internal IReadOnlyList<NexudusFilter> GetFilters()
    {
        var filters = new List<NexudusFilter>();
        AddEntityFilters(filters);
        AddRange(filters, "UpdatedOn", UpdatedOn);
        AddRange(filters, "CreatedOn", CreatedOn);
        if (AdditionalFilters is not null)
        {
            filters.AddRange(AdditionalFilters);
        }

        return filters;
    }

    private protected abstract void AddEntityFilters(List<NexudusFilter> filters);

    private protected void AddEqual(List<NexudusFilter> filters, string field, long? value)
    {
        if (value is { } v)
        {
            filters.Add(NexudusFilter.Create($"{EntityName}_{field}", v));
        }
    }

    private protected void AddEqual(List<NexudusFilter> filters, string field, bool? value)
    {
        if (value is { } v)
        {
            filters.Add(NexudusFilter.Create($"{EntityName}_{field}", v));
        }
    }

    private protected void AddEqual(List<NexudusFilter> filters, string field, string? value)
    {
        if (value is not null)
        {
            filters.Add(NexudusFilter.Create($"{EntityName}_{field}", value));
        }
    }

    private protected void AddRange(List<NexudusFilter> filters, string field, NexudusDateRange? range)
    {
        if (range?.From is { } from)
        {
            filters.Add(NexudusFilter.Create($"from_{EntityName}_{field}", from));
        }

        if (range?.To is { } to)
        {
            filters.Add(NexudusFilter.Create($"to_{EntityName}_{field}", to));
        }
    }
}
