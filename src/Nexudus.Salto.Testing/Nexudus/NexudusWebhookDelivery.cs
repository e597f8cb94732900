using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>One webhook delivery the <see cref="NexudusSandbox"/> made, and how the endpoint answered.</summary>
public sealed record NexudusWebhookDelivery
{
    /// <summary>Gets the id of the <see cref="Webhook"/> record delivered for.</summary>
    /// <value>The webhook's id.</value>
    public required long WebhookId { get; init; }

    /// <summary>Gets the action delivered.</summary>
    /// <value>The action.</value>
    public required WebhookAction Action { get; init; }

    /// <summary>Gets the URL the delivery was posted to.</summary>
    /// <value>The webhook's <c>URL</c>.</value>
    public required string Url { get; init; }

    /// <summary>Gets the endpoint's HTTP status code, when it answered.</summary>
    /// <value>The status code, or <see langword="null"/> when the endpoint could not be reached.</value>
    public int? StatusCode { get; init; }

    /// <summary>Gets what went wrong, when the delivery failed (as the webhook's <c>LastError</c> records it).</summary>
    /// <value>The error, or <see langword="null"/> after a 2xx answer.</value>
    public string? Error { get; init; }

    /// <summary>Gets whether the endpoint answered 2xx.</summary>
    /// <value><see langword="true"/> after a 2xx answer.</value>
    public bool Succeeded => Error is null;
}
