using Nexudus.Salto.State;

namespace Nexudus.Salto.PostgreSql;

// The webhook inbox (IWebhookInbox), in the same schema.
public sealed partial class PostgreSqlSyncStateStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One <c>INSERT … ON CONFLICT DO NOTHING</c>, committed before it returns: hosts that receive the same delivery
    /// together record it once, and exactly one of them is told it added it. No site lease is needed or checked.
    /// </remarks>
    /// <exception cref="ArgumentException">The event has no id, an id over 200 characters or with a NUL character, or names over 10,000 customers.</exception>
    public async Task<bool> AddWebhookEventAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        WebhookInboxRules.Validate(webhookEvent);
        if (webhookEvent.Id.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A webhook event id cannot contain a NUL character (PostgreSQL text cannot hold one).", nameof(webhookEvent));
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            $"""
            INSERT INTO {_s}.webhook_inbox (event_id, action, record_id, customer_ids, team_payer_ids, received_at)
            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING
            """,
            webhookEvent.Id, (int)webhookEvent.Action, webhookEvent.RecordId,
            webhookEvent.CustomerIds.ToArray(), webhookEvent.TeamPayerIds.ToArray(), Time(webhookEvent.ReceivedAt));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Oldest first by <see cref="WebhookEvent.ReceivedAt"/>, then by id (ordinal). Nothing is claimed: workers that
    /// share the schema and read together get the same events (see the class remarks).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    public async Task<IReadOnlyList<WebhookEvent>> ReadWebhookEventsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            $"""
            SELECT event_id, action, record_id, customer_ids, team_payer_ids, received_at FROM {_s}.webhook_inbox
            ORDER BY received_at, event_id COLLATE "C" LIMIT $1
            """,
            maxCount);
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<WebhookEvent>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new WebhookEvent
            {
                Id = r.GetString(0),
                Action = (global::Nexudus.Salto.Nexudus.WebhookAction)r.GetInt32(1),
                RecordId = r.GetInt64(2),
                CustomerIds = r.GetFieldValue<long[]>(3),
                TeamPayerIds = r.GetFieldValue<long[]>(4),
                ReceivedAt = ReadTime(r, 5),
            });
        }

        return events;
    }

    /// <inheritdoc />
    /// <remarks>One <c>DELETE</c> statement: all the ids go, or none.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is <see langword="null"/>.</exception>
    public async Task RemoveWebhookEventsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.Where(id => id is not null).Distinct(StringComparer.Ordinal).ToArray();
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (list.Length == 0)
        {
            return;
        }

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, $"DELETE FROM {_s}.webhook_inbox WHERE event_id = ANY($1)", (object)list);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
