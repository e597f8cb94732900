namespace Nexudus.Salto.Webhooks;

/// <summary>What <see cref="NexudusWebhookReceiver"/> did with a delivery.</summary>
public enum WebhookReceiptOutcome
{
    /// <summary>The event was recorded in the inbox; answer 200.</summary>
    Recorded = 0,

    /// <summary>The same delivery is already in the inbox; nothing new was recorded; answer 200.</summary>
    Duplicate = 1,

    /// <summary>The action cannot change door access, or is not known; nothing was recorded; answer 202.</summary>
    Ignored = 2,

    /// <summary>The signature is missing or wrong; nothing was read or recorded; answer 401.</summary>
    Unauthorized = 3,

    /// <summary>The body is not a JSON array holding one record; nothing was recorded; answer 400.</summary>
    Invalid = 4,
}
