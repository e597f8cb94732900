using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Reports;
using Nexudus.Salto.Sample.Demo;
using Nexudus.Salto.Sample.Hosting;
using Nexudus.Salto.Sample.Output;
using Nexudus.Salto.Sample.Settings;
using Nexudus.Salto.Testing;
using Spectre.Console;

namespace Nexudus.Salto.Sample.Commands;

/// <summary>
/// <c>demo</c>: starts both sandboxes with a demo space and runs the whole product against them, step by
/// step, through the same configuration keys a deployment uses.
/// </summary>
internal static class DemoCommand
{
    // The story is on stdout; the SDK's own information logs would interleave with it on a terminal.
    private static readonly Dictionary<string, string?> QuietLogs = new()
    {
        ["Logging:LogLevel:Nexudus.Salto"] = "Warning",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="context">What commands share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var command = new Command(
            "demo",
            "Starts Nexudus and SALTO KS sandboxes on loopback with a demo space and runs the integration against them: who gets access and why, the sync, door entries becoming check-ins, and the report. Never touches a real service.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, cancellationToken));
        return command;
    }

    /// <summary>Runs the demo.</summary>
    /// <param name="context">What commands share.</param>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="cancellationToken">Stops the demo.</param>
    /// <returns>The exit code: 0 when the demo ran to its end.</returns>
    internal static Task<int> RunAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken) =>
        context.RunAsync("demo", token => RunStepsAsync(context, parseResult, token), cancellationToken);

    private static async Task<int> RunStepsAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = context.Console;
        console.WriteMarkup("[bold]Nexudus.Salto demo[/]: Nexudus Spaces passes, offices, teams and bookings become SALTO KS door access.");
        console.Line("Two sandboxes on loopback stand in for Nexudus and SALTO KS; nothing leaves this machine.");

        var now = TimeProvider.System.GetUtcNow();
        var (nexudus, salto) = await console.StepAsync("Starting the Nexudus and SALTO KS sandboxes", async () =>
        {
            var n = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { RateLimits = NexudusRateLimits.Disabled }, cancellationToken);
            var s = await SaltoKsSandbox.StartAsync(cancellationToken: cancellationToken);
            return (n, s);
        });
        await using var nexudusSandbox = nexudus;
        await using var saltoSandbox = salto;
        var stateDirectory = Directory.CreateTempSubdirectory("nexudus-salto-demo-");
        try
        {
            var space = DemoSpace.Create(nexudus, salto, now, Path.Combine(stateDirectory.FullName, "demo.db"));
            using var host = context.BuildHost(parseResult, QuietLogs, space.Settings);
            var configuration = ConfigurationCheck.Run(host.Services, requireLocations: true);
            if (!configuration.IsValid)
            {
                console.Fail("demo: the demo's own configuration is not valid: " + string.Join(" ", configuration.AllErrors));
                return ExitCodes.Failed;
            }

            ShowSpace(console, space, configuration.Integration);
            var explain = await ShowDesiredAccessAsync(console, host.Services, space, configuration.Integration, now, cancellationToken);

            console.Heading("3. The sync: plan, guard and apply");
            console.Line(PendingFeatures.SyncEngine);

            var components = new IntegrationComponents(host.Services, configuration.Integration);
            await ShowCheckInsAsync(console, components, space, nexudus, explain, cancellationToken);
            await ShowReportAsync(console, components, now, cancellationToken);

            console.Heading("6. doctor: the same checks an operator runs on a real deployment");
            var report = await console.StepAsync("Checking configuration, logins and links", () => DoctorCommand.ExamineAsync(host.Services, cancellationToken));
            DoctorCommand.Print(console, report);

            console.Heading("Next");
            console.Line("Point the same binary at your own space with the Nexudus, SaltoKs and SaltoIntegration settings (README: Sample host),");
            console.Line("then run `doctor`, `sync --dry-run`, `sync` and `watch`.");
            return ExitCodes.Done;
        }
        finally
        {
            stateDirectory.Delete(recursive: true);
        }
    }

    private static void ShowSpace(SampleConsole console, DemoSpace space, IntegrationSettings settings)
    {
        console.Heading("1. The demo space and its links (SaltoIntegration:Locations)");
        var table = new Table().AddColumn("Location").AddColumn("SALTO site").AddColumn("Nexudus item").AddColumn("Opens access group").AddColumn("Doors");
        foreach (var location in settings.Locations)
        {
            var name = space.Seed.All<Business>().FirstOrDefault(b => b.Id == location.NexudusBusinessId)?.Name ?? location.NexudusBusinessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (kind, links) in new[] { ("pass", location.Links.TimePassGroups), ("office", location.Links.FloorPlanDeskGroups), ("resource", location.Links.ResourceGroups) })
            {
                foreach (var (item, groups) in links)
                {
                    table.AddRow(
                        SampleConsole.Cell(name),
                        SampleConsole.Cell(location.SaltoSiteId[..8] + "…"),
                        SampleConsole.Cell($"{kind} '{ItemName(space, item)}'"),
                        SampleConsole.Cell(string.Join(", ", groups.Select(space.NameOf))),
                        SampleConsole.Cell(string.Empty));
                }
            }

            foreach (var (lockId, role) in location.Readers)
            {
                table.AddRow(SampleConsole.Cell(name), SampleConsole.Cell(location.SaltoSiteId[..8] + "…"), SampleConsole.Cell(string.Empty), SampleConsole.Cell(string.Empty), SampleConsole.Cell($"{space.NameOf(lockId)}: {role} reader"));
            }
        }

        table.AddRow(
            SampleConsole.Cell(DemoSpace.NewYork),
            SampleConsole.Cell(DemoSpace.NewYorkSite[..8] + "…"),
            SampleConsole.Cell("resource 'Hudson Boardroom'"),
            SampleConsole.Cell(space.NameOf(DemoSpace.NewYorkBoardroom) + " (linked in Nexudus: AccessControlGroupId)"),
            SampleConsole.Cell(string.Empty));
        console.Write(table);
        console.Line("Also seeded: a suspended customer holding a pass, a tentative booking, a contractor added by hand to 'London members',");
        console.Line("a customer SALTO already knows by e-mail, and door entries (one rejected, one by a fob nobody in Nexudus holds).");
    }

    private static async Task ShowCheckInsAsync(
        SampleConsole console, IntegrationComponents components, DemoSpace space, NexudusSandbox nexudus, AccessExplainer explain, CancellationToken cancellationToken)
    {
        console.Heading("4. Door entries become Nexudus check-ins (CheckInBridge)");
        var bridge = components.CreateCheckInBridge();
        var first = await console.StepAsync("Reading door entries since the last run and writing check-ins", () => bridge.RunAsync(cancellationToken));
        CheckInReportView.Print(console, first, explain.Customer, space.NameOf);

        // The same entries again: each was recorded with its outcome, so nothing is written twice.
        var again = await console.StepAsync("Running the bridge again", () => bridge.RunAsync(cancellationToken));
        console.Line(again.Sites.Sum(s => s.Entries.Count) == 0
            ? $"Nothing to do the second time: {again.Sites.Sum(s => s.AlreadyProcessed)} entries were already handled, each exactly once."
            : $"The second run handled {again.Sites.Sum(s => s.Entries.Count)} new entries.");
        foreach (var checkin in nexudus.GetAll<Checkin>().OrderBy(c => c.FromTime))
        {
            console.Line($"Nexudus now has: {explain.Customer(checkin.CoworkerId ?? 0)} checked in at {explain.Location(checkin.BusinessId ?? 0)} since {explain.Local(checkin.FromTime, checkin.BusinessId ?? 0, "HH:mm")}{(checkin.ToTime is { } to ? $", out at {explain.Local(to, checkin.BusinessId ?? 0, "HH:mm")}" : ", still in")}.");
        }
    }

    private static async Task ShowReportAsync(SampleConsole console, IntegrationComponents components, DateTimeOffset now, CancellationToken cancellationToken)
    {
        console.Heading("5. The access report (AccessReportBuilder)");
        var from = now.AddHours(-2);
        var to = now.AddMinutes(5);
        var rows = await console.StepAsync("Joining the last two hours of entries with customers", () =>
            components.CreateReportBuilder().GetRowsAsync(from, to, cancellationToken).ToListAsync(cancellationToken).AsTask());
        var entries = new Table().AddColumn("Local time").AddColumn("Location").AddColumn("Door").AddColumn("Customer").AddColumn("E-mail").AddColumn("Result");
        var summary = new DailyPresenceSummary();
        foreach (var row in rows)
        {
            summary.Add(row);
            entries.AddRow(
                SampleConsole.Cell(row.LocalTime.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)),
                SampleConsole.Cell(row.Location),
                SampleConsole.Cell(row.Door),
                SampleConsole.Cell(row.CustomerName ?? "(unknown)"),
                SampleConsole.Cell(row.Email),
                SampleConsole.Cell(row.Result.ToString()));
        }

        console.Write(entries);
        var daily = new Table().AddColumn("Date").AddColumn("Location").AddColumn("Customer").AddColumn("First in").AddColumn("Last out").AddColumn("Entries");
        foreach (var day in summary.GetRows())
        {
            daily.AddRow(
                SampleConsole.Cell(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                SampleConsole.Cell(day.Location),
                SampleConsole.Cell(day.CustomerName),
                SampleConsole.Cell(day.FirstIn?.ToString("HH:mm", CultureInfo.InvariantCulture)),
                SampleConsole.Cell(day.LastOut?.ToString("HH:mm", CultureInfo.InvariantCulture)),
                SampleConsole.Cell(day.Entries.ToString(CultureInfo.InvariantCulture)));
        }

        console.Write(daily);
        console.Line("The same report as CSV, JSON or a self-contained HTML page with charts: `report --from … --to … --format csv|json|html`.");
    }

    private static async Task<AccessExplainer> ShowDesiredAccessAsync(SampleConsole console, IServiceProvider services, DemoSpace space, IntegrationSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        console.Heading("2. Who should have access right now, and why (EntitlementResolver)");
        var client = services.GetRequiredService<INexudusClient>();
        var (snapshot, businesses) = await console.StepAsync("Reading Nexudus (customers, passes, contracts, teams, bookings)", async () =>
            (await DemoSnapshotReader.ReadAsync(client, cancellationToken), await client.ListBusinessesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken)));
        var links = LinkMapBuilder.Build(settings.ToLocationLinks(), snapshot);
        var access = new EntitlementResolver().Resolve(snapshot, links, now);
        var explain = new AccessExplainer(snapshot, links, businesses);
        var siteNames = links.Locations.ToDictionary(l => l.SiteId, l => l.BusinessId, StringComparer.OrdinalIgnoreCase);

        var table = new Table().AddColumn("Customer").AddColumn("Access group").AddColumn("Why (lineage)").AddColumn("Until");
        foreach (var membership in access.Memberships.OrderBy(m => explain.Customer(m.CustomerId), StringComparer.Ordinal))
        {
            var business = siteNames.TryGetValue(membership.SiteId, out var id) ? id : 0;
            table.AddRow(
                SampleConsole.Cell(explain.Customer(membership.CustomerId)),
                SampleConsole.Cell($"{space.NameOf(membership.GroupId)} ({explain.Location(business)})"),
                SampleConsole.Cell(explain.Why(membership.Grants)),
                SampleConsole.Cell(explain.Local(membership.ValidUntil, business)));
        }

        console.Write(table);
        var without = snapshot.Coworkers.Where(c => access.GetMemberships(c.Id).Count == 0).OrderBy(c => c.FullName, StringComparer.Ordinal).ToList();
        if (without.Count > 0)
        {
            var none = new Table().AddColumn("No access right now").AddColumn("Because");
            foreach (var customer in without)
            {
                none.AddRow(SampleConsole.Cell(customer.FullName), SampleConsole.Cell(explain.WhyNot(customer, now)));
            }

            console.Write(none);
        }

        console.Line(access.NextEdge is { } edge
            ? $"Next change by itself: {edge.UtcDateTime:HH:mm:ss} UTC (a booking window opens or closes, a pass expires); `watch` wakes exactly then."
            : "Nothing changes by itself until Nexudus changes.");
        foreach (var issue in access.Issues)
        {
            console.Line($"Link issue: {issue.Message}");
        }

        return explain;
    }

    private static string ItemName(DemoSpace space, long id) =>
        space.Seed.All<TimePass>().FirstOrDefault(p => p.Id == id)?.Name
        ?? space.Seed.All<FloorPlanDesk>().FirstOrDefault(d => d.Id == id)?.Name
        ?? space.Seed.All<Resource>().FirstOrDefault(r => r.Id == id)?.Name
        ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
