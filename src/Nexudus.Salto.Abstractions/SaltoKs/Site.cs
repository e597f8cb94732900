namespace Nexudus.Salto.SaltoKs;

/// <summary>A SALTO KS site: one customer installation with its locks, IQs and users.</summary>
/// <remarks>
/// Routes take the site's UUID (<see cref="Id"/>); passing <see cref="SiteUid"/> instead gives
/// 400 <c>1100</c>. A site must be released by its installer before the API can manage it.
/// </remarks>
public sealed record Site
{
    /// <summary>Gets the site's UUID, used as <c>{site_id}</c> in every route.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the human-readable site code (<c>site_uid</c>, e.g. <c>DE4520168385</c>); not accepted in routes.</summary>
    public string? SiteUid { get; init; }

    /// <summary>Gets the site's name as set by its owner.</summary>
    public string? CustomerReference { get; init; }

    /// <summary>Gets the site's time zone as SALTO KS writes it (IANA or Windows id, unconfirmed).</summary>
    public string? TimeZone { get; init; }

    /// <summary>Gets the number of active users.</summary>
    public int? ActiveUserAmount { get; init; }

    /// <summary>Gets the number of users holding a seat.</summary>
    public int? SubscribedUserAmount { get; init; }

    /// <summary>Gets whether PIN codes are enabled on the site.</summary>
    public bool? PinEnabled { get; init; }

    /// <summary>Gets the number of active IQs (the hubs that relay changes to the locks).</summary>
    public int? ActiveIqAmount { get; init; }
}
