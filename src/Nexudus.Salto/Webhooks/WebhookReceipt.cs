using Nexudus.Salto.State;

namespace Nexudus.Salto.Webhooks;

/// <summary>What <see cref="NexudusWebhookReceiver"/> did with a delivery, and why.</summary>
public sealed record WebhookReceipt
{
    /// <summary>Gets what was done.</summary>
    /// <value>The outcome; it decides the HTTP status of the answer.</value>
    public required WebhookReceiptOutcome Outcome { get; init; }

    /// <summary>Gets a short explanation for the caller (never a secret or a record's content).</summary>
    /// <value>A sentence.</value>
    public required string Message { get; init; }

    /// <summary>Gets the event recorded (or already recorded), when there is one.</summary>
    /// <value>The event, or <see langword="null"/>.</value>
    public WebhookEvent? Event { get; init; }

    /// <summary>Gets the HTTP status code that answers the delivery.</summary>
    /// <value>200, 202, 400 or 401.</value>
    public int StatusCode => Outcome switch
    {
        WebhookReceiptOutcome.Recorded or WebhookReceiptOutcome.Duplicate => 200,
        WebhookReceiptOutcome.Ignored => 202,
        WebhookReceiptOutcome.Unauthorized => 401,
        _ => 400,
    };
}
