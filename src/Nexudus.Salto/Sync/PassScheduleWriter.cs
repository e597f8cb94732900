using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Writes a linked pass's Nexudus time slots as its SALTO group's time schedules, for locations that
/// opt in: one weekly schedule per distinct daily window, with the weekdays that have it; a pass without slots
/// gets one "always" schedule (a group without schedules opens nothing).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A group that desks or resources also link, or that passes with different slots link, is left alone and
/// reported: a schedule there would narrow or widen someone else's access.</item>
/// <item>Schedules that already match are kept, so an unchanged pass makes no writes. New schedules are created
/// before old ones are deleted, so access is never briefly cut.</item>
/// <item>Schedules the SDK did not write are deleted only from exclusive groups; stored ones whose schedule is
/// gone are forgotten.</item>
/// </list>
/// </remarks>
internal sealed class PassScheduleWriter(ISaltoKsClient client, AccessSyncOptions options, ILogger logger)
{
    private static readonly TimeOnly EndOfDay = new(23, 59, 59);

    /// <summary>Writes the schedules of <paramref name="location"/>'s pass groups on the run's site; records go through the site's unit of work.</summary>
    public async Task<List<ScheduleChange>> WriteAsync(LocationLinkMap location, SyncRunContext run, SiteRun siteRun, CancellationToken cancellationToken)
    {
        var links = run.Links;
        var slots = run.Read?.TimeSlots ?? [];
        var stored = siteRun.State.Schedules;
        var dryRun = run.Flags.DryRun;
        var errors = run.Errors;
        var writer = siteRun.Writer;
        var site = location.SiteId;
        var changes = new List<ScheduleChange>();
        var otherLinks = links.Locations
            .Where(l => string.Equals(l.SiteId, site, StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => l.FloorPlanDeskGroups.Values.Concat(l.ResourceGroups.Values).SelectMany(g => g).Concat(l.OtherManagedGroups))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var passesByGroup = location.TimePassGroups
            .SelectMany(p => p.Value.Select(g => (Group: g, Pass: p.Key)))
            .GroupBy(x => x.Group, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        foreach (var linked in passesByGroup)
        {
            var group = linked.Key;
            if (otherLinks.Contains(group))
            {
                errors.Add(Error(site, group, $"Group {group} is linked to passes and to desks or resources; its time schedules are left alone, since pass hours would limit the others too."));
                continue;
            }

            string? problem = null;
            var windows = linked.Select(x => Windows(slots.Where(s => s.TimePassId == x.Pass), ref problem)).ToList();
            if (problem is not null || windows.Skip(1).Any(w => !w.SetEquals(windows[0])))
            {
                errors.Add(Error(site, group, problem ?? $"Group {group} is linked to passes with different time slots; its time schedules are left alone."));
                continue;
            }

            try
            {
                await WriteGroupAsync(site, group, location.GroupOwnership.GetValueOrDefault(group), windows[0], stored, dryRun, writer, changes, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
            {
                SyncLog.ScheduleFailed(logger, group, site, ex);
                errors.Add(Error(site, group, PlanExecutor.Describe(ex)));
            }
        }

        return changes;
    }

    private async Task WriteGroupAsync(
        string site, string group, GroupOwnership ownership, HashSet<Window> windows, IReadOnlyList<OwnedSchedule> stored, bool dryRun,
        SyncStateWriter writer, List<ScheduleChange> changes, CancellationToken cancellationToken)
    {
        var desired = Desired(windows);
        var existing = new List<TimeSchedule>();
        await foreach (var schedule in client.GetTimeSchedulesAsync(site, group, cancellationToken).ConfigureAwait(false))
        {
            existing.Add(schedule);
        }

        var owned = stored.Where(s => string.Equals(s.GroupId, group, StringComparison.OrdinalIgnoreCase)).ToDictionary(s => s.ScheduleId, StringComparer.OrdinalIgnoreCase);
        var existingPrints = existing.Select(Fingerprint).ToHashSet(StringComparer.Ordinal);
        var toCreate = desired.Where(d => !existingPrints.Contains(Fingerprint(d))).ToList();
        var desiredPrints = desired.Select(Fingerprint).ToHashSet(StringComparer.Ordinal);
        var toDelete = existing
            .Where(e => !desiredPrints.Contains(Fingerprint(e)) && (owned.ContainsKey(e.Id) || ownership == GroupOwnership.Exclusive))
            .ToList();
        var forgotten = owned.Keys.Where(id => !existing.Any(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))).ToList();

        if (dryRun)
        {
            changes.AddRange(toCreate.Select(c => Change(site, group, ScheduleChangeKind.Create, Fingerprint(c), null, SyncChangeOutcome.Planned)));
            changes.AddRange(toDelete.Select(d => Change(site, group, ScheduleChangeKind.Delete, Fingerprint(d), d.Id, SyncChangeOutcome.Planned)));
            return;
        }

        if (forgotten.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.CommitAsync(new SyncStateChanges { SchedulesRemoved = [.. forgotten.Select(id => (site, group, id))] }).ConfigureAwait(false);
        }

        foreach (var request in toCreate)
        {
            var created = await client.CreateTimeScheduleAsync(site, group, request, cancellationToken).ConfigureAwait(false);
            await writer.CommitAsync(
                new SyncStateChanges { SchedulesSaved = [new OwnedSchedule { SiteId = site, GroupId = group, ScheduleId = created.Id, Fingerprint = Fingerprint(request) }] })
                .ConfigureAwait(false);
            changes.Add(Change(site, group, ScheduleChangeKind.Create, Fingerprint(request), created.Id, SyncChangeOutcome.Applied));
        }

        foreach (var schedule in toDelete)
        {
            await client.DeleteTimeScheduleAsync(site, group, schedule.Id, cancellationToken).ConfigureAwait(false);
            await writer.CommitAsync(new SyncStateChanges { SchedulesRemoved = [(site, group, schedule.Id)] }).ConfigureAwait(false);
            changes.Add(Change(site, group, ScheduleChangeKind.Delete, Fingerprint(schedule), schedule.Id, SyncChangeOutcome.Applied));
        }

        if (toCreate.Count + toDelete.Count > 0)
        {
            SyncLog.SchedulesWritten(logger, group, site, toCreate.Count, toDelete.Count);
        }
    }

    private HashSet<Window> Windows(IEnumerable<TimePassTimeSlot> slots, ref string? problem)
    {
        var windows = new HashSet<Window>();
        foreach (var slot in slots)
        {
            if (slot.DayOfWeek is not { } number || slot.FromTime is not { } from || slot.ToTime is not { } to || Day(number) is not { } day)
            {
                problem = $"Time slot {slot.Id} of pass {slot.TimePassId} has no weekday or times this SDK can read; the pass's group schedules are left alone.";
                continue;
            }

            // Only the clock digits count (Nexudus stores slot times on a dummy date); a slot ending at midnight ends the day.
            var start = TimeOnly.FromTimeSpan(from.TimeOfDay);
            var end = to.TimeOfDay == TimeSpan.Zero ? EndOfDay : TimeOnly.FromTimeSpan(to.TimeOfDay);
            if (end <= start)
            {
                problem = $"Time slot {slot.Id} of pass {slot.TimePassId} ends before it starts; the pass's group schedules are left alone.";
                continue;
            }

            windows.Add(new Window(day, start, end));
        }

        return windows;
    }

    private DayOfWeek? Day(int number) => options.TimeSlotDayNumbering switch
    {
        TimeSlotDayNumbering.MondayOne when number is >= 1 and <= 7 => (DayOfWeek)(number % 7),
        TimeSlotDayNumbering.SundayZero when number is >= 0 and <= 6 => (DayOfWeek)number,
        _ => null,
    };

    private static List<TimeScheduleRequest> Desired(HashSet<Window> windows)
    {
        if (windows.Count == 0)
        {
            return [Request([.. Enum.GetValues<DayOfWeek>()], TimeOnly.MinValue, EndOfDay)];
        }

        return
        [
            .. windows.GroupBy(w => (w.Start, w.End))
                .OrderBy(g => g.Key.Start).ThenBy(g => g.Key.End)
                .Select(g => Request([.. g.Select(w => w.Day)], g.Key.Start, g.Key.End)),
        ];
    }

    private static TimeScheduleRequest Request(HashSet<DayOfWeek> days, TimeOnly start, TimeOnly end) => new()
    {
        Monday = days.Contains(DayOfWeek.Monday),
        Tuesday = days.Contains(DayOfWeek.Tuesday),
        Wednesday = days.Contains(DayOfWeek.Wednesday),
        Thursday = days.Contains(DayOfWeek.Thursday),
        Friday = days.Contains(DayOfWeek.Friday),
        Saturday = days.Contains(DayOfWeek.Saturday),
        Sunday = days.Contains(DayOfWeek.Sunday),
        StartTime = start,
        EndTime = end,
    };

    /// <summary>The schedule as text: weekdays, window and (for schedules with dates) the dates; equal schedules have equal text.</summary>
    internal static string Fingerprint(TimeScheduleRequest s) =>
        Fingerprint([s.Monday, s.Tuesday, s.Wednesday, s.Thursday, s.Friday, s.Saturday, s.Sunday], s.StartTime, s.EndTime, s.StartDate, s.EndDate);

    internal static string Fingerprint(TimeSchedule s) =>
        Fingerprint([s.Monday, s.Tuesday, s.Wednesday, s.Thursday, s.Friday, s.Saturday, s.Sunday], s.StartTime, s.EndTime, s.StartDate, s.EndDate);

    private static string Fingerprint(bool[] days, TimeOnly? start, TimeOnly? end, DateTimeOffset? from, DateTimeOffset? to)
    {
        string[] names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        var text = new StringBuilder(string.Join(',', names.Where((_, i) => days[i])));
        text.Append(' ').Append(Time(start ?? TimeOnly.MinValue)).Append('-').Append(Time(end ?? EndOfDay));
        if (from is not null || to is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" {from?.UtcDateTime:O}..{to?.UtcDateTime:O}");
        }

        return text.ToString();

        // To the minute: SALTO may echo an end time with :59 seconds, which must not look like a change.
        static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static ScheduleChange Change(string site, string group, ScheduleChangeKind kind, string text, string? id, SyncChangeOutcome outcome) =>
        new() { SiteId = site, GroupId = group, Kind = kind, Schedule = text, ScheduleId = id, Outcome = outcome };

    private static SyncError Error(string site, string group, string message) =>
        new() { Kind = SyncErrorKind.Schedule, SiteId = site, GroupId = group, Message = message };

    private readonly record struct Window(DayOfWeek Day, TimeOnly Start, TimeOnly End);
}
