namespace Nexudus.Salto.Webhooks;

/// <summary>The state of one needed Nexudus webhook (one action at one location).</summary>
public enum WebhookRegistrationStatus
{
    /// <summary>The webhook exists, is active and points at the endpoint.</summary>
    Registered = 0,

    /// <summary>No webhook of the integration exists for the action.</summary>
    Missing = 1,

    /// <summary>The integration's webhook exists but is disabled (Nexudus disables one after repeated delivery failures).</summary>
    Disabled = 2,

    /// <summary>The integration's webhook points at another URL.</summary>
    WrongUrl = 3,

    /// <summary>The webhook was created by this call.</summary>
    Created = 4,

    /// <summary>A disabled or misdirected webhook was replaced by a new one by this call.</summary>
    Replaced = 5,
}
