using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Sync;

/// <summary>The sync engine's messages about site leases (event ids 5180–5189).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 5180, Level = LogLevel.Information, Message = "Site {SiteId} is skipped this run: {Holder} holds its lease")]
    public static partial void SiteLeasedElsewhere(ILogger logger, string siteId, string holder);

    [LoggerMessage(EventId = 5181, Level = LogLevel.Warning, Message = "Renewing the lease on site {SiteId} failed; it is tried again before the lease expires")]
    public static partial void SiteLeaseRenewalFailed(ILogger logger, string siteId, Exception exception);

    [LoggerMessage(EventId = 5182, Level = LogLevel.Error, Message = "The lease on site {SiteId} was taken over by another process; this run's further writes to the site are refused")]
    public static partial void SiteLeaseLost(ILogger logger, string siteId);

    [LoggerMessage(EventId = 5183, Level = LogLevel.Information, Message = "{Count} site(s) are left this run to the {Workers} other process(es) syncing now; this run took its share")]
    public static partial void SitesLeftToOtherWorkers(ILogger logger, int count, int workers);
}
