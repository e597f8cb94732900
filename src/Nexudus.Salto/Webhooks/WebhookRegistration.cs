using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Webhooks;

/// <summary>One needed Nexudus webhook and its state, as <see cref="NexudusWebhookRegistrar"/> found or left it.</summary>
public sealed record WebhookRegistration
{
    /// <summary>Gets the Nexudus location.</summary>
    /// <value>The business id.</value>
    public required long BusinessId { get; init; }

    /// <summary>Gets the action.</summary>
    /// <value>One of the actions that can change door access.</value>
    public required WebhookAction Action { get; init; }

    /// <summary>Gets the URL the webhook must point at (<c>{PublicUrl}/{action}</c>).</summary>
    /// <value>An absolute URL.</value>
    public required Uri Url { get; init; }

    /// <summary>Gets the state.</summary>
    /// <value>Found (<see cref="WebhookRegistrationStatus.Registered"/>, missing, disabled, misdirected) or done by the call.</value>
    public required WebhookRegistrationStatus Status { get; init; }

    /// <summary>Gets the id of the integration's webhook record, when there is one.</summary>
    /// <value>The record's id, or <see langword="null"/>.</value>
    public long? WebhookId { get; init; }

    /// <summary>Gets how many deliveries of the webhook failed, as Nexudus counts them.</summary>
    /// <value>The count, or <see langword="null"/> when unknown.</value>
    public int? ErrorCount { get; init; }

    /// <summary>Gets the last delivery error Nexudus recorded.</summary>
    /// <value>The error, or <see langword="null"/>.</value>
    public string? LastError { get; init; }
}
