namespace Nexudus.Salto.State;

/// <summary>The checks every <see cref="IWebhookInbox"/> of the SDK makes on an event before it stores it.</summary>
internal static class WebhookInboxRules
{
    /// <summary>The longest event id accepted.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The most customer ids one event may name.</summary>
    public const int MaxCustomers = 10_000;

    public static void Validate(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        if (string.IsNullOrWhiteSpace(webhookEvent.Id) || webhookEvent.Id.Length > MaxIdLength)
        {
            throw new ArgumentException($"A webhook event needs an id of 1 to {MaxIdLength} characters.", nameof(webhookEvent));
        }

        if (webhookEvent.CustomerIds is null || webhookEvent.TeamPayerIds is null ||
            webhookEvent.CustomerIds.Count + webhookEvent.TeamPayerIds.Count > MaxCustomers)
        {
            throw new ArgumentException($"A webhook event names at most {MaxCustomers} customers.", nameof(webhookEvent));
        }
    }
}
