using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.State;

/// <summary>
/// A Nexudus webhook delivery as the inbox keeps it until the worker has applied it: which customers' access it
/// can change, not the record itself.
/// </summary>
public sealed record WebhookEvent
{
    /// <summary>Gets the event's key: the same delivery received twice has the same key, so it is kept once.</summary>
    /// <value>A non-empty string (the SDK uses the SHA-256 of the action and the raw body, as hex).</value>
    public required string Id { get; init; }

    /// <summary>Gets the webhook action the delivery was sent for.</summary>
    /// <value>The action named by the endpoint's path.</value>
    public required WebhookAction Action { get; init; }

    /// <summary>Gets the id of the record the delivery holds (a booking, a contract, a customer, a team).</summary>
    /// <value>The record's id, or 0 when it had none.</value>
    public long RecordId { get; init; }

    /// <summary>Gets the customers whose access the event can change.</summary>
    /// <value>
    /// Customer ids. Empty when the event can change anyone's access (a plan, a desk or a resource changed): the
    /// worker then runs a whole sync rather than a targeted one.
    /// </value>
    public IReadOnlyList<long> CustomerIds { get; init; } = [];

    /// <summary>
    /// Gets the customers whose paid teams the event can change as well (the holder of a contract, a customer who
    /// may pay for a team): the targeted run looks up the teams they pay for and includes their members.
    /// </summary>
    /// <value>Customer ids; empty by default.</value>
    public IReadOnlyList<long> TeamPayerIds { get; init; } = [];

    /// <summary>Gets when the delivery was received.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset ReceivedAt { get; init; }
}
