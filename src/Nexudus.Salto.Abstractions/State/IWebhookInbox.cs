namespace Nexudus.Salto.State;

/// <summary>
/// The durable inbox of Nexudus webhook deliveries: the endpoint records each delivery here before it answers
/// Nexudus, and the worker removes an event only once the change it names has been applied. A crash between the
/// two loses nothing: the event is applied after the restart.
/// </summary>
/// <remarks>
/// <para>
/// Implement it on the same storage as <see cref="ISyncStateStore"/> (the SDK's in-memory, SQLite and PostgreSQL stores
/// implement both interfaces), so one deployment keeps one durable state. The contract:
/// </para>
/// <list type="bullet">
/// <item><see cref="AddWebhookEventAsync"/> is durable when it returns, and idempotent by
/// <see cref="WebhookEvent.Id"/>: an event whose id is already in the inbox is not added again.</item>
/// <item><see cref="ReadWebhookEventsAsync"/> returns events oldest first (by <see cref="WebhookEvent.ReceivedAt"/>,
/// then id) and removes nothing.</item>
/// <item><see cref="RemoveWebhookEventsAsync"/> removes the given ids atomically; unknown ids are ignored.</item>
/// <item>Every method is safe to call concurrently with the others and with the sync state's own writes; the
/// sync lease does not cover the inbox (the endpoint writes while a run holds the lease).</item>
/// </list>
/// </remarks>
public interface IWebhookInbox
{
    /// <summary>Records a delivery durably.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the operation before anything is written.</param>
    /// <returns><see langword="true"/> when the event was added; <see langword="false"/> when an event with the same id was already in the inbox.</returns>
    Task<bool> AddWebhookEventAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken = default);

    /// <summary>Reads the oldest events in the inbox, without removing them.</summary>
    /// <param name="maxCount">The most events to return (at least 1).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Up to <paramref name="maxCount"/> events, oldest first.</returns>
    Task<IReadOnlyList<WebhookEvent>> ReadWebhookEventsAsync(int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Removes applied events.</summary>
    /// <param name="ids">The ids of the events.</param>
    /// <param name="cancellationToken">Cancels the operation before anything is removed.</param>
    /// <returns>A task that completes when the removal is durable.</returns>
    Task RemoveWebhookEventsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default);
}
