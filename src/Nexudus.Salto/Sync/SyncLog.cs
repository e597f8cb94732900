using Microsoft.Extensions.Logging;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The sync engine's log messages (event ids 5101–5199). They name ids and counts only: never e-mails, tokens,
/// PINs or card numbers.
/// </summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Sync run started (dry run: {DryRun}) for {LocationCount} location(s)")]
    public static partial void RunStarted(ILogger logger, bool dryRun, int locationCount);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Sync run finished: {Result}; {Added} added, {Removed} removed, {Held} held, {Created} users created, {Errors} errors in {Duration}")]
    public static partial void RunFinished(ILogger logger, SyncResult result, int added, int removed, int held, int created, int errors, TimeSpan duration);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Sync run refused: another run holds the sync state")]
    public static partial void StateLocked(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Read Nexudus ({Kind}): {Customers} customers, {Passes} passes, {Contracts} contracts, {Bookings} bookings in {Calls} calls")]
    public static partial void SnapshotRead(ILogger logger, SnapshotReadKind kind, int customers, int passes, int contracts, int bookings, int calls);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error, Message = "Reading Nexudus {Part} failed; removals are held this run")]
    public static partial void NexudusReadFailed(ILogger logger, string part, Exception exception);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Error, Message = "Reading SALTO KS {Part} of site {SiteId} failed")]
    public static partial void SaltoReadFailed(ILogger logger, string part, string siteId, Exception exception);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Information, Message = "Site {SiteId} planned: {Creations} users to create, {Additions} additions, {Removals} removals, {Issues} identity issues")]
    public static partial void SitePlanned(ILogger logger, string siteId, int creations, int additions, int removals, int issues);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning, Message = "The revocation guard holds {Removals} removal(s): {Reasons}")]
    public static partial void RemovalsHeld(ILogger logger, int removals, string reasons);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Warning, Message = "The mass-revocation override releases {Removals} removal(s) the guard would hold: {Reasons}")]
    public static partial void RemovalsReleased(ILogger logger, int removals, string reasons);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "Created SALTO user {SiteUserId} (platform user {PlatformUserId}) for customer {CustomerId} on site {SiteId}")]
    public static partial void UserCreated(ILogger logger, SiteUserId siteUserId, PlatformUserId platformUserId, long customerId, string siteId);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Error, Message = "Creating a SALTO user for customer {CustomerId} on site {SiteId} failed")]
    public static partial void UserCreationFailed(ILogger logger, long customerId, string siteId, Exception exception);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Information, Message = "Group {GroupId} on site {SiteId}: {Added} added, {Removed} removed")]
    public static partial void GroupChanged(ILogger logger, string groupId, string siteId, int added, int removed);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Error, Message = "Changing group {GroupId} on site {SiteId} failed ({Failures} in a row); next attempt after {NextAttemptAt:O}")]
    public static partial void GroupFailed(ILogger logger, string groupId, string siteId, int failures, DateTimeOffset nextAttemptAt, Exception? exception);

    [LoggerMessage(EventId = 5114, Level = LogLevel.Warning, Message = "Group {GroupId} on site {SiteId} is left alone until {NextAttemptAt:O} after earlier failures")]
    public static partial void GroupInBackOff(ILogger logger, string groupId, string siteId, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 5115, Level = LogLevel.Information, Message = "Site {SiteId}: settled {Count} membership change(s) left pending by an interrupted run")]
    public static partial void PendingSettled(ILogger logger, string siteId, int count);

    [LoggerMessage(EventId = 5116, Level = LogLevel.Warning, Message = "Customer {CustomerId} has a tag number that matches no tag registered at site {SiteId}")]
    public static partial void UnknownTag(ILogger logger, long customerId, string siteId);

    [LoggerMessage(EventId = 5117, Level = LogLevel.Error, Message = "Changing a tag of customer {CustomerId} on site {SiteId} failed")]
    public static partial void TagFailed(ILogger logger, long customerId, string siteId, Exception exception);

    [LoggerMessage(EventId = 5118, Level = LogLevel.Error, Message = "Writing the time schedules of group {GroupId} on site {SiteId} failed")]
    public static partial void ScheduleFailed(ILogger logger, string groupId, string siteId, Exception exception);

    [LoggerMessage(EventId = 5119, Level = LogLevel.Information, Message = "Group {GroupId} on site {SiteId}: {Created} time schedule(s) created, {Deleted} deleted")]
    public static partial void SchedulesWritten(ILogger logger, string groupId, string siteId, int created, int deleted);

    [LoggerMessage(EventId = 5120, Level = LogLevel.Information, Message = "Site {SiteId}: {Created} of {Planned} missing SALTO user(s) created while Nexudus was still being read")]
    public static partial void UsersCreatedWhileReading(ILogger logger, string siteId, int created, int planned);

    [LoggerMessage(EventId = 5140, Level = LogLevel.Warning, Message = "Site {SiteId} answered {Status} on its tag endpoint; tag writes are off for this site this run (the report still compares card numbers)")]
    public static partial void TagEndpointsMissing(ILogger logger, string siteId, int status);

    [LoggerMessage(EventId = 5141, Level = LogLevel.Warning, Message = "Group {GroupId} on site {SiteId} has no time schedule, so SALTO KS never rolls it out to the locks")]
    public static partial void GroupWithoutSchedule(ILogger logger, string groupId, string siteId);

    [LoggerMessage(EventId = 5142, Level = LogLevel.Information, Message = "Group {GroupId} on site {SiteId} had no time schedule; the always-open schedule was created")]
    public static partial void AlwaysOpenScheduleCreated(ILogger logger, string groupId, string siteId);

    [LoggerMessage(EventId = 5143, Level = LogLevel.Error, Message = "SALTO KS created the user of customer {CustomerId} on site {SiteId} suspended: no free seat")]
    public static partial void UserCreatedSuspended(ILogger logger, long customerId, string siteId);

    [LoggerMessage(EventId = 5150, Level = LogLevel.Error, Message = "Site {SiteId} is left alone this run: {Reason}")]
    public static partial void SaltoUserListShort(ILogger logger, string siteId, string reason);

    [LoggerMessage(EventId = 5151, Level = LogLevel.Warning, Message = "Nexudus listed {Count} {Entity} record(s) more than once (same Id); the last copy read is used")]
    public static partial void RepeatedRecords(ILogger logger, string entity, int count);

    [LoggerMessage(EventId = 5152, Level = LogLevel.Warning, Message = "Group {GroupId} on site {SiteId} is left alone this run: {Reason}")]
    public static partial void SaltoGroupReadDoubted(ILogger logger, string groupId, string siteId, string reason);
}
