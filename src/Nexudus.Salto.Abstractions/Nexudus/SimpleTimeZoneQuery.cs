namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the time zones (<c>/api/sys/simpletimezones</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record SimpleTimeZoneQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="SimpleTimeZoneQuery"/> class that lists everything.</summary>
    public SimpleTimeZoneQuery()
        : base("SimpleTimeZone")
    {
    }

    /// <summary>Gets the zone's name (<c>SimpleTimeZone_Name</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public string? Name { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Name", Name);
    }
}
