using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Nexudus.Salto.State;

// The webhook inbox (<see cref="IWebhookInbox"/>), in the same file.
public sealed partial class SqliteSyncStateStore
{
    /// <inheritdoc />
    public async Task<bool> AddWebhookEventAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken = default)
    {
        WebhookInboxRules.Validate(webhookEvent);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "INSERT INTO webhook_inbox (event_id, action, record_id, customer_ids, team_payer_ids, received_at) " +
            "VALUES ($id, $action, $record, $customers, $payers, $received) ON CONFLICT (event_id) DO NOTHING",
            ("$id", webhookEvent.Id),
            ("$action", (int)webhookEvent.Action),
            ("$record", webhookEvent.RecordId),
            ("$customers", WriteIds(webhookEvent.CustomerIds)),
            ("$payers", WriteIds(webhookEvent.TeamPayerIds)),
            ("$received", WriteTime(webhookEvent.ReceivedAt)));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WebhookEvent>> ReadWebhookEventsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            "SELECT event_id, action, record_id, customer_ids, team_payer_ids, received_at FROM webhook_inbox ORDER BY received_at, event_id LIMIT $max",
            ("$max", maxCount));
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<WebhookEvent>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new WebhookEvent
            {
                Id = r.GetString(0),
                Action = (global::Nexudus.Salto.Nexudus.WebhookAction)r.GetInt32(1),
                RecordId = r.GetInt64(2),
                CustomerIds = ReadIds(r.GetString(3)),
                TeamPayerIds = ReadIds(r.GetString(4)),
                ReceivedAt = ReadTime(r, 5),
            });
        }

        return events;
    }

    /// <inheritdoc />
    public async Task RemoveWebhookEventsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.Distinct(StringComparer.Ordinal).ToList();
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (list.Count == 0)
        {
            return;
        }

        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var tx = connection.BeginTransaction(deferred: false);
        foreach (var id in list)
        {
            Execute(connection, tx, "DELETE FROM webhook_inbox WHERE event_id = $id", ("$id", id));
        }

        tx.Commit();
    }

    private static string WriteIds(IReadOnlyList<long> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static long[] ReadIds(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture))];
}
