using System.Globalization;
using Nexudus.Salto.Sample.Demo;
using Nexudus.Salto.Sync;
using Spectre.Console;

namespace Nexudus.Salto.Sample.Output;

/// <summary>Prints a sync run: the plan or the applied changes with their lineage, held removals, errors and calls.</summary>
internal static class SyncReportView
{
    /// <summary>Prints the report.</summary>
    /// <param name="console">The output.</param>
    /// <param name="report">The sync's report.</param>
    /// <param name="explain">Names customers and puts lineage into words.</param>
    /// <param name="groupName">Names an access group.</param>
    /// <param name="siteName">Names a SALTO site.</param>
    public static void Print(SampleConsole console, SyncReport report, AccessExplainer explain, Func<string, string> groupName, Func<string, string> siteName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(explain);
        if (report.UserCreations.Count > 0)
        {
            var users = new Table().AddColumn("New SALTO user for").AddColumn("Site").AddColumn("Outcome").AddColumn("Detail");
            foreach (var user in report.UserCreations)
            {
                users.AddRow(
                    SampleConsole.Cell(explain.Customer(user.CustomerId)),
                    SampleConsole.Cell(siteName(user.SiteId)),
                    SampleConsole.Cell(user.Outcome.ToString()),
                    SampleConsole.Cell(user.InvitationSent ? "invitation sent" : user.Detail));
            }

            console.Write(users);
        }

        if (report.Changes.Count > 0)
        {
            var changes = new Table().AddColumn("Change").AddColumn("Customer").AddColumn("Access group").AddColumn("Why").AddColumn("Outcome");
            foreach (var change in report.Changes.OrderBy(c => c.Kind).ThenBy(c => groupName(c.GroupId), StringComparer.Ordinal).ThenBy(c => c.CustomerId))
            {
                var why = change.Kind == MembershipChangeKind.Add
                    ? explain.Why(change.Grants)
                    : change.Suspension is { } suspension
                    ? $"payment overdue: {suspension.Reason}"
                    : change.RemovalBasis switch
                    {
                        RemovalBasis.AddedBySdk => "no longer entitled; the SDK had added them",
                        RemovalBasis.ExclusiveGroup => "not entitled, and the group is Exclusive",
                        _ => "no longer entitled",
                    };
                changes.AddRow(
                    SampleConsole.Cell(change.Kind == MembershipChangeKind.Add ? "+ add" : "- remove"),
                    SampleConsole.Cell(change.CustomerId is { } id ? explain.Customer(id) : change.UserId?.ToString()),
                    SampleConsole.Cell(groupName(change.GroupId)),
                    SampleConsole.Cell(why),
                    SampleConsole.Cell(change.Outcome != SyncChangeOutcome.Held && change.Detail is { Length: > 0 } detail ? $"{change.Outcome}: {detail}" : change.Outcome.ToString()));
            }

            console.Write(changes);
        }
        else if (report.Result == SyncResult.Failed)
        {
            // A failed run cannot tell whether SALTO matches Nexudus: the errors below say what went wrong.
            console.Line("No membership changes were made: the run failed (see the errors below).");
        }
        else
        {
            console.Line("No membership changes: SALTO already matches Nexudus.");
        }

        foreach (var suspension in report.PaymentSuspensions)
        {
            var state = suspension.State switch
            {
                PaymentSuspensionState.Started => "access suspended",
                PaymentSuspensionState.Continuing => "still suspended",
                PaymentSuspensionState.KeptUnread => "kept suspended (invoices could not be read)",
                _ => "paid: access restored",
            };
            console.Line($"Payment: {explain.Customer(suspension.CustomerId)}: {state}, {suspension.Reason}");
        }

        foreach (var erasure in report.Erasures)
        {
            var deleted = erasure.Sites.Count(s => s.UserDeleted);
            console.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"Erased {explain.Customer(erasure.CustomerId)} ({erasure.Reason}): {deleted} SALTO user(s) deleted, {erasure.Sites.Sum(s => s.StateRowsRemoved)} state row(s) forgotten{(erasure.DryRun ? " (dry run: nothing done)" : string.Empty)}."));
        }

        foreach (var guest in report.Guests)
        {
            console.Line($"Guest {guest.Alias}: {guest.Kind} {guest.Outcome}, {guest.Lineage}{(guest.Detail is { Length: > 0 } why ? $" ({why})" : string.Empty)}");
        }

        foreach (var tag in report.Tags)
        {
            console.Line($"Tag {tag.MaskedNumber} for {explain.Customer(tag.CustomerId)}: {tag.Kind} {tag.Outcome}{(tag.Detail is { Length: > 0 } d ? $" ({d})" : string.Empty)}");
        }

        foreach (var schedule in report.Schedules)
        {
            console.Line($"Schedule of {groupName(schedule.GroupId)}: {schedule.Kind} '{schedule.Schedule}' {schedule.Outcome}");
        }

        foreach (var difference in report.TagDifferences)
        {
            console.Line($"Tag {difference.MaskedNumber} of {explain.Customer(difference.CustomerId)}: {difference.Kind} (Access Card Id in Nexudus vs tag_number in SALTO KS)");
        }

        foreach (var issue in report.IdentityIssues)
        {
            console.Line($"Identity: {issue.Message}");
        }

        foreach (var warning in report.Warnings)
        {
            console.Line($"Warning ({warning.Kind}): {warning.Message}");
        }

        foreach (var issue in report.LinkIssues)
        {
            console.Line($"Link: {issue.Message}");
        }

        if (report.Revocation.RemovalsHeld)
        {
            console.WriteMarkup($"[yellow]{report.Revocation.PlannedRemovals} removal(s) held by the guard[/] ({Markup.Escape(string.Join(", ", report.Revocation.Reasons))}); adds were applied.");
            foreach (var detail in report.Revocation.Details)
            {
                console.Line("  " + detail);
            }
        }
        else if (report.Revocation.Overridden)
        {
            console.Line($"The guard would have held {report.Revocation.PlannedRemovals} removal(s); --allow-mass-revocation released them.");
        }

        foreach (var skipped in report.SkippedSites)
        {
            var until = skipped.HeldUntil is { } at ? string.Create(CultureInfo.InvariantCulture, $" until {at:yyyy-MM-dd HH:mm:ss}Z") : string.Empty;
            console.Line($"Skipped site {siteName(skipped.SiteId)}: another process ({skipped.Holder ?? "unknown"}) holds its lease{until} and syncs it.");
        }

        if (report.ClaimedMemberships.Count > 0)
        {
            console.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"Ownership rebuilt: {report.ClaimedMemberships.Count} membership(s) of entitled customers {(report.DryRun ? "would be" : "were")} claimed as added by the SDK."));
        }

        foreach (var error in report.Errors)
        {
            console.Line($"Error ({error.Kind}): {error.Message}");
        }

        console.Line(string.Create(
            CultureInfo.InvariantCulture,
            $"{(report.DryRun ? "Dry run, nothing written. " : string.Empty)}Result: {report.Result}. Calls: Nexudus {report.Calls.Nexudus.Reads} reads, {report.Calls.Nexudus.Writes} writes; SALTO KS {report.Calls.SaltoKs.Reads} reads, {report.Calls.SaltoKs.Writes} writes; {report.Duration.TotalMilliseconds:N0} ms."));
    }
}
