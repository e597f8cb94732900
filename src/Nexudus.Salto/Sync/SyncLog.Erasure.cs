using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Sync;

/// <summary>Log messages of erasure (event ids 5170–5179): ids and counts only.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 5170, Level = LogLevel.Information, Message = "Customer {CustomerId} erased on {Sites} site(s) (dry run: {DryRun})")]
    public static partial void CustomerErased(ILogger logger, long customerId, int sites, bool dryRun);

    [LoggerMessage(EventId = 5171, Level = LogLevel.Error, Message = "Erasing customer {CustomerId} on site {SiteId} failed; its rows are kept")]
    public static partial void ErasureFailed(ILogger logger, long customerId, string siteId, Exception exception);

    [LoggerMessage(EventId = 5172, Level = LogLevel.Warning, Message = "{Count} customer(s) are due for erasure, more than Safety:MaxRevocations allows in one run; none is erased")]
    public static partial void ErasuresHeld(ILogger logger, int count);
}
