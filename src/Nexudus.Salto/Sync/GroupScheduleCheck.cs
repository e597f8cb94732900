using Microsoft.Extensions.Logging;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Finds the linked access groups of a site that have no time schedule: SALTO KS never rolls such a group out to
/// the locks, so its members are rejected at the door although the membership is there. Each is reported as a
/// <see cref="SyncWarningKind.GroupWithoutSchedule"/> warning, or, where the location opts in, gets the always-open
/// schedule (every weekday, 00:00–23:59).
/// </summary>
/// <remarks>One schedule read per linked group and run. A failed read is a warning too: it never fails the run.</remarks>
internal sealed class GroupScheduleCheck(ISaltoKsClient client, ILogger logger)
{
    /// <summary>The always-open schedule, as the one a door test showed enough for a group to reach the locks.</summary>
    internal static readonly TimeScheduleRequest AlwaysOpen = new()
    {
        Monday = true, Tuesday = true, Wednesday = true, Thursday = true, Friday = true, Saturday = true, Sunday = true,
        StartTime = new TimeOnly(0, 0), EndTime = new TimeOnly(23, 59),
    };

    internal const string AlwaysOpenText = "Mon-Sun 00:00-23:59";

    /// <summary>
    /// Checks each group; creates the always-open schedule on those without one when <paramref name="create"/> (and not
    /// on a dry run). Warnings, schedule changes and errors go to the run's report lists.
    /// </summary>
    public async Task CheckAsync(SyncRunContext run, string siteId, IEnumerable<string> groupIds, Func<string, bool> create, CancellationToken cancellationToken)
    {
        var dryRun = run.Flags.DryRun;
        var warnings = run.Warnings;
        var changes = run.Schedules;
        var errors = run.Errors;
        foreach (var groupId in groupIds.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            bool hasSchedule;
            try
            {
                hasSchedule = await HasScheduleAsync(siteId, groupId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
            {
                warnings.Add(new SyncWarning
                {
                    Kind = SyncWarningKind.GroupScheduleUnknown, SiteId = siteId, GroupId = groupId,
                    Message = $"Reading the time schedules of group {groupId} on site {siteId} failed, so whether it reaches the locks is unknown: {PlanExecutor.Describe(ex)}",
                });
                continue;
            }

            if (hasSchedule)
            {
                continue;
            }

            if (!create(groupId))
            {
                SyncLog.GroupWithoutSchedule(logger, groupId, siteId);
                warnings.Add(new SyncWarning
                {
                    Kind = SyncWarningKind.GroupWithoutSchedule, SiteId = siteId, GroupId = groupId,
                    Message = $"Group {groupId} on site {siteId} has no time schedule, so SALTO KS never rolls it out to the locks and its members are " +
                              "rejected at the door. Add a schedule (every weekday, 00:00-23:59 for always open) or set CreateMissingGroupSchedules for the location.",
                });
                continue;
            }

            var change = new ScheduleChange
            {
                SiteId = siteId, GroupId = groupId, Kind = ScheduleChangeKind.CreateAlwaysOpen, Schedule = AlwaysOpenText, Outcome = SyncChangeOutcome.Planned,
            };
            if (dryRun)
            {
                changes.Add(change);
                continue;
            }

            try
            {
                var created = await client.CreateTimeScheduleAsync(siteId, groupId, AlwaysOpen, cancellationToken).ConfigureAwait(false);
                SyncLog.AlwaysOpenScheduleCreated(logger, groupId, siteId);
                changes.Add(change with { ScheduleId = created.Id, Outcome = SyncChangeOutcome.Applied });
            }
            catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
            {
                SyncLog.ScheduleFailed(logger, groupId, siteId, ex);
                var message = $"Creating the always-open time schedule of group {groupId} on site {siteId} failed: {PlanExecutor.Describe(ex)}";
                changes.Add(change with { Outcome = SyncChangeOutcome.Failed, Detail = message });
                errors.Add(new SyncError { Kind = SyncErrorKind.Schedule, SiteId = siteId, GroupId = groupId, Message = message });
            }
        }
    }

    private async Task<bool> HasScheduleAsync(string siteId, string groupId, CancellationToken cancellationToken)
    {
        await foreach (var _ in client.GetTimeSchedulesAsync(siteId, groupId, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }
}
