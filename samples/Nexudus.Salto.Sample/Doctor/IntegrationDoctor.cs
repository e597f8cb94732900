using System.Globalization;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.PostgreSql;
using Nexudus.Salto.State;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sample.Settings;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Webhooks;

namespace Nexudus.Salto.Sample.Doctor;

/// <summary>
/// Checks a deployment end to end without changing anything: the configuration, both logins, and that every
/// linked location, pass, desk, resource, access group and reader lock exists where the configuration says.
/// </summary>
/// <remarks>Reads only; every problem becomes a <see cref="DoctorFinding"/> that says how to fix it.</remarks>
internal sealed class IntegrationDoctor(
    Func<INexudusClient> nexudusClient, Func<ISaltoKsClient> saltoClient, Func<PostgreSqlSyncStateStore?>? postgreSql = null)
{
    private readonly List<(string, string)> _checks = [];
    private readonly List<DoctorFinding> _findings = [];

    /// <summary>Runs every check.</summary>
    /// <param name="configuration">The checked configuration.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <returns>What was checked and what is wrong.</returns>
    public async Task<DoctorReport> ExamineAsync(ConfigurationCheck configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var error in configuration.AllErrors)
        {
            var key = KeyOf(error);
            Error(error, key, error.Contains("is not a known setting", StringComparison.Ordinal)
                ? $"Correct or remove {key} wherever it is set (settings file, environment, command line)."
                : key.Contains(':', StringComparison.Ordinal)
                ? $"Set {key} in the deployment's settings file, as {key.Replace(":", "__", StringComparison.Ordinal)} in the environment, or as --{key}=… on the command line."
                : "Correct the setting named in the problem.");
        }

        _checks.Add(("Configuration", configuration.IsValid ? "valid" : $"{configuration.AllErrors.Count()} bad key(s)"));
        var settings = configuration.Integration;
        if (postgreSql?.Invoke() is { } store)
        {
            await CheckPostgreSqlAsync(store, cancellationToken);
        }
        else
        {
            await CheckStatePathAsync(settings.Options.StatePath, cancellationToken);
        }

        LinkMap? links = null;
        if (configuration.NexudusErrors.Count == 0)
        {
            links = await CheckNexudusAsync(nexudusClient(), settings, cancellationToken);
            await CheckWebhooksAsync(nexudusClient(), settings, cancellationToken);
            await CheckInvoicesAsync(nexudusClient(), settings, cancellationToken);
        }
        else
        {
            _checks.Add(("Nexudus login", "not tried: fix the Nexudus settings first"));
        }

        if (configuration.SaltoKsErrors.Count == 0)
        {
            await CheckSaltoAsync(saltoClient(), links is null ? null : nexudusClient(), settings, links, cancellationToken);
        }
        else
        {
            _checks.Add(("SALTO KS login", "not tried: fix the SaltoKs settings first"));
        }

        return new DoctorReport
        {
            Checks = [.. _checks],
            Findings = [.. _findings.OrderByDescending(f => f.Severity)],
        };
    }

    private async Task<LinkMap?> CheckNexudusAsync(INexudusClient client, IntegrationSettings settings, CancellationToken cancellationToken)
    {
        List<Business> businesses;
        try
        {
            businesses = await client.ListBusinessesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        }
        catch (NexudusAuthenticationException)
        {
            Error("Nexudus refused the username or password.", "Nexudus:Username, Nexudus:Password",
                "Use the e-mail and password of a Nexudus administrator with API access (and Nexudus:ClientId when the account uses one).");
            _checks.Add(("Nexudus login", "refused"));
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever failed (an HTTP error, a refused connection, a resilience timeout or open circuit) is the answer.
            Error($"Nexudus could not be reached: {e.Message}", "Nexudus:BaseUrl", "Check the address (https://spaces.nexudus.com for most spaces) and the network.");
            _checks.Add(("Nexudus login", "unreachable"));
            return null;
        }

        _checks.Add(("Nexudus login", $"ok, {businesses.Count} location(s) visible"));
        var known = businesses.ToDictionary(b => b.Id);
        var zones = await client.ListSimpleTimeZonesAsync(cancellationToken: cancellationToken).ToDictionaryAsync(z => z.Id, cancellationToken: cancellationToken);
        foreach (var location in settings.Locations.Where(l => l.NexudusBusinessId > 0))
        {
            if (!known.TryGetValue(location.NexudusBusinessId, out var business))
            {
                Error($"Nexudus has no location {location.NexudusBusinessId} that this user can see.", $"{location.Path}:NexudusBusinessId",
                    "Use the id of a location (business) of your space, or give the Nexudus user access to it.");
            }
            else if (business.SimpleTimeZoneId is not { } zoneId || !zones.TryGetValue(zoneId, out var zone) || !NexudusTimeZones.TryResolve(zone, out _))
            {
                Error($"Location {business.Name} ({business.Id}) has no time zone this machine knows; it would not be synced.", $"Nexudus location {business.Id}",
                    "Set the location's time zone in Nexudus (Settings > General).");
            }
        }

        // The linked items, and the links Nexudus itself holds, checked by the same builder the sync uses.
        var snapshot = new NexudusSnapshot
        {
            TimePasses = await client.ListTimePassesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
            FloorPlanDesks = await client.ListFloorPlanDesksAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
            Resources = await client.ListResourcesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken),
        };
        var links = LinkMapBuilder.Build(settings.ToLocationLinks(), snapshot);
        foreach (var issue in links.Issues)
        {
            Report(issue, settings);
        }

        var linked = links.Locations.Sum(l => l.TimePassGroups.Count + l.FloorPlanDeskGroups.Count + l.ResourceGroups.Count);
        _checks.Add(("Linked passes, desks and resources", $"{linked} link(s) resolved, {links.Issues.Count} issue(s)"));
        return links;
    }

    private async Task CheckSaltoAsync(ISaltoKsClient client, INexudusClient? nexudus, IntegrationSettings settings, LinkMap? links, CancellationToken cancellationToken)
    {
        var loggedIn = false;
        foreach (var location in settings.Locations.Where(l => l.SaltoSiteId.Length > 0))
        {
            var site = location.SaltoSiteId;
            Site siteInfo;
            try
            {
                siteInfo = await client.GetSiteAsync(site, cancellationToken);
                loggedIn = true;
            }
            catch (SaltoKsAuthenticationException)
            {
                Error("SALTO KS refused the client or user credentials.", "SaltoKs:ClientId, SaltoKs:ClientSecret, SaltoKs:Username, SaltoKs:Password",
                    "Use the API client SALTO issued for your integration and a user with access to the site.");
                _checks.Add(("SALTO KS login", "refused"));
                return;
            }
            catch (Exception e) when (e is SaltoKsNotFoundException or SaltoKsForbiddenException)
            {
                loggedIn = true;
                Error($"SALTO KS site {site} does not exist or this user cannot manage it.", $"{location.Path}:SaltoSiteId",
                    "Use the site's id (a UUID, not its code) and give the integration user the site's admin role.");
                continue;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Error($"SALTO KS could not be reached: {e.Message}", "SaltoKs:BaseUrl, SaltoKs:IdentityUrl", "Check the addresses (connect.my-clay.com and your region's identity server) and the network.");
                _checks.Add(("SALTO KS login", "unreachable"));
                return;
            }

            await CheckSiteAsync(client, location, links?.Locations.FirstOrDefault(l => l.BusinessId == location.NexudusBusinessId), cancellationToken);
            await CheckSeatsAsync(client, siteInfo, cancellationToken);
            await CheckTagsAsync(client, site, cancellationToken);
            if (nexudus is not null)
            {
                await CompareAccessCardsAsync(nexudus, client, site, cancellationToken);
            }
        }

        _checks.Add(("SALTO KS login", settings.Locations.Count == 0 ? "not tried: no location configured" : loggedIn ? "ok" : "not tried"));
    }

    private async Task CheckSiteAsync(ISaltoKsClient client, LocationSettings location, LocationLinkMap? map, CancellationToken cancellationToken)
    {
        var site = location.SaltoSiteId;
        var groups = await client.GetAccessGroupsAsync(site, cancellationToken: cancellationToken).ToDictionaryAsync(g => g.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var locks = await client.GetLocksAsync(site, cancellationToken: cancellationToken).ToDictionaryAsync(l => l.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);

        // The configured links name the groups (and where they are configured); the link map adds Nexudus' own links.
        var linkedGroups = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        AddConfigured(linkedGroups, location.Path, "TimePassGroups", location.Links.TimePassGroups);
        AddConfigured(linkedGroups, location.Path, "FloorPlanDeskGroups", location.Links.FloorPlanDeskGroups);
        AddConfigured(linkedGroups, location.Path, "ResourceGroups", location.Links.ResourceGroups);
        if (map is not null)
        {
            AddFromNexudus(linkedGroups, "time pass", map.TimePassGroups);
            AddFromNexudus(linkedGroups, "floor-plan desk", map.FloorPlanDeskGroups);
            AddFromNexudus(linkedGroups, "resource", map.ResourceGroups);
        }

        var withoutSchedule = 0;
        foreach (var (group, where) in linkedGroups)
        {
            if (!groups.ContainsKey(group))
            {
                Error($"Access group {group} does not exist at SALTO site {site}; its links grant nothing.", where,
                    "Create the group in SALTO KS (with its doors), or correct the id.");
                continue;
            }

            var doors = await client.GetAccessGroupLocksAsync(site, group, cancellationToken).CountAsync(cancellationToken);
            if (doors == 0)
            {
                Warning($"Access group {Name(groups[group])} opens no door: its members gain nothing.", where, "Add the group's locks in SALTO KS.");
            }

            // SALTO KS never rolls a group without a time schedule out to the locks: its members are rejected at the door.
            if (!await client.GetTimeSchedulesAsync(site, group, cancellationToken).AnyAsync(cancellationToken))
            {
                withoutSchedule++;
                if (location.CreateMissingGroupSchedules)
                {
                    continue; // sync gives it the always-open schedule; the check line says so
                }

                if (location.WritePassSchedules && location.Links.TimePassGroups.Values.Any(ids => ids.Contains(group, StringComparer.OrdinalIgnoreCase)))
                {
                    continue; // sync writes the pass's time slots as the group's schedules; a pass without slots is warned about by sync
                }

                Warning($"Access group {Name(groups[group])} has no time schedule, so SALTO KS never rolls it out to the locks and its members are rejected at the door.", where,
                    $"Add a schedule in SALTO KS (every weekday, 00:00-23:59 for always open), or set {location.Path}:CreateMissingGroupSchedules to true so sync adds it.");
            }
        }

        foreach (var (lockId, role) in location.Readers)
        {
            if (!locks.ContainsKey(lockId))
            {
                Error($"Lock {lockId} (a {role} reader) does not exist at SALTO site {site}; its entries are never bridged.", $"{location.Path}:Readers:{lockId}",
                    "Use the id of a lock of this site (doctor lists none it cannot see), or remove the reader.");
            }
        }

        _checks.Add(($"SALTO site {site}", $"{groups.Count} group(s), {locks.Count} lock(s); {linkedGroups.Count} linked group(s), {location.Readers.Count} reader(s) checked"));
        _checks.Add(($"SALTO site {site} schedules", withoutSchedule == 0 ? "every linked group has a time schedule"
            : $"{withoutSchedule} linked group(s) without a time schedule{(location.CreateMissingGroupSchedules ? "; sync adds the always-open one" : location.WritePassSchedules ? "; sync writes pass time slots where linked" : string.Empty)}"));
    }

    // Seats: the site's active_user_amount (used) and subscribed_user_amount (bought), else the subscription's user_amount.
    private async Task CheckSeatsAsync(ISaltoKsClient client, Site site, CancellationToken cancellationToken)
    {
        var seats = site.SubscribedUserAmount;
        if (seats is null)
        {
            try
            {
                seats = (await client.GetSiteSubscriptionAsync(site.Id, cancellationToken)).UserAmount;
            }
            catch (Exception e) when (e is SaltoKsApiException or HttpRequestException)
            {
                // Neither answer is guaranteed; the line below says what is known.
            }
        }

        var used = site.ActiveUserAmount;
        _checks.Add(($"SALTO site {site.Id} seats", (used, seats) switch
        {
            ({ } u, { } s) => string.Create(CultureInfo.InvariantCulture, $"{u} used of {s}"),
            ({ } u, null) => string.Create(CultureInfo.InvariantCulture, $"{u} used; seats bought unknown"),
            (null, { } s) => string.Create(CultureInfo.InvariantCulture, $"{s} bought; seats used unknown"),
            _ => "unknown: the site shows neither count",
        }));
        if (used is { } inUse && seats is { } bought && inUse >= bought)
        {
            Warning($"Every seat of SALTO site {site.Id} is used ({inUse} of {bought}): a user created now is suspended and opens nothing, and sync reports it as a failure.",
                $"SALTO site {site.Id}", "Delete users who no longer need access, or add seats to the site's subscription.");
        }
    }

    // Access Card Ids of active customers against the tag_number SALTO shows on the site user with the same e-mail.
    // Counts only: card numbers never reach the output.
    private async Task CompareAccessCardsAsync(INexudusClient nexudus, ISaltoKsClient salto, string site, CancellationToken cancellationToken)
    {
        var users = await salto.GetSiteUsersAsync(site, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var byEmail = new Dictionary<string, SiteUser>(StringComparer.OrdinalIgnoreCase);
        var holders = new Dictionary<string, SiteUserId>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            if (user.User?.Email?.Trim() is { Length: > 0 } email)
            {
                byEmail.TryAdd(email, user);
            }

            if (user.User?.TagNumber?.Trim() is { Length: > 0 } number)
            {
                holders.TryAdd(number, user.Id);
            }
        }

        int compared = 0, missing = 0, other = 0, stale = 0;
        await foreach (var customer in nexudus.ListCoworkersAsync(new CoworkerQuery { Active = true, Archived = false }, cancellationToken))
        {
            var cards = (customer.AccessCardId ?? string.Empty).Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (cards.Length == 0 || customer.Email?.Trim() is not { Length: > 0 } mail || !byEmail.TryGetValue(mail, out var user))
            {
                continue;
            }

            compared++;
            var held = user.User?.TagNumber?.Trim();
            foreach (var card in cards.Where(c => !string.Equals(c, held, StringComparison.OrdinalIgnoreCase)))
            {
                if (holders.TryGetValue(card, out var holder) && holder != user.Id)
                {
                    other++;
                }
                else
                {
                    missing++;
                }
            }

            stale += held is { Length: > 0 } && !cards.Contains(held, StringComparer.OrdinalIgnoreCase) ? 1 : 0;
        }

        _checks.Add(($"SALTO site {site} Access Card Ids", string.Create(
            CultureInfo.InvariantCulture,
            $"{compared} customer(s) with a card and a SALTO user compared: {missing} number(s) missing on SALTO, {other} held by another person, {stale} stale tag(s)")));
        if (missing + other + stale > 0)
        {
            Warning(
                string.Create(CultureInfo.InvariantCulture, $"At SALTO site {site}, {missing + other + stale} tag(s) differ from the customers' Access Card Ids ({missing} missing, {other} held by another person, {stale} stale)."),
                $"SALTO site {site}",
                "Register and assign the tags in SALTO KS, or correct the Access Card Ids in Nexudus; each sync report lists them per customer (TagDifferences).");
        }
    }

    // Tags: whether the site answers on the tag list endpoint, which no public capture shows. Missing is not an error.
    private async Task CheckTagsAsync(ISaltoKsClient client, string site, CancellationToken cancellationToken)
    {
        string status;
        try
        {
            await using var tags = client.GetTagsAsync(site, cancellationToken).GetAsyncEnumerator(cancellationToken);
            _ = await tags.MoveNextAsync();
            status = "tag list answers: sync assigns tags from Access Card Ids";
        }
        catch (SaltoKsApiException e) when (e.Status is 404 or 405)
        {
            status = $"no tag endpoint ({e.Status}): sync does not assign tags here and reports Access Card Ids that differ from the tag numbers SALTO shows";
        }
        catch (Exception e) when (e is SaltoKsApiException or HttpRequestException)
        {
            status = $"not known: {e.Message}";
        }

        _checks.Add(($"SALTO site {site} tags", status));
    }

    // Read-only: connects, reads the schema version and the live site leases; never migrates or writes.
    private async Task CheckPostgreSqlAsync(PostgreSqlSyncStateStore store, CancellationToken cancellationToken)
    {
        try
        {
            var (version, leases) = await store.InspectAsync(cancellationToken);
            if (version is null)
            {
                _checks.Add(("State store", $"{store.Location}: reachable; the first run creates the schema"));
                return;
            }

            if (version > PostgreSqlSyncStateStore.CurrentSchemaVersion)
            {
                Error($"The state in {store.Location} has schema version {version}, newer than this build understands ({PostgreSqlSyncStateStore.CurrentSchemaVersion}).",
                    "SaltoIntegration:PostgreSql:Schema", "Upgrade Nexudus.Salto.PostgreSql on this host, or point Schema at another schema.");
            }

            _checks.Add(("State store", string.Create(CultureInfo.InvariantCulture, $"{store.Location}: schema version {version}; {leases.Count} site lease(s) held")));
            foreach (var lease in leases)
            {
                _checks.Add(($"Site lease {lease.SiteId}", string.Create(CultureInfo.InvariantCulture, $"held by {lease.Holder} until {lease.ExpiresAt:yyyy-MM-dd HH:mm:ss}Z (token {lease.FencingToken})")));
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            Error($"The PostgreSQL state store {store.Location} could not be read: {e.Message}", "SaltoIntegration:PostgreSql:ConnectionString",
                "Check the host, port, database, user and password, that the server accepts connections from this host, and that the user may create the schema.");
            _checks.Add(("State store", "PostgreSQL unreachable"));
        }
    }

    // Read-only: the folder must exist (the store creates its file, not its folders), and an existing file must be
    // the sync state (a corrupt or foreign file would stop every sync); nothing is created or written to try it.
    private async Task CheckStatePathAsync(string? statePath, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(statePath))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(statePath));
        if (folder is not null && !Directory.Exists(folder))
        {
            Error($"The state store's folder {folder} does not exist; the first sync could not save what it did.", "SaltoIntegration:StatePath",
                "Create the folder (writable by the account that runs the sync), or point StatePath elsewhere.");
            _checks.Add(("State store", "folder missing"));
            return;
        }

        try
        {
            var version = await new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = statePath }).InspectAsync(cancellationToken);
            _checks.Add(("State store", version is { } v
                ? string.Create(CultureInfo.InvariantCulture, $"present, schema version {v}")
                : "folder exists; the first run creates the file"));
            if (version > SqliteSyncStateStore.CurrentSchemaVersion)
            {
                Error(string.Create(CultureInfo.InvariantCulture, $"The state file {statePath} has schema version {version}, newer than this build understands ({SqliteSyncStateStore.CurrentSchemaVersion})."),
                    "SaltoIntegration:StatePath", "Upgrade Nexudus.Salto on this host, or point StatePath at another file.");
            }
        }
        catch (InvalidOperationException e)
        {
            Error(e.Message, "SaltoIntegration:StatePath",
                "Restore the file from a backup, or move it aside and run `sync --rebuild-ownership --dry-run`, then `sync --rebuild-ownership`.");
            _checks.Add(("State store", "unusable"));
        }
    }

    private static string Name(AccessGroup group) => group.CustomerReference is { Length: > 0 } name ? $"{name} ({group.Id})" : group.Id;

    private static void AddConfigured(Dictionary<string, string> groups, string path, string key, IReadOnlyDictionary<long, IReadOnlyList<string>> links)
    {
        foreach (var (item, ids) in links)
        {
            foreach (var group in ids)
            {
                groups.TryAdd(group, $"{path}:{key}:{item.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static void AddFromNexudus(Dictionary<string, string> groups, string kind, IReadOnlyDictionary<long, IReadOnlyList<string>> links)
    {
        foreach (var (item, ids) in links)
        {
            foreach (var group in ids)
            {
                groups.TryAdd(group, $"Nexudus {kind} {item.ToString(CultureInfo.InvariantCulture)} (AccessControlGroupId)");
            }
        }
    }

    private void Report(LinkIssue issue, IntegrationSettings settings)
    {
        var location = settings.Locations.FirstOrDefault(l => l.NexudusBusinessId == issue.BusinessId);
        var path = location?.Path ?? "SaltoIntegration:Locations";
        var key = issue.ItemKind switch
        {
            LinkedItemKind.TimePass => "TimePassGroups",
            LinkedItemKind.FloorPlanDesk => "FloorPlanDeskGroups",
            LinkedItemKind.Resource => "ResourceGroups",
            _ => null,
        };
        var where = key is not null && issue.ItemId is { } item ? $"{path}:{key}:{item.ToString(CultureInfo.InvariantCulture)}" : path;
        switch (issue.Kind)
        {
            case LinkIssueKind.UnknownItem:
                Error(issue.Message, where, $"Use the id of an existing {Describe(issue.ItemKind)} of location {issue.BusinessId}, or remove the link.");
                break;
            case LinkIssueKind.ItemInOtherLocation:
                Error(issue.Message, where, "Move the link to the location the item belongs to.");
                break;
            case LinkIssueKind.OwnershipWithoutLink:
            case LinkIssueKind.OwnershipConflict:
                Warning(issue.Message, issue.GroupId is { } group ? $"{path}:GroupOwnership:{group}" : path, "Make every location that links the group agree, or remove the entry.");
                break;
            default:
                Error(issue.Message, where, "Correct the location's settings.");
                break;
        }
    }

    private static string Describe(LinkedItemKind? kind) => kind switch
    {
        LinkedItemKind.TimePass => "time pass",
        LinkedItemKind.FloorPlanDesk => "floor-plan desk or office",
        LinkedItemKind.Resource => "resource",
        _ => "item",
    };

    /// <summary>With <c>SaltoIntegration:Webhooks:PublicUrl</c> set, reports missing, disabled, misdirected and failing webhooks.</summary>
    private async Task CheckWebhooksAsync(INexudusClient client, IntegrationSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Options.Webhooks?.PublicUrl is not { } publicUrl)
        {
            return;
        }

        IReadOnlyList<WebhookRegistration> found;
        try
        {
            found = await new NexudusWebhookRegistrar(client).InspectAsync(settings.Locations.Select(l => l.Links.NexudusBusinessId), publicUrl, cancellationToken);
        }
        catch (NexudusApiException ex)
        {
            Warning($"The webhooks could not be read: {ex.Message}", "Nexudus webhooks", "Check that the Nexudus user may read /api/sys/webhooks, then run doctor again.");
            _checks.Add(("Nexudus webhooks", "could not be read"));
            return;
        }

        var fix = "Run the sample's `webhooks` command: it creates what is missing and replaces disabled or misdirected webhooks.";
        foreach (var problem in found.Where(f => f.Status != WebhookRegistrationStatus.Registered))
        {
            var what = problem.Status switch
            {
                WebhookRegistrationStatus.Missing => "is missing",
                WebhookRegistrationStatus.Disabled => $"was disabled by Nexudus after {problem.ErrorCount ?? 0} failed deliveries (last error: {problem.LastError ?? "none recorded"})",
                _ => "points at another URL",
            };
            Warning($"The {problem.Action} webhook of location {problem.BusinessId} {what}; changes of that kind reach SALTO only at the next full sync.", $"Nexudus webhook {problem.Action}", fix);
        }

        foreach (var failing in found.Where(f => f.Status == WebhookRegistrationStatus.Registered && f.ErrorCount > 0))
        {
            Warning(
                $"The {failing.Action} webhook of location {failing.BusinessId} failed {failing.ErrorCount} time(s) (last error: {failing.LastError ?? "none recorded"}); Nexudus disables a webhook after repeated failures.",
                $"Nexudus webhook {failing.Action}",
                $"Check that {failing.Url} is reachable from the internet and that SaltoIntegration:Webhooks:SharedSecret matches the secret Nexudus signs with.");
        }

        var ok = found.Count(f => f.Status == WebhookRegistrationStatus.Registered);
        _checks.Add(("Nexudus webhooks", ok == found.Count ? $"all {ok} registered" : $"{ok} of {found.Count} registered"));
    }

    /// <summary>Where payment-aware access is on, says who an overdue invoice would take access from at the next sync, and why.</summary>
    private async Task CheckInvoicesAsync(INexudusClient client, IntegrationSettings settings, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        foreach (var location in settings.Locations.Where(l => l.SuspendAfterOverdueDays is not null && l.NexudusBusinessId > 0))
        {
            var check = $"Overdue invoices at location {location.NexudusBusinessId.ToString(CultureInfo.InvariantCulture)}";
            List<CoworkerInvoice> invoices;
            try
            {
                invoices = await client.ListCoworkerInvoicesAsync(
                    new CoworkerInvoiceQuery { BusinessId = location.NexudusBusinessId, DueDate = NexudusDateRange.Until(now) }, cancellationToken).ToListAsync(cancellationToken);
            }
            catch (NexudusApiException ex)
            {
                Warning($"The invoices of location {location.NexudusBusinessId} could not be read ({ex.Status}); sync suspends and restores nobody there for payment until they can.",
                    $"{location.Path}:SuspendAfterOverdueDays", "Give the Nexudus user the CoworkerInvoice-List role, or unset SuspendAfterOverdueDays.");
                _checks.Add((check, "could not be read"));
                continue;
            }

            var suspensions = OverdueInvoices.FindSuspensions(invoices, location.NexudusBusinessId, location.SuspendAfterOverdueDays!.Value, now);
            _checks.Add((check, suspensions.Count == 0
                ? "nobody would lose access"
                : $"{suspensions.Count} customer(s) would lose the access the SDK granted: " +
                  string.Join("; ", suspensions.Select(s => $"customer {s.CustomerId.ToString(CultureInfo.InvariantCulture)} ({s.Reason})"))));
        }
    }

    // Messages start with the key they are about ("Nexudus:BaseUrl must …"); the key is the place to fix.
    private static string KeyOf(string error)
    {
        var end = error.IndexOf(' ', StringComparison.Ordinal);
        var key = (end > 0 ? error[..end] : error).TrimEnd(':', ',', '.');
        return key.Contains(':', StringComparison.Ordinal) ? key : "configuration";
    }

    private void Error(string problem, string where, string fix) =>
        _findings.Add(new DoctorFinding { Severity = DoctorSeverity.Error, Problem = problem, Where = where, Fix = fix });

    private void Warning(string problem, string where, string fix) =>
        _findings.Add(new DoctorFinding { Severity = DoctorSeverity.Warning, Problem = problem, Where = where, Fix = fix });
}
