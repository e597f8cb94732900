namespace Nexudus.Salto.SaltoKs;

/// <summary>The subscription of a site (<c>GET /v1.2/sites/{site_id}/subscription</c>): seats and features.</summary>
public sealed record SiteSubscription
{
    /// <summary>Gets the number of seats (subscribed users) the site may have.</summary>
    public int? UserAmount { get; init; }

    /// <summary>Gets the subscription type as SALTO KS names it.</summary>
    public string? Type { get; init; }

    /// <summary>
    /// Gets the enabled features, e.g. <c>pods</c>, <c>events_streaming</c>, <c>smart_tag_assignment</c>,
    /// <c>custom_pin</c>.
    /// </summary>
    /// <value>Empty when the service sends none.</value>
    public IReadOnlyList<string> Features { get; init => field = value ?? []; } = [];
}
