using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A webhook subscription, from <c>/api/sys/webhooks</c>. Each record has one action and belongs
/// to one location.
/// </summary>
/// <remarks>
/// <see cref="BusinessId"/>, <see cref="Name"/>, <see cref="Action"/> and <see cref="Url"/> are
/// required on create. Nexudus disables a webhook by itself after repeated delivery failures.
/// </remarks>
public sealed record Webhook : NexudusEntity
{
    /// <summary>Gets the id of the location the webhook belongs to.</summary>
    public long? BusinessId { get; init; }

    /// <summary>Gets the webhook's display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the event that fires the webhook.</summary>
    public WebhookAction? Action { get; init; }

    /// <summary>Gets the webhook's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the endpoint that receives the POST (wire name <c>URL</c>).</summary>
    [JsonPropertyName("URL")]
    public string? Url { get; init; }

    /// <summary>Gets whether the webhook fires.</summary>
    public bool? Active { get; init; }

    /// <summary>Gets when the webhook last fired (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? LastTrigger { get; init; }

    /// <summary>Gets the last delivery error, if any.</summary>
    public string? LastError { get; init; }

    /// <summary>Gets how many deliveries have failed.</summary>
    public int? ErrorCount { get; init; }
}
