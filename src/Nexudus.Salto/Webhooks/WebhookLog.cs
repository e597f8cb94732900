using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Webhooks;

/// <summary>
/// The webhook receiver's and worker's log messages, with stable event ids (9200–9249). They name actions, record
/// ids and counts; never a body, a signature or the secret.
/// </summary>
internal static partial class WebhookLog
{
    [LoggerMessage(9201, LogLevel.Warning, "A Nexudus webhook delivery for {Action} was refused: its signature is missing or wrong.")]
    public static partial void Refused(ILogger logger, string action);

    [LoggerMessage(9202, LogLevel.Debug, "Nexudus webhook {Action} for record {RecordId} recorded ({Customers} customers; duplicate: {Duplicate}).")]
    public static partial void Recorded(ILogger logger, WebhookAction action, long recordId, int customers, bool duplicate);

    [LoggerMessage(9203, LogLevel.Information, "Applying {Events} webhook events: {Kind} run for {Customers} customers.")]
    public static partial void Applying(ILogger logger, int events, string kind, int customers);

    [LoggerMessage(9204, LogLevel.Warning, "Applying webhook events failed ({Failure}); they stay in the inbox and are retried at {NextAttempt:o}.")]
    public static partial void ApplyFailed(ILogger logger, Exception? exception, string failure, DateTimeOffset nextAttempt);
}
