using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.CheckIns;

/// <summary>
/// The check-in bridge's and reports' log messages. Event ids are stable (41xx); messages carry ids
/// and outcomes, never e-mail addresses, names, tokens or card numbers.
/// </summary>
internal static partial class CheckInLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Check-ins for SALTO site {SiteId}: reading entries from {From:O} to {To:O}")]
    public static partial void SiteStarted(ILogger logger, string siteId, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Check-ins for SALTO site {SiteId}: {Read} entries read, {Handled} handled, {Skipped} already handled; watermark {Watermark:O}")]
    public static partial void SiteCompleted(ILogger logger, string siteId, int read, int handled, int skipped, DateTimeOffset? watermark);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Entry {EntryId} at {OccurredAt:O} on lock {LockId}: {Outcome} (customer {CustomerId}, check-in {CheckInId})")]
    public static partial void EntryHandled(ILogger logger, string entryId, DateTimeOffset occurredAt, string? lockId, CheckInOutcome outcome, long? customerId, long? checkInId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Checked customer {CustomerId} in at location {BusinessId} (check-in {CheckInId}) from entry {EntryId}")]
    public static partial void CheckedIn(ILogger logger, long customerId, long businessId, long checkInId, string entryId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Checked customer {CustomerId} out of check-in {CheckInId} from entry {EntryId}")]
    public static partial void CheckedOut(ILogger logger, long customerId, long checkInId, string entryId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Nexudus refused the check-in of customer {CustomerId} at location {BusinessId} from entry {EntryId}: {Reason}")]
    public static partial void Refused(ILogger logger, long customerId, long businessId, string entryId, string reason);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Creating the check-in for entry {EntryId} ended without a clear answer ({Reason}); looking for it before trying again")]
    public static partial void CreateUncertain(ILogger logger, string entryId, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Check-ins for SALTO site {SiteId} stopped at entry {EntryId} and continue on the next run: {Reason}")]
    public static partial void SiteDeferred(ILogger logger, string siteId, string? entryId, string reason);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "SALTO user {UserId} of site {SiteId} matches no Nexudus customer")]
    public static partial void UserNotMatched(ILogger logger, string siteId, string userId);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "{Count} Nexudus customers share the e-mail address of a SALTO user; none is chosen")]
    public static partial void AmbiguousEmail(ILogger logger, int count);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Entry {EntryId}: found check-in {CheckInId} written by an earlier attempt; nothing written again")]
    public static partial void Recovered(ILogger logger, string entryId, long? checkInId);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Location {BusinessId}: its Nexudus time zone could not be read ({Reason}); report times are in UTC")]
    public static partial void TimeZoneFallback(ILogger logger, long businessId, string reason);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Information, Message = "Entry {EntryId} of customer {CustomerId} at location {BusinessId} is from an earlier day, where Nexudus takes no open check-in; skipped as configured (PastDayCheckIns: Skip)")]
    public static partial void PastDaySkipped(ILogger logger, string entryId, long customerId, long businessId);
}
