using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Guests;

/// <summary>Log messages of guest access (event ids 5200–5209): ids and counts only, never a PIN.</summary>
internal static partial class GuestLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Guest {SiteUserId} ({Key}) created on site {SiteId} until {ValidUntil}")]
    public static partial void Created(ILogger logger, string siteUserId, string key, string siteId, DateTimeOffset validUntil);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Guest {SiteUserId} ({Key}) deleted on site {SiteId}: {Reason}")]
    public static partial void Deleted(ILogger logger, string siteUserId, string key, string siteId, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Guest {Key} on site {SiteId} was not created: {Reason}")]
    public static partial void Refused(ILogger logger, string key, string siteId, string reason);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Error, Message = "Guest {Key} on site {SiteId}: {Step} failed")]
    public static partial void StepFailed(ILogger logger, string key, string siteId, string step, Exception exception);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Warning, Message = "The guest records of site {SiteId} could not be read; no guest is deleted there this run")]
    public static partial void RecordsUnreadable(ILogger logger, string siteId, Exception exception);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Information, Message = "A PIN was issued for guest {SiteUserId} on site {SiteId}; no IGuestCredentialSink is registered, so it was not passed on")]
    public static partial void PinNotPassedOn(ILogger logger, string siteUserId, string siteId);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Error, Message = "Reading {What} from Nexudus for guest access failed; guests that depend on it are kept as they are")]
    public static partial void ReadFailed(ILogger logger, string what, Exception exception);
}
