namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the teams (<c>/api/spaces/teams</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record TeamQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="TeamQuery"/> class that lists everything.</summary>
    public TeamQuery()
        : base("Team")
    {
    }

    /// <summary>Gets the id of the team's location (<c>Team_Business</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the team's name (<c>Team_Name</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public string? Name { get; init; }

    /// <summary>Gets the id of the team's paying member (<c>Team_PayingMember</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? PayingMemberId { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Business", BusinessId);
        AddEqual(filters, "Name", Name);
        AddEqual(filters, "PayingMember", PayingMemberId);
    }
}
