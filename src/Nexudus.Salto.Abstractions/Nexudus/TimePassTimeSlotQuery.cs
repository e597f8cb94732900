namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the time-of-day slots of passes (<c>/api/billing/timepasstimeslots</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record TimePassTimeSlotQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="TimePassTimeSlotQuery"/> class that lists everything.</summary>
    public TimePassTimeSlotQuery()
        : base("TimePassTimeSlot")
    {
    }

    /// <summary>Gets the id of the pass (<c>TimePassTimeSlot_TimePass</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? TimePassId { get; init; }

    /// <summary>Gets the day-of-week number as Nexudus stores it (numbering unconfirmed) (<c>TimePassTimeSlot_DayOfWeek</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public int? DayOfWeek { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "TimePass", TimePassId);
        AddEqual(filters, "DayOfWeek", (long?)DayOfWeek);
    }
}
