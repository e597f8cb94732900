using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Guests;

/// <summary>
/// Guests and visitors at the door: booking guests (Nexudus booking visitors) of locations with
/// <see cref="IntegrationLocation.BookingGuests"/> get the booking's linked groups for the booking window with its buffers;
/// expected visitors approved by their host get the location's <see cref="IntegrationLocation.VisitorGroups"/> from
/// <see cref="IntegrationLocation.VisitorAccessBefore"/> before the expected arrival until the end of that local day. Each
/// becomes a SALTO KS guest user with a PIN (handed to the <see cref="IGuestCredentialSink"/>) and is deleted when its
/// window is over.
/// </summary>
/// <remarks>
/// <para>
/// A guest is created only for a reason in Nexudus and deleted only for one (its window is over, the booking is no
/// longer current, the guest left the booking, the visitor is no longer approved or expected), never because a read
/// failed. Only guests the SDK created are deleted: they are recorded in the state store (one named value per site)
/// the moment SALTO KS answers the create.
/// </para>
/// <para>
/// A guest holds a seat until deleted, so deletions run first and a guest is created only while the site keeps
/// <see cref="IntegrationLocation.GuestSeatReserve"/> seats free for members after it.
/// </para>
/// </remarks>
internal sealed partial class GuestAccess(
    INexudusClient nexudus, ISaltoKsClient salto, ISyncStateStore store, IGuestCredentialSink sink, TimeProvider time, TimeSpan lookAhead, ILogger logger)
{
    /// <summary>The prefix of the state-store value holding a site's guest records.</summary>
    public const string StateKeyPrefix = "nexudus-salto:guests:";

    private const int MaxAliasLength = 64;

    /// <summary>Tells whether any location lets guests or visitors in.</summary>
    public static bool IsOn(IEnumerable<IntegrationLocation> locations) => locations.Any(IsOn);

    private static bool IsOn(IntegrationLocation location) => location.BookingGuests || location.VisitorGroups.Count > 0;

    /// <summary>Makes this run's guest changes: deletions first (they free seats), then creations.</summary>
    public async Task<GuestRun> RunAsync(GuestRunInput input, CancellationToken cancellationToken)
    {
        var errors = new List<SyncError>();
        var changes = new List<GuestChange>();
        var sites = input.Locations.Select(l => l.Links.SaltoSiteId.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // What the SDK created before, per site; a site whose records cannot be read is left alone.
        var records = new Dictionary<string, List<GuestRecord>>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in sites)
        {
            try
            {
                records[site] = await LoadAsync(site, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                GuestLog.RecordsUnreadable(logger, site, ex);
                errors.Add(new SyncError { Kind = SyncErrorKind.Guest, SiteId = site, Message = $"The guest records of site {site} could not be read; guests there are left alone this run." });
            }
        }

        if (!IsOn(input.Locations) && records.Values.All(r => r.Count == 0))
        {
            return new GuestRun();
        }

        var wanted = await WantedAsync(input, errors, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? next = wanted.NextStart;
        foreach (var site in sites.Where(records.ContainsKey))
        {
            var siteRecords = records[site];
            var siteWanted = wanted.Guests.Values.Where(w => Same(w.SiteId, site)).OrderBy(w => w.From).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();

            // 1. Deletions (a window over, or no reason left in Nexudus) and window updates of the guests kept.
            var kept = new List<GuestRecord>();
            var deleted = 0;
            foreach (var record in siteRecords)
            {
                var reason = DeletionReason(record, wanted, input);
                if (reason is null)
                {
                    var update = wanted.Guests.GetValueOrDefault(record.Key);
                    var current = update is null ? record : record with { ValidUntil = update.Until, Lineage = update.Lineage };
                    kept.Add(current);
                    next = Earliest(next, current.ValidUntil);
                    continue;
                }

                var change = Change(record, GuestChangeKind.Delete, SyncChangeOutcome.Planned, reason);
                if (input.DryRun)
                {
                    changes.Add(change);
                    kept.Add(record);
                    continue;
                }

                try
                {
                    await salto.DeleteSiteUserAsync(site, new SiteUserId(record.SiteUserId), cancellationToken).ConfigureAwait(false);
                    GuestLog.Deleted(logger, record.SiteUserId, record.Key, site, reason);
                    changes.Add(change with { Outcome = SyncChangeOutcome.Applied });
                    deleted++;
                }
                catch (Exception ex) when (IsServiceFailure(ex, cancellationToken))
                {
                    GuestLog.StepFailed(logger, record.Key, site, "deleting the guest", ex);
                    changes.Add(change with { Outcome = SyncChangeOutcome.Failed, Detail = $"{reason}; deleting failed: {Describe(ex)}" });
                    errors.Add(Error(site, $"Deleting guest {record.SiteUserId} ({record.Key}) failed; the next run tries again: {Describe(ex)}"));
                    kept.Add(record);
                }
            }

            if (!input.DryRun && (deleted > 0 || !SameRecords(siteRecords, kept)))
            {
                await SaveAsync(site, kept, cancellationToken).ConfigureAwait(false);
            }

            // 2. Guests kept: missing groups and a PIN not yet handed over are completed.
            for (var i = 0; i < kept.Count && !input.DryRun; i++)
            {
                if (wanted.Guests.GetValueOrDefault(kept[i].Key) is { } guest &&
                    (!kept[i].PinIssued || guest.Groups.Any(g => !kept[i].Groups.Contains(g, StringComparer.OrdinalIgnoreCase))))
                {
                    kept[i] = await CompleteAsync(kept[i], guest, errors, changes, created: false, cancellationToken).ConfigureAwait(false);
                    await SaveAsync(site, kept, cancellationToken).ConfigureAwait(false);
                }
            }

            // 3. Creations, while the site keeps its reserve of seats.
            var seats = new SeatCount(salto, site);
            foreach (var guest in siteWanted.Where(w => !kept.Any(r => r.Key == w.Key)))
            {
                var change = Change(guest);
                var refusal = await seats.RefusalAsync(guest.SeatReserve, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    GuestLog.Refused(logger, guest.Key, site, refusal);
                    changes.Add(change with { Kind = GuestChangeKind.Refuse, Outcome = input.DryRun ? SyncChangeOutcome.Planned : SyncChangeOutcome.Skipped, Detail = refusal });
                    continue;
                }

                if (input.DryRun)
                {
                    seats.Take();
                    changes.Add(change);
                    continue;
                }

                var (record, usable) = await CreateAsync(guest, change, changes, errors, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    continue;
                }

                seats.Take();
                kept.Add(record);
                await SaveAsync(site, kept, cancellationToken).ConfigureAwait(false);
                if (!usable)
                {
                    continue;
                }

                var completed = await CompleteAsync(record, guest, errors, changes, created: true, cancellationToken).ConfigureAwait(false);
                kept[^1] = completed;
                await SaveAsync(site, kept, cancellationToken).ConfigureAwait(false);
                next = Earliest(next, completed.ValidUntil);
            }
        }

        return new GuestRun { Changes = changes, Errors = errors, NextEdge = next };
    }

    // Why a recorded guest goes now, or null to keep it. A read that failed keeps every guest depending on it.
    private static string? DeletionReason(GuestRecord record, WantedGuests wanted, GuestRunInput input)
    {
        if (input.Now >= record.ValidUntil)
        {
            return string.Create(CultureInfo.InvariantCulture, $"its window ended at {record.ValidUntil:u}");
        }

        if (record.Suspended)
        {
            return "SALTO KS created the guest suspended (no free seat), so it opens nothing";
        }

        if (wanted.Guests.ContainsKey(record.Key))
        {
            return null;
        }

        var location = input.Locations.FirstOrDefault(l => l.Links.NexudusBusinessId == record.BusinessId && Same(l.Links.SaltoSiteId.Trim(), record.SiteId));
        if (record.Source == GuestSource.BookingGuest)
        {
            if (location is not { BookingGuests: true } || record.BookingId is not { } bookingId)
            {
                return null; // turned off: the guest keeps the window it was given
            }

            if (wanted.CurrentBookings.Contains(bookingId))
            {
                return wanted.BookingsRead.Contains(bookingId)
                    ? string.Create(CultureInfo.InvariantCulture, $"the guest is no longer on booking #{bookingId}")
                    : null;
            }

            return input.NexudusReadClean
                ? string.Create(CultureInfo.InvariantCulture, $"booking #{bookingId} no longer gives access (cancelled, moved or its customer no longer entitled)")
                : null;
        }

        if (location is not { VisitorGroups.Count: > 0 } || !wanted.VisitorsRead.Contains(record.BusinessId))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"visitor #{record.VisitorId} is no longer expected today with the host's approval (AcceptedAndGrant)");
    }

    // The record of the created guest (null when none is left on the site), and whether it can be given a PIN and groups.
    private async Task<(GuestRecord? Record, bool Usable)> CreateAsync(WantedGuest guest, GuestChange change, List<GuestChange> changes, List<SyncError> errors, CancellationToken cancellationToken)
    {
        SiteUser created;
        try
        {
            created = await salto.CreateGuestAsync(guest.SiteId, new GuestCreateRequest { Alias = guest.Alias, ExpiresAt = guest.Until }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsServiceFailure(ex, cancellationToken))
        {
            GuestLog.StepFailed(logger, guest.Key, guest.SiteId, "creating the guest", ex);
            changes.Add(change with { Outcome = SyncChangeOutcome.Failed, Detail = $"creating the guest failed: {Describe(ex)}" });
            errors.Add(Error(guest.SiteId, $"Creating the guest for {guest.Key} failed; the next run tries again: {Describe(ex)}"));
            return (null, false);
        }

        var record = new GuestRecord
        {
            Key = guest.Key,
            Source = guest.Source,
            SiteId = guest.SiteId,
            BusinessId = guest.BusinessId,
            SiteUserId = created.Id.Value,
            UserId = created.User?.Id.Value ?? string.Empty,
            Alias = guest.Alias,
            BookingId = guest.BookingId,
            VisitorId = guest.VisitorId,
            BookingVisitorId = guest.BookingVisitorId,
            HostCustomerId = guest.Host,
            ValidFrom = guest.From,
            ValidUntil = guest.Until,
            Lineage = guest.Lineage,
            CreatedAt = time.GetUtcNow(),
        };
        GuestLog.Created(logger, record.SiteUserId, record.Key, record.SiteId, record.ValidUntil);
        if (created.SubscriptionState == SubscriptionState.Suspended || created.User is null)
        {
            // SALTO KS answers 201 with the guest suspended when no seat is free: it would open nothing, so it goes again.
            var reason = created.User is null
                ? "SALTO KS created the guest without a platform user id, so it cannot join a group; it was deleted"
                : "SALTO KS had no free seat (it created the guest suspended); the guest was deleted";
            try
            {
                await salto.DeleteSiteUserAsync(guest.SiteId, created.Id, cancellationToken).ConfigureAwait(false);
                changes.Add(change with { Kind = GuestChangeKind.Refuse, SiteUserId = created.Id, Outcome = SyncChangeOutcome.Skipped, Detail = reason });
                GuestLog.Refused(logger, guest.Key, guest.SiteId, reason);
                return (null, false);
            }
            catch (Exception ex) when (IsServiceFailure(ex, cancellationToken))
            {
                // Kept on record, so the next run deletes it when its window ends at the latest.
                GuestLog.StepFailed(logger, guest.Key, guest.SiteId, "deleting the suspended guest", ex);
                errors.Add(Error(guest.SiteId, $"Guest {created.Id.Value} ({guest.Key}) was created suspended (no free seat) and deleting it failed: {Describe(ex)}"));
                changes.Add(change with { Kind = GuestChangeKind.Refuse, SiteUserId = created.Id, Outcome = SyncChangeOutcome.Failed, Detail = reason });
                return (record with { Suspended = true }, false);
            }
        }

        return (record, true);
    }

    // Enables and issues the PIN (once), hands it to the sink, and adds the guest to the groups it is not in yet.
    private async Task<GuestRecord> CompleteAsync(
        GuestRecord record, WantedGuest guest, List<SyncError> errors, List<GuestChange> changes, bool created, CancellationToken cancellationToken)
    {
        var siteUserId = new SiteUserId(record.SiteUserId);
        var change = Change(record, GuestChangeKind.Create, SyncChangeOutcome.Applied, detail: null) with { GroupIds = guest.Groups };
        var failures = new List<string>();
        if (!record.PinIssued)
        {
            string? pin = null;
            try
            {
                await salto.UpdateSiteUserAsync(record.SiteId, siteUserId, new SiteUserUpdateRequest { UsePin = true }, cancellationToken).ConfigureAwait(false);
                pin = await salto.IssuePinAsync(record.SiteId, siteUserId, record.ValidUntil, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsServiceFailure(ex, cancellationToken))
            {
                GuestLog.StepFailed(logger, record.Key, record.SiteId, "issuing the PIN", ex);
                failures.Add($"issuing the PIN failed: {Describe(ex)}");
            }

            if (pin is not null)
            {
                // Issued: it is never issued again (each issue rotates it), whatever the sink does with it.
                record = record with { PinIssued = true };
                try
                {
                    await sink.DeliverAsync(new GuestCredential { Pin = pin, Guest = change }, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The sink's own message may quote the PIN: only its type is reported.
                    failures.Add($"the guest credential sink failed ({ex.GetType().Name}); the PIN was not passed on");
                }
            }
        }

        var userId = new PlatformUserId(record.UserId);
        var groups = new List<string>(record.Groups);
        foreach (var group in guest.Groups.Where(g => !record.Groups.Contains(g, StringComparer.OrdinalIgnoreCase)))
        {
            try
            {
                await salto.AddAccessGroupMemberAsync(record.SiteId, group, userId, cancellationToken).ConfigureAwait(false);
                groups.Add(group);
            }
            catch (Exception ex) when (IsServiceFailure(ex, cancellationToken))
            {
                GuestLog.StepFailed(logger, record.Key, record.SiteId, $"adding the guest to group {group}", ex);
                failures.Add($"adding the guest to group {group} failed: {Describe(ex)}");
            }
        }

        record = record with { Groups = groups };
        if (failures.Count > 0)
        {
            var detail = string.Join("; ", failures);
            errors.Add(Error(record.SiteId, $"Guest {record.SiteUserId} ({record.Key}): {detail}. The next run completes what is missing."));
            changes.Add(change with { Outcome = SyncChangeOutcome.Failed, Detail = detail });
        }
        else if (created)
        {
            changes.Add(change);
        }

        return record;
    }

    private async Task<List<GuestRecord>> LoadAsync(string siteId, CancellationToken cancellationToken)
    {
        var json = await store.GetValueAsync(StateKey(siteId), cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, GuestStateJsonContext.Default.ListGuestRecord) ?? [];
    }

    private Task SaveAsync(string siteId, List<GuestRecord> records, CancellationToken cancellationToken) =>
        store.ApplyAsync(
            new SyncStateChanges
            {
                Values = [new(StateKey(siteId), records.Count == 0 ? null : JsonSerializer.Serialize(records, GuestStateJsonContext.Default.ListGuestRecord))],
            },
            CancellationToken.None); // what SALTO accepted is recorded even when the run is being cancelled

    /// <summary>The state-store key of a site's guest records.</summary>
    public static string StateKey(string siteId) => StateKeyPrefix + siteId.Trim().ToUpperInvariant();

    private static GuestChange Change(GuestRecord record, GuestChangeKind kind, SyncChangeOutcome outcome, string? detail) => new()
    {
        Kind = kind,
        Source = record.Source,
        SiteId = record.SiteId,
        BusinessId = record.BusinessId,
        SiteUserId = new SiteUserId(record.SiteUserId),
        UserId = record.UserId.Length == 0 ? null : new PlatformUserId(record.UserId),
        Alias = record.Alias,
        BookingId = record.BookingId,
        VisitorId = record.VisitorId,
        BookingVisitorId = record.BookingVisitorId,
        HostCustomerId = record.HostCustomerId,
        GroupIds = [.. record.Groups],
        ValidFrom = record.ValidFrom,
        ValidUntil = record.ValidUntil,
        Lineage = record.Lineage,
        Outcome = outcome,
        Detail = detail,
    };

    private static GuestChange Change(WantedGuest guest) => new()
    {
        Kind = GuestChangeKind.Create,
        Source = guest.Source,
        SiteId = guest.SiteId,
        BusinessId = guest.BusinessId,
        Alias = guest.Alias,
        BookingId = guest.BookingId,
        VisitorId = guest.VisitorId,
        BookingVisitorId = guest.BookingVisitorId,
        HostCustomerId = guest.Host,
        GroupIds = guest.Groups,
        ValidFrom = guest.From,
        ValidUntil = guest.Until,
        Lineage = guest.Lineage,
        Outcome = SyncChangeOutcome.Planned,
    };

    private static string Alias(string? name, string fallback)
    {
        var alias = string.IsNullOrWhiteSpace(name) ? fallback : name.Trim();
        return alias.Length <= MaxAliasLength ? alias : alias[..MaxAliasLength];
    }

    private static SyncError Error(string siteId, string message) => new() { Kind = SyncErrorKind.Guest, SiteId = siteId, Message = message };

    private static bool SameRecords(List<GuestRecord> before, List<GuestRecord> after) =>
        before.Count == after.Count && before.Zip(after).All(p => p.First.Key == p.Second.Key && p.First.ValidUntil == p.Second.ValidUntil && p.First.Lineage == p.Second.Lineage);

    private static DateTimeOffset? Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is null || candidate < current ? candidate : current;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool IsServiceFailure(Exception exception, CancellationToken cancellationToken) => PlanExecutor.IsServiceFailure(exception, cancellationToken);

    private static string Describe(Exception exception) => PlanExecutor.Describe(exception);

    private static bool IsReadFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        NexudusApiException or HttpRequestException or TimeoutException or JsonException or Polly.ExecutionRejectedException => true,
        _ => false,
    };

    /// <summary>The seats of one site as guests may use them: read once, then counted down as guests are created.</summary>
    private sealed class SeatCount(ISaltoKsClient salto, string siteId)
    {
        private bool _read;
        private int? _free;

        public async Task<string?> RefusalAsync(int reserve, CancellationToken cancellationToken)
        {
            if (!_read)
            {
                _read = true;
                try
                {
                    var site = await salto.GetSiteAsync(siteId, cancellationToken).ConfigureAwait(false);
                    var subscription = await salto.GetSiteSubscriptionAsync(siteId, cancellationToken).ConfigureAwait(false);
                    var seats = subscription.UserAmount ?? site.SubscribedUserAmount;
                    _free = seats is { } total && site.ActiveUserAmount is { } used ? total - used : null;
                }
                catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
                {
                    _free = null;
                }
            }

            if (_free is not { } free)
            {
                // Unknown: with no reserve asked for, SALTO's own answer (a guest created suspended) is the check.
                return reserve > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"the seat use of site {siteId} could not be read, so GuestSeatReserve ({reserve}) cannot be kept")
                    : null;
            }

            return free - 1 < reserve
                ? string.Create(CultureInfo.InvariantCulture, $"site {siteId} has {Math.Max(0, free)} free seat(s) and GuestSeatReserve keeps {reserve} for members")
                : null;
        }

        public void Take()
        {
            if (_free is { } free)
            {
                _free = free - 1;
            }
        }
    }
}
