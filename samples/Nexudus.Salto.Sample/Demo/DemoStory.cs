using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Reports;
using Nexudus.Salto.Sample.Commands;
using Nexudus.Salto.Sample.Hosting;
using Nexudus.Salto.Sample.Guests;
using Nexudus.Salto.Sample.Output;
using Nexudus.Salto.Sample.Settings;
using Nexudus.Salto.Testing;
using Nexudus.Salto.Webhooks;
using Spectre.Console;

namespace Nexudus.Salto.Sample.Demo;

/// <summary>
/// The demo's steps, told against the demo space in both sandboxes through the same configuration and SDK
/// parts a deployment uses: the space and its links, who gets access and why, the sync, door entries
/// becoming check-ins, the report, <c>doctor</c>, and a booking reaching the door by webhook.
/// </summary>
internal sealed class DemoStory(
    SampleConsole console,
    IServiceProvider services,
    IntegrationSettings settings,
    DemoSpace space,
    NexudusSandbox nexudus,
    SaltoKsSandbox salto,
    DateTimeOffset now,
    Func<IReadOnlyDictionary<string, string?>, IHost> watchHost)
{
    /// <summary>The secret the demo's Nexudus sandbox signs its webhook deliveries with.</summary>
    internal const string WebhookSecret = "demo-webhook-secret";

    private readonly Func<IReadOnlyDictionary<string, string?>, IHost> _watchHost = watchHost;
    private readonly SampleConsole _console = console;
    private readonly IServiceProvider _services = services;
    private readonly IntegrationSettings _settings = settings;
    private readonly DemoSpace _space = space;
    private readonly NexudusSandbox _nexudus = nexudus;
    private readonly SaltoKsSandbox _salto = salto;
    private readonly DateTimeOffset _now = now;
    private readonly IntegrationComponents _components = new(services, settings);
    private AccessExplainer? _explain;

    private string SiteName(string siteId) =>
        _settings.Locations.FirstOrDefault(l => string.Equals(l.SaltoSiteId, siteId, StringComparison.OrdinalIgnoreCase)) is { } location
            ? Explain.Location(location.NexudusBusinessId)
            : siteId;

    // Names and lineage in words; read from Nexudus by ShowDesiredAccessAsync.
    private AccessExplainer Explain => _explain ?? throw new InvalidOperationException("Show who has access first.");

    /// <summary>Runs every step, in order.</summary>
    /// <param name="cancellationToken">Stops the demo.</param>
    /// <returns>A task that completes when the story is told.</returns>
    public async Task TellAsync(CancellationToken cancellationToken)
    {
        ShowSpace();
        await ShowDesiredAccessAsync(cancellationToken);
        await ShowSyncAsync(cancellationToken);
        OpenDoors();
        await ShowCheckInsAsync(cancellationToken);
        await ShowReportAsync(cancellationToken);
        await ShowGuardAsync(cancellationToken);
        await ShowDoctorAsync(cancellationToken);
        await ShowWebhooksAsync(cancellationToken);
        await ShowGuestAsync(cancellationToken);
    }

    private async Task ShowGuestAsync(CancellationToken cancellationToken)
    {
        _console.Heading("9. A meeting-room guest: a PIN for the booking, deleted after it (BookingGuests, IGuestCredentialSink)");
        var grace = _space.Seed.Customer("grace@example.com");
        var booking = _nexudus.GetAll<Booking>().Where(b => b.CoworkerId == grace.Id).OrderBy(b => b.FromTime).First();
        var visitor = _nexudus.Put(new Visitor
        {
            BusinessId = _space.Seed.Location(DemoSpace.London).Id,
            CoworkerId = grace.Id,
            CoworkerFullName = grace.FullName,
            FullName = "Hedy Lamarr",
            ExpectedArrival = booking.FromTime,
            HostApprovalStatus = HostApprovalStatus.NotRequired,
        });
        _nexudus.Put(new BookingVisitor { BookingId = booking.Id, VisitorId = visitor.Id, VisitorFullName = visitor.FullName });
        _console.Line($"Grace Hopper adds Hedy Lamarr as a guest of her booking #{booking.Id} of the Thames Meeting Room.");

        var sink = _services.GetRequiredService<SampleGuestCredentialSink>();
        var created = await _console.StepAsync("Sync: the guest becomes a SALTO KS guest user with a PIN", () =>
            _components.SynchronizeAsync(dryRun: false, allowMassRevocation: false, cancellationToken));
        foreach (var guest in created.Guests)
        {
            _console.Line($"{guest.Kind} {guest.Alias} ({guest.Outcome}): {guest.Lineage}; groups {string.Join(", ", guest.GroupIds.Select(_space.NameOf))}.");
        }

        if (sink.Delivered is [.., var credential])
        {
            _console.Line($"The sample's IGuestCredentialSink received PIN {credential.Pin} for {credential.Guest.Alias}, valid until {credential.Guest.ValidUntil:HH:mm} UTC (never logged).");
        }

        // The meeting ends early: the booking is shortened in Nexudus to have ended before its buffer.
        _nexudus.Put(booking with { ToTime = TimeProvider.System.GetUtcNow().AddMinutes(-20), FromTime = booking.FromTime!.Value.AddMinutes(-40) });
        var deleted = await _console.StepAsync("The booking is over: the next sync deletes the guest and frees its seat", () =>
            _components.SynchronizeAsync(dryRun: false, allowMassRevocation: true, cancellationToken));
        foreach (var guest in deleted.Guests)
        {
            _console.Line($"{guest.Kind} {guest.Alias} ({guest.Outcome}): {guest.Detail}.");
        }

        var left = _salto.GetSiteUsers(DemoSpace.LondonSite).Count(u => u.Roles.Any(r => r.Code == "site_guest"));
        _console.Line($"Guest users left on the London site: {left}.");
    }

    private async Task ShowWebhooksAsync(CancellationToken cancellationToken)
    {
        _console.Heading("8. Webhooks: a booking opens the room's door within seconds (watch, MapNexudusWebhooks)");
        using var host = _watchHost(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["SaltoIntegration:Webhooks:SharedSecret"] = WebhookSecret,
            ["SaltoIntegration:Worker:SyncInterval"] = "01:00:00",
            ["SaltoIntegration:Worker:EnableCheckIns"] = "false",
        });
        await _console.StepAsync("Starting `watch`: the worker's first sync, and the webhook endpoint on loopback", async () =>
        {
            await host.StartAsync(cancellationToken);
            var health = host.Services.GetRequiredService<HealthCheckService>();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromMinutes(1));
            while (!(await health.CheckHealthAsync(limit.Token)).Entries.Values.Any(e => e.Data.ContainsKey("sync.last_success")))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), limit.Token);
            }

            return 0;
        });
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var publicUrl = new Uri(address.TrimEnd('/') + SampleHostFactory.WebhookPrefix);
        var registrar = new NexudusWebhookRegistrar(host.Services.GetRequiredService<INexudusClient>());
        var registrations = await _console.StepAsync("Registering the access webhooks of each location (the `webhooks` command)", () =>
            registrar.EnsureAsync(_settings.Locations.Select(l => l.Links.NexudusBusinessId), publicUrl, cancellationToken));
        _console.Line($"{registrations.Count} webhooks point at {publicUrl}/{{action}}; Nexudus signs each delivery (X-Nexudus-Hook-Signature).");

        var ada = _space.Seed.Customer("ada@example.com");
        var before = _salto.FindSiteUserByEmail(DemoSpace.LondonSite, "ada@example.com")?.User?.Id;
        var wasIn = before is { } id && _salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonMeetingRoom).Contains(id);
        _console.Line($"Ada Lovelace in 'Thames meeting room' now: {(wasIn ? "yes" : "no")}. She books the room in Nexudus for the next hour.");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _nexudus.Put(new Booking
        {
            CoworkerId = ada.Id,
            ResourceId = _space.Seed.Resource("Thames Meeting Room").Id,
            FromTime = TimeProvider.System.GetUtcNow().AddMinutes(-1),
            ToTime = TimeProvider.System.GetUtcNow().AddHours(1),
            Tentative = false,
        });
        var opened = await _console.StepAsync("Nexudus delivers BookingCreate; the endpoint records it, the worker applies a targeted run", async () =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                while (!(_salto.FindSiteUserByEmail(DemoSpace.LondonSite, "ada@example.com")?.User?.Id is { } user &&
                         _salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonMeetingRoom).Contains(user)))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(10), limit.Token);
                }

                return true;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        });
        var elapsed = clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var hook = _nexudus.GetAll<Webhook>().FirstOrDefault(h => h.Action == WebhookAction.BookingCreate && h.LastTrigger is not null);
        _console.Line(opened
            ? $"Ada Lovelace is in 'Thames meeting room' {elapsed} s after the booking was made (signed delivery → inbox → targeted run); the webhook's error count is {hook?.ErrorCount ?? 0}."
            : $"Ada Lovelace is not in 'Thames meeting room' after {elapsed} s: the webhook did not reach the worker.");
        _console.Line("The periodic full sync stays the safety net for a delivery that never comes.");
        await host.StopAsync(cancellationToken);
    }

    private async Task ShowSyncAsync(CancellationToken cancellationToken)
    {
        _console.Heading("3. The sync: plan, guard and apply (AccessSynchronizer)");
        var writesBefore = _salto.Requests.GetCounters().Writes;
        var plan = await _console.StepAsync("Planning: a dry run reads both services and writes nothing", () =>
            _components.SynchronizeAsync(dryRun: true, allowMassRevocation: false, cancellationToken));
        SyncReportView.Print(_console, plan, Explain, _space.NameOf, SiteName);
        _console.Line($"SALTO KS writes during the dry run: {_salto.Requests.GetCounters().Writes - writesBefore}.");

        var applied = await _console.StepAsync("Applying: one bulk PATCH per changed group", () =>
            _components.SynchronizeAsync(dryRun: false, allowMassRevocation: false, cancellationToken));
        SyncReportView.Print(_console, applied, Explain, _space.NameOf, SiteName);
        var margarets = _salto.GetSiteUsers(DemoSpace.NewYorkSite).Count(u => string.Equals(u.User?.Email?.Trim(), "margaret@example.com", StringComparison.OrdinalIgnoreCase));
        _console.Line($"Margaret Hamilton: matched to the SALTO user that already had her e-mail; SALTO holds {margarets} user for her.");
        var frankStays = _salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonMembers).Contains(DemoSpace.Contractor);
        _console.Line($"Frank Facilities, added by hand to 'London members' (a Shared group): {(frankStays ? "still a member; the SDK removes only members it added" : "removed")}.");

        writesBefore = _salto.Requests.GetCounters().Writes;
        var again = await _console.StepAsync("Syncing again, with nothing changed", () =>
            _components.SynchronizeAsync(dryRun: false, allowMassRevocation: false, cancellationToken));
        _console.Line($"Result {again.Result}: {_salto.Requests.GetCounters().Writes - writesBefore} SALTO KS writes, {again.Changes.Count} changes.");
    }

    private void OpenDoors()
    {
        // Now that the sync created their SALTO users, members use the doors; the bridge turns that into check-ins.
        // Minutes before the clock's now (not the demo's start, which may be on yesterday by now), and on London's
        // current day even just after midnight, so the bridge, which runs next, sees today's entries.
        var now = TimeProvider.System.GetUtcNow();
        DateTimeOffset MinutesAgo(int minutes) => DemoSpace.RecentEntryTime(now, DemoSpace.LondonTimeZone, TimeSpan.FromMinutes(minutes));
        var ada = _salto.FindSiteUserByEmail(DemoSpace.LondonSite, "ada@example.com")?.User?.Id;
        var charles = _salto.FindSiteUserByEmail(DemoSpace.LondonSite, "charles@example.com")?.User?.Id;
        if (ada is { } adaId)
        {
            _salto.AddEntry(DemoSpace.LondonSite, DemoSpace.LondonFrontDoor, adaId, at: MinutesAgo(3));
        }

        if (charles is { } charlesId)
        {
            _salto.AddEntry(DemoSpace.LondonSite, DemoSpace.LondonFrontDoor, charlesId, at: MinutesAgo(15));
            _salto.AddEntry(DemoSpace.LondonSite, DemoSpace.LondonExitGate, charlesId, at: MinutesAgo(1));
        }
    }

    private async Task ShowGuardAsync(CancellationToken cancellationToken)
    {
        _console.Heading("6. The revocation guard: a mistake in Nexudus does not lock a company out");
        var charles = _space.Seed.Customer("charles@example.com");
        _nexudus.SuspendCustomer(charles.Id);
        _console.Line("Charles Babbage, paying member of Analytical Engines Ltd, is suspended in Nexudus: his team loses its office with him.");
        var held = await _console.StepAsync("Syncing", () =>
            _components.SynchronizeAsync(dryRun: false, allowMassRevocation: false, cancellationToken));
        SyncReportView.Print(_console, held, Explain, _space.NameOf, SiteName);
        _console.Line($"`sync` exits {(held.Result == Sync.SyncResult.RemovalsHeld ? ExitCodes.RemovalsHeld : ExitCodes.Done)} here: the team can still open its office until an operator decides.");
        var released = await _console.StepAsync("An operator who has read the plan releases them (sync --allow-mass-revocation)", () =>
            _components.SynchronizeAsync(dryRun: false, allowMassRevocation: true, cancellationToken));
        SyncReportView.Print(_console, released, Explain, _space.NameOf, SiteName);
    }

    private async Task ShowDoctorAsync(CancellationToken cancellationToken)
    {
        _console.Heading("7. doctor: the same checks an operator runs on a real deployment");
        var report = await _console.StepAsync("Checking configuration, logins and links", () => DoctorCommand.ExamineAsync(_services, cancellationToken));
        DoctorCommand.Print(_console, report);
    }

    private void ShowSpace()
    {
        _console.Heading("1. The demo space and its links (SaltoIntegration:Locations)");
        var table = new Table().AddColumn("Location").AddColumn("SALTO site").AddColumn("Nexudus item").AddColumn("Opens access group").AddColumn("Doors");
        foreach (var location in _settings.Locations)
        {
            var name = _space.Seed.All<Business>().FirstOrDefault(b => b.Id == location.NexudusBusinessId)?.Name ?? location.NexudusBusinessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (kind, links) in new[] { ("pass", location.Links.TimePassGroups), ("office", location.Links.FloorPlanDeskGroups), ("resource", location.Links.ResourceGroups) })
            {
                foreach (var (item, groups) in links)
                {
                    table.AddRow(
                        SampleConsole.Cell(name),
                        SampleConsole.Cell(location.SaltoSiteId),
                        SampleConsole.Cell($"{kind} '{ItemName(item)}'"),
                        SampleConsole.Cell(string.Join(", ", groups.Select(_space.NameOf))),
                        SampleConsole.Cell(string.Empty));
                }
            }

            foreach (var (lockId, role) in location.Readers)
            {
                table.AddRow(SampleConsole.Cell(name), SampleConsole.Cell(location.SaltoSiteId), SampleConsole.Cell(string.Empty), SampleConsole.Cell(string.Empty), SampleConsole.Cell($"{_space.NameOf(lockId)}: {role} reader"));
            }
        }

        table.AddRow(
            SampleConsole.Cell(DemoSpace.NewYork),
            SampleConsole.Cell(DemoSpace.NewYorkSite),
            SampleConsole.Cell("resource 'Hudson Boardroom'"),
            SampleConsole.Cell(_space.NameOf(DemoSpace.NewYorkBoardroom) + " (linked in Nexudus: AccessControlGroupId)"),
            SampleConsole.Cell(string.Empty));
        _console.Write(table);
        _console.Line("Also seeded: a suspended customer holding a pass, a tentative booking, a contractor added by hand to 'London members',");
        _console.Line("a customer SALTO already knows by e-mail, and door entries (one rejected, one by a fob nobody in Nexudus holds).");
    }

    private async Task ShowCheckInsAsync(CancellationToken cancellationToken)
    {
        _console.Heading("4. Door entries become Nexudus check-ins (CheckInBridge)");
        var bridge = _components.CreateCheckInBridge();
        var first = await _console.StepAsync("Reading door entries since the last run and writing check-ins", () => bridge.RunAsync(cancellationToken));
        CheckInReportView.Print(_console, first, Explain.Customer, _space.NameOf);

        // The same entries again: each was recorded with its outcome, so nothing is written twice.
        var again = await _console.StepAsync("Running the bridge again", () => bridge.RunAsync(cancellationToken));
        _console.Line(again.Sites.Sum(s => s.Entries.Count) == 0
            ? $"Nothing to do the second time: {again.Sites.Sum(s => s.AlreadyProcessed)} entries were already handled, each exactly once."
            : $"The second run handled {again.Sites.Sum(s => s.Entries.Count)} new entries.");
        foreach (var checkIn in _nexudus.GetAll<CheckIn>().OrderBy(c => c.FromTime))
        {
            _console.Line($"Nexudus now has: {Explain.Customer(checkIn.CoworkerId ?? 0)} checked in at {Explain.Location(checkIn.BusinessId ?? 0)} since {(checkIn.FromTime is { } from ? Explain.Clock(from, checkIn.BusinessId ?? 0) : "?")}{(checkIn.ToTime is { } to ? $", out at {Explain.Clock(to, checkIn.BusinessId ?? 0)}" : ", still in")}.");
        }
    }

    private async Task ShowReportAsync(CancellationToken cancellationToken)
    {
        _console.Heading("5. The access report (AccessReportBuilder)");
        // Around the clock's now: the doors were opened minutes before it, after the demo started.
        var now = TimeProvider.System.GetUtcNow();
        var from = now.AddHours(-2);
        var to = now.AddMinutes(5);
        var rows = await _console.StepAsync("Joining the last two hours of entries with customers", () =>
            _components.CreateReportBuilder().GetRowsAsync(from, to, cancellationToken).ToListAsync(cancellationToken).AsTask());
        var entries = new Table().AddColumn("Local time").AddColumn("Location").AddColumn("Door").AddColumn("Customer").AddColumn("E-mail").AddColumn("Result");
        var summary = new DailyPresenceSummary();
        foreach (var row in rows)
        {
            summary.Add(row);
            entries.AddRow(
                SampleConsole.Cell(row.LocalTime.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)),
                SampleConsole.Cell(row.Location),
                SampleConsole.Cell(row.Door),
                SampleConsole.Cell(row.CustomerName ?? (row.Result == global::Nexudus.Salto.CheckIns.DoorEntryResult.Opened ? "(unknown)" : "-")),
                SampleConsole.Cell(row.Email),
                SampleConsole.Cell(row.Result.ToString()));
        }

        _console.Write(entries);
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

        _console.Write(daily);
        _console.Line("The same report as CSV, JSON or a self-contained HTML page with charts: `report --from … --to … --format csv|json|html`.");
    }

    private async Task ShowDesiredAccessAsync(CancellationToken cancellationToken)
    {
        _console.Heading("2. Who should have access right now, and why (EntitlementResolver)");
        var client = _services.GetRequiredService<INexudusClient>();
        var locations = _settings.ToLocationLinks();

        // The snapshot the sync engine resolves (eligible customers only), read by the same reader; and, for the table
        // of those without access, every customer, so an archived or inactive one shows why they get nothing.
        var (snapshot, everyone, businesses) = await _console.StepAsync("Reading Nexudus (customers, passes, contracts, teams, bookings)", async () =>
            (await client.ReadSnapshotAsync(locations, _now, cancellationToken: cancellationToken),
             await client.ListCoworkersAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
             await client.ListBusinessesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken)));
        var links = LinkMapBuilder.Build(locations, snapshot);
        var access = new EntitlementResolver().Resolve(snapshot, links, _now);
        _explain = new AccessExplainer(snapshot, links, businesses);
        var siteNames = links.Locations.ToDictionary(l => l.SiteId, l => l.BusinessId, StringComparer.OrdinalIgnoreCase);

        var table = new Table().AddColumn("Customer").AddColumn("Access group").AddColumn("Why (lineage)").AddColumn("Until");
        foreach (var membership in access.Memberships.OrderBy(m => Explain.Customer(m.CustomerId), StringComparer.Ordinal))
        {
            var business = siteNames.TryGetValue(membership.SiteId, out var id) ? id : 0;
            table.AddRow(
                SampleConsole.Cell(Explain.Customer(membership.CustomerId)),
                SampleConsole.Cell($"{_space.NameOf(membership.GroupId)} ({Explain.Location(business)})"),
                SampleConsole.Cell(Explain.Why(membership.Grants)),
                SampleConsole.Cell(Explain.Local(membership.ValidUntil, business)));
        }

        _console.Write(table);
        var without = everyone.Where(c => access.GetMemberships(c.Id).Count == 0).OrderBy(c => c.FullName, StringComparer.Ordinal).ToList();
        if (without.Count > 0)
        {
            var none = new Table().AddColumn("No access right now").AddColumn("Because");
            foreach (var customer in without)
            {
                none.AddRow(SampleConsole.Cell(customer.FullName), SampleConsole.Cell(Explain.WhyNot(customer, _now)));
            }

            _console.Write(none);
        }

        _console.Line(access.NextEdge is { } edge
            ? $"Next change by itself: {edge.UtcDateTime:HH:mm:ss} UTC (a booking window opens or closes, a pass expires); `watch` wakes exactly then."
            : "Nothing changes by itself until Nexudus changes.");
        foreach (var issue in access.Issues)
        {
            _console.Line($"Link issue: {issue.Message}");
        }
    }

    private string ItemName(long id) =>
        _space.Seed.All<TimePass>().FirstOrDefault(p => p.Id == id)?.Name
        ?? _space.Seed.All<FloorPlanDesk>().FirstOrDefault(d => d.Id == id)?.Name
        ?? _space.Seed.All<Resource>().FirstOrDefault(r => r.Id == id)?.Name
        ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
