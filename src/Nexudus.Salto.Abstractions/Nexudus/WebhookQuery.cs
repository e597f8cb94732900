namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The filters of a listing of the webhook subscriptions (<c>/api/sys/webhooks</c>); see <see cref="NexudusQuery"/> for paging and order.
/// </summary>
public sealed record WebhookQuery : NexudusQuery
{
    /// <summary>Initializes a new instance of the <see cref="WebhookQuery"/> class that lists everything.</summary>
    public WebhookQuery()
        : base("WebHook")
    {
    }

    /// <summary>Gets the id of the webhook's location (<c>WebHook_Business</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the event that fires the webhook (<c>WebHook_Action</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public WebhookAction? Action { get; init; }

    /// <summary>Gets whether the webhook is active (<c>WebHook_Active</c>).</summary>
    /// <value><see langword="null"/> to leave it unfiltered.</value>
    public bool? Active { get; init; }

    private protected override void AddEntityFilters(List<NexudusFilter> filters)
    {
        AddEqual(filters, "Business", BusinessId);
        AddEqual(filters, "Action", (long?)Action);
        AddEqual(filters, "Active", Active);
    }
}
