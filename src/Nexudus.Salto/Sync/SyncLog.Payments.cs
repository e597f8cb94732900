using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Sync;

/// <summary>Log messages of payment-aware access (event ids 5160–5169): ids and counts only.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 5160, Level = LogLevel.Information, Message = "Payment-aware access: {InForce} customer(s) suspended for overdue invoices ({Started} new), {Lifted} restored")]
    public static partial void PaymentSuspensions(ILogger logger, int inForce, int started, int lifted);

    [LoggerMessage(EventId = 5161, Level = LogLevel.Warning, Message = "The invoices of location {BusinessId} could not be read; suspensions there stay as the last run left them")]
    public static partial void InvoicesUnreadable(ILogger logger, long businessId, Exception exception);

    [LoggerMessage(EventId = 5162, Level = LogLevel.Warning, Message = "The stored payment suspensions could not be read and are ignored")]
    public static partial void SuspensionsUnreadable(ILogger logger, Exception exception);
}
