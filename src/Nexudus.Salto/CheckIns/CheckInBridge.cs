using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.CheckIns;

/// <summary>
/// Turns SALTO KS door openings into Nexudus check-ins: an opening on a <c>CheckIn</c>
/// reader creates a check-in unless the customer already has an open one at that location; an
/// opening on a <c>CheckOut</c> reader closes the open one. Call <see cref="RunAsync"/> once per pass.
/// </summary>
/// <remarks>
/// <para>
/// Each run reads every configured site's entries from its watermark, less
/// <see cref="CheckInBridgeOptions.LateEntryWindow"/> (so entries that reach SALTO late are still
/// seen), to now, oldest first. Every entry on a reader is handled exactly once: its id, its outcome
/// and the new watermark are stored in one atomic <see cref="ISyncStateStore.ApplyAsync"/> batch
/// right after the Nexudus write, and entries already stored are skipped.
/// </para>
/// <para>
/// A check-in create is never repeated blindly. Before every create the bridge reads the customer's
/// recent check-ins at the location; a create that times out is followed by another look, and only
/// if the check-in is not there is it tried again. So a crash between the Nexudus write and the state
/// update is healed by the next run, which finds the check-in instead of writing a second one.
/// </para>
/// <para>
/// Nexudus takes an open check-in only for today, so an opening dated an earlier local day at the location
/// becomes a closed check-in, ending at the customer's exit that day or after
/// <see cref="CheckInBridgeOptions.PastDayDefaultStay"/> (or is skipped and counted, as
/// <see cref="CheckInBridgeOptions.PastDayCheckIns"/> says). Office-mode events and exits by the inside handle
/// that name nobody are counted apart and never looked up.
/// </para>
/// <para>
/// Rejected entries, unknown users and customers Nexudus refuses (no valid pass) are counted in the
/// <see cref="CheckInReport"/>, never thrown. A temporary failure (throttling that outlasted the
/// client's retries, a network error) stops that site's run at the entry it hit; the next run
/// continues from there. Other sites carry on.
/// </para>
/// </remarks>
public class CheckInBridge
{
    private const string LeaseHolder = "check-ins";

    private readonly INexudusClient _nexudus = null!;
    private readonly ISaltoKsClient _salto = null!;
    private readonly ISyncStateStore _state = null!;
    private readonly CheckInBridgeOptions _options = null!;
    private readonly TimeProvider _time = null!;
    private readonly ILogger _logger = null!;
    private readonly IReadOnlyList<SiteReaders> _sites = null!;
    private readonly CheckInWriter _writer = null!;

    /// <summary>Initializes a new instance of the <see cref="CheckInBridge"/> class.</summary>
    /// <param name="nexudus">The Nexudus client.</param>
    /// <param name="salto">The SALTO KS client.</param>
    /// <param name="state">The state store holding identity links, processed entries and watermarks.</param>
    /// <param name="options">The locations, readers and windows.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are not usable; the message lists every problem.</exception>
    public CheckInBridge(
        INexudusClient nexudus,
        ISaltoKsClient salto,
        ISyncStateStore state,
        CheckInBridgeOptions options,
        TimeProvider? timeProvider = null,
        ILogger<CheckInBridge>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(nexudus);
        ArgumentNullException.ThrowIfNull(salto);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The check-in bridge options are not valid: " + string.Join(" ", errors), nameof(options));
        }

        _nexudus = nexudus;
        _salto = salto;
        _state = state;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _sites = SiteReaders.From(options.Locations);
        _writer = new CheckInWriter(nexudus, options, _logger);
    }

    /// <summary>Initializes a new instance of the <see cref="CheckInBridge"/> class for mocking.</summary>
    protected CheckInBridge()
    {
    }

    /// <summary>
    /// Runs one pass over every configured site: reads new door entries and creates or closes the
    /// matching Nexudus check-ins.
    /// </summary>
    /// <param name="cancellationToken">Cancels the run; what was written so far stays recorded.</param>
    /// <returns>What happened to each entry, with counts per outcome and per site.</returns>
    /// <exception cref="SyncStateLockedException">Another run holds the state's lease (when <see cref="CheckInBridgeOptions.AcquireLease"/> is on).</exception>
    public virtual async Task<CheckInReport> RunAsync(CancellationToken cancellationToken = default)
    {
        // One span per pass, whoever runs it: the worker or a command.
        using var activity = SaltoMetrics.ActivitySource.StartActivity("checkins");
        var startedAt = _time.GetUtcNow();
        var lease = _options.AcquireLease
            ? await _state.AcquireLeaseAsync(LeaseHolder, cancellationToken).ConfigureAwait(false)
            : null;
        await using (lease)
        {
            var resolver = new EntryCustomerResolver(_nexudus, _salto, _state, _logger, _options.MatchTagsByAccessCardId);
            var sites = new List<CheckInSiteReport>(_sites.Count);
            foreach (var site in _sites)
            {
                sites.Add(await RunSiteAsync(site, resolver, cancellationToken).ConfigureAwait(false));
            }

            return new CheckInReport { StartedAt = startedAt, CompletedAt = _time.GetUtcNow(), Sites = sites };
        }
    }

    private async Task<CheckInSiteReport> RunSiteAsync(SiteReaders site, EntryCustomerResolver resolver, CancellationToken cancellationToken)
    {
        var results = new List<CheckInEntryResult>();
        var lastTaps = new Dictionary<(long BusinessId, string UserId, ReaderRole Role), DateTimeOffset>(TapKeyComparer.Instance);
        var read = 0;
        var skipped = 0;
        string? error = null;
        CheckInCursor cursor;
        try
        {
            cursor = await _state.LoadCheckInCursorAsync(site.SiteId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRunFailure(ex, cancellationToken))
        {
            var now = _time.GetUtcNow();
            return new CheckInSiteReport { SiteId = site.SiteId, ReadFrom = now, ReadTo = now, Error = Describe(ex) };
        }

        var readTo = _time.GetUtcNow();
        var readFrom = cursor.Watermark is { } watermark ? watermark - _options.LateEntryWindow : readTo - _options.CheckInLookBack;
        var watermarkAfter = cursor.Watermark;
        CheckInLog.SiteStarted(_logger, site.SiteId, readFrom, readTo);

        var query = new SaltoKsEntryQuery { From = readFrom, To = readTo, Order = SaltoKsSortOrder.Ascending, PageSize = _options.EntriesPageSize };
        var stream = new CheckInEntryStream(_salto, site.SiteId, query);
        var run = new SiteRun(site, stream, resolver, lastTaps, readTo);
        string? currentEntry = null;
        try
        {
            while (await stream.NextAsync(cancellationToken).ConfigureAwait(false) is { } entry)
            {
                read++;
                if (entry.LockId is null || !site.Readers.TryGetValue(entry.LockId, out var reader))
                {
                    continue;
                }

                currentEntry = entry.Id;
                var kind = _options.EntryClassifier.Classify(entry);
                if (await _state.IsEntryProcessedAsync(site.SiteId, entry.Id, cancellationToken).ConfigureAwait(false))
                {
                    skipped++;
                    RememberTap(lastTaps, reader, entry, kind);
                    continue;
                }

                var result = await HandleAsync(run, reader, entry, kind, cancellationToken).ConfigureAwait(false);
                results.Add(result);
                CheckInLog.EntryHandled(_logger, entry.Id, entry.UtcDateTime, entry.LockId, result.Outcome, result.CustomerId, result.CheckInId);
                if (result.Outcome == CheckInOutcome.Deferred)
                {
                    error = result.Reason;
                    CheckInLog.SiteDeferred(_logger, site.SiteId, entry.Id, result.Reason ?? "deferred");
                    return Report();
                }

                await RecordAsync(site.SiteId, entry, result, cancellationToken).ConfigureAwait(false);
                watermarkAfter = Later(watermarkAfter, entry.UtcDateTime);
            }

            currentEntry = null;
            await _state.ApplyAsync(
                new SyncStateChanges { CheckInCursors = [new CheckInCursor { SiteId = site.SiteId, Watermark = readTo }] },
                cancellationToken).ConfigureAwait(false);
            watermarkAfter = Later(watermarkAfter, readTo);
        }
        catch (Exception ex) when (IsRunFailure(ex, cancellationToken))
        {
            error = Describe(ex);
            CheckInLog.SiteDeferred(_logger, site.SiteId, currentEntry, error);
        }

        CheckInLog.SiteCompleted(_logger, site.SiteId, read, results.Count, skipped, watermarkAfter);
        return Report();

        CheckInSiteReport Report() => new()
        {
            SiteId = site.SiteId,
            ReadFrom = readFrom,
            ReadTo = readTo,
            WatermarkBefore = cursor.Watermark,
            WatermarkAfter = watermarkAfter,
            EntriesRead = read,
            AlreadyProcessed = skipped,
            Entries = results,
            Error = error,
        };
    }

    private async Task<CheckInEntryResult> HandleAsync(SiteRun run, Reader reader, Entry entry, DoorEntryResult kind, CancellationToken cancellationToken)
    {
        var siteId = run.Site.SiteId;
        var lastTaps = run.LastTaps;
        var result = new CheckInEntryResult { EntryId = entry.Id, OccurredAt = entry.UtcDateTime, LockId = entry.LockId, Role = reader.Role };
        switch (kind)
        {
            case DoorEntryResult.Rejected:
                return result with { Outcome = CheckInOutcome.Rejected, Reason = Detail(entry) };
            case DoorEntryResult.InsideExit:
                return result with { Outcome = CheckInOutcome.InsideExit };
            case DoorEntryResult.OfficeMode:
                return result with { Outcome = CheckInOutcome.OfficeMode, Reason = Detail(entry) };
            case not DoorEntryResult.Opened:
                return result with { Outcome = CheckInOutcome.Ignored, Reason = Detail(entry) };
        }

        // An exit this run already wrote as the end of a closed check-in for an earlier day.
        if (run.ClosedByExit.TryGetValue(entry.Id, out var closed))
        {
            RememberTap(lastTaps, reader, entry, kind);
            return result with { Outcome = CheckInOutcome.CheckedOut, CustomerId = closed.CustomerId, CheckInId = closed.CheckInId };
        }

        long? customerId;
        try
        {
            customerId = await run.Resolver.FindCustomerIdAsync(siteId, entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRunFailure(ex, cancellationToken))
        {
            return result with { Outcome = CheckInOutcome.Deferred, Reason = "looking up the customer failed: " + Describe(ex) };
        }

        if (customerId is not { } customer)
        {
            return result with { Outcome = CheckInOutcome.UnknownUser };
        }

        result = result with { CustomerId = customer };
        if (IsDoubleTap(lastTaps, reader, entry))
        {
            return result with { Outcome = CheckInOutcome.Debounced };
        }

        RememberTap(lastTaps, reader, entry, kind);
        try
        {
            if (reader.Role == ReaderRole.CheckIn && await PastDayAsync(run, reader, entry, cancellationToken).ConfigureAwait(false) is { } day)
            {
                return await PastDayCheckInAsync(run, result, reader, entry, customer, day, cancellationToken).ConfigureAwait(false);
            }

            return reader.Role == ReaderRole.CheckIn
                ? await _writer.CheckInAsync(result, reader.BusinessId, customer, until: null, cancellationToken).ConfigureAwait(false)
                : await _writer.CheckOutAsync(result, reader.BusinessId, customer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRunFailure(ex, cancellationToken))
        {
            return result with { Outcome = CheckInOutcome.Deferred, Reason = Describe(ex) };
        }
    }

    /// <summary>
    /// An opening on a check-in reader dated an earlier local day than today at the location: Nexudus takes no open
    /// check-in for it, so it becomes a closed one (ending at the customer's next exit that day, or after the default
    /// stay) or, if so configured, a counted skip.
    /// </summary>
    private async Task<CheckInEntryResult> PastDayCheckInAsync(SiteRun run, CheckInEntryResult result, Reader reader, Entry entry, long customerId, LocalDay day, CancellationToken cancellationToken)
    {
        if (_options.PastDayCheckIns == PastDayCheckInMode.Skip)
        {
            CheckInLog.PastDaySkipped(_logger, result.EntryId, customerId, reader.BusinessId);
            return result with { Outcome = CheckInOutcome.PastDaySkipped, Reason = "Nexudus accepts an open check-in only for today" };
        }

        var exit = await run.Stream.FindAheadAsync(
            e => e.UtcDateTime > entry.UtcDateTime &&
                 e.LockId is { } lockId && run.Site.Readers.TryGetValue(lockId, out var r) && r.Role == ReaderRole.CheckOut && r.BusinessId == reader.BusinessId &&
                 SamePerson(entry, e) && _options.EntryClassifier.Classify(e) == DoorEntryResult.Opened,
            e => e.UtcDateTime >= day.EndUtc,
            cancellationToken).ConfigureAwait(false);
        var until = exit?.UtcDateTime ?? Earliest(entry.UtcDateTime + _options.PastDayDefaultStay, day.EndUtc - TimeSpan.FromSeconds(1), run.ReadTo);
        if (until < entry.UtcDateTime)
        {
            until = entry.UtcDateTime;
        }

        var written = await _writer.CheckInAsync(result, reader.BusinessId, customerId, until, cancellationToken).ConfigureAwait(false);
        if (exit is not null && written is { Outcome: CheckInOutcome.CheckedInAndOut, CheckInId: { } checkInId })
        {
            run.ClosedByExit[exit.Id] = (customerId, checkInId);
        }

        return written;
    }

    /// <summary>
    /// The local day of an entry when it is earlier than today at the location; <see langword="null"/> for today. The
    /// location's clock is the entry's own (<c>local_date_time</c> against <c>utc_date_time</c>), or else the Nexudus
    /// location's time zone.
    /// </summary>
    private async ValueTask<LocalDay?> PastDayAsync(SiteRun run, Reader reader, Entry entry, CancellationToken cancellationToken)
    {
        TimeSpan offset;
        if (entry.LocalDateTime != default && (entry.LocalDateTime - entry.UtcDateTime.UtcDateTime) is var fromEntry && fromEntry.Duration() <= TimeSpan.FromHours(14))
        {
            offset = fromEntry;
        }
        else
        {
            var zone = await run.TimeZoneAsync(reader.BusinessId, _nexudus, _logger, cancellationToken).ConfigureAwait(false);
            offset = zone.GetUtcOffset(entry.UtcDateTime);
        }

        var entryDay = DateOnly.FromDateTime(entry.UtcDateTime.UtcDateTime + offset);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime + offset);
        if (entryDay >= today)
        {
            return null;
        }

        var nextMidnight = entryDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new LocalDay(entryDay, new DateTimeOffset(nextMidnight - offset, TimeSpan.Zero));
    }

    private static bool SamePerson(Entry a, Entry b) =>
        a.UserId is { Value.Length: > 0 } user
            ? b.UserId is { Value: { } other } && string.Equals(user.Value, other, StringComparison.OrdinalIgnoreCase)
            : b.UserId is not { Value.Length: > 0 } && EntryCustomerResolver.TagNumber(a) is { } tag &&
              string.Equals(tag, EntryCustomerResolver.TagNumber(b), StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c) =>
        a < b ? (a < c ? a : c) : (b < c ? b : c);

    private Task RecordAsync(string siteId, Entry entry, CheckInEntryResult result, CancellationToken cancellationToken) =>
        _state.ApplyAsync(
            new SyncStateChanges
            {
                EntriesProcessed =
                [
                    new ProcessedEntry
                    {
                        SiteId = siteId,
                        EntryId = entry.Id,
                        OccurredAt = entry.UtcDateTime,
                        Outcome = result.Outcome.ToString(),
                        CheckInId = result.CheckInId,
                        ProcessedAt = _time.GetUtcNow(),
                    },
                ],
                CheckInCursors = [new CheckInCursor { SiteId = siteId, Watermark = entry.UtcDateTime }],
            },
            cancellationToken);

    private bool IsDoubleTap(Dictionary<(long BusinessId, string UserId, ReaderRole Role), DateTimeOffset> lastTaps, Reader reader, Entry entry) =>
        _options.Debounce > TimeSpan.Zero &&
        entry.UserId is { Value: { } user } &&
        lastTaps.TryGetValue((reader.BusinessId, user, reader.Role), out var previous) &&
        (entry.UtcDateTime - previous).Duration() < _options.Debounce;

    private static void RememberTap(Dictionary<(long BusinessId, string UserId, ReaderRole Role), DateTimeOffset> lastTaps, Reader reader, Entry entry, DoorEntryResult kind)
    {
        if (kind == DoorEntryResult.Opened && entry.UserId is { Value: { Length: > 0 } user })
        {
            var key = (reader.BusinessId, user, reader.Role);
            lastTaps[key] = lastTaps.TryGetValue(key, out var previous) ? Later(previous, entry.UtcDateTime)!.Value : entry.UtcDateTime;
        }
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static string? Detail(Entry entry) =>
        entry.EventDetail is { Length: > 0 } detail ? $"{entry.EventCategory}/{detail}" : entry.EventCategory?.ToString();

    // One site's failure must not stop the others, and nothing here may crash the host; cancellation still does.
    private static bool IsRunFailure(Exception exception, CancellationToken cancellationToken) =>
        !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    // API exceptions are redacted when built; anything else is named by type only, as its message may hold data.
    private static string Describe(Exception exception) => exception switch
    {
        NexudusApiException or SaltoKsApiException => exception.Message,
        _ => exception.GetType().Name,
    };

    /// <summary>A local day at a location and the UTC instant it ends.</summary>
    private readonly record struct LocalDay(DateOnly Date, DateTimeOffset EndUtc);

    /// <summary>What one site's run shares between its entries.</summary>
    private sealed class SiteRun(
        SiteReaders site,
        CheckInEntryStream stream,
        EntryCustomerResolver resolver,
        Dictionary<(long BusinessId, string UserId, ReaderRole Role), DateTimeOffset> lastTaps,
        DateTimeOffset readTo)
    {
        private readonly Dictionary<long, TimeZoneInfo> _zones = [];

        public SiteReaders Site { get; } = site;

        public CheckInEntryStream Stream { get; } = stream;

        public EntryCustomerResolver Resolver { get; } = resolver;

        public Dictionary<(long BusinessId, string UserId, ReaderRole Role), DateTimeOffset> LastTaps { get; } = lastTaps;

        public DateTimeOffset ReadTo { get; } = readTo;

        /// <summary>Exit entries already written as the end of a closed check-in this run, by entry id.</summary>
        public Dictionary<string, (long CustomerId, long CheckInId)> ClosedByExit { get; } = new(StringComparer.Ordinal);

        /// <summary>The Nexudus location's time zone, read at most once per run; UTC when it cannot be read.</summary>
        public async ValueTask<TimeZoneInfo> TimeZoneAsync(long businessId, INexudusClient nexudus, ILogger logger, CancellationToken cancellationToken)
        {
            if (_zones.TryGetValue(businessId, out var known))
            {
                return known;
            }

            var zone = TimeZoneInfo.Utc;
            var business = await nexudus.GetBusinessAsync(businessId, cancellationToken).ConfigureAwait(false);
            if (business.SimpleTimeZoneId is not { } zoneId)
            {
                CheckInLog.TimeZoneFallback(logger, businessId, "the location names no time zone");
            }
            else if (!NexudusTimeZones.TryResolve(await nexudus.GetSimpleTimeZoneAsync(zoneId, cancellationToken).ConfigureAwait(false), out var resolved))
            {
                CheckInLog.TimeZoneFallback(logger, businessId, $"time zone {zoneId} is not a known zone");
            }
            else
            {
                zone = resolved;
            }

            _zones[businessId] = zone;
            return zone;
        }
    }

    /// <summary>A reader as the bridge uses it: the location it belongs to and its role.</summary>
    private readonly record struct Reader(long BusinessId, ReaderRole Role);

    /// <summary>The readers of one SALTO site, over every location that names the site.</summary>
    private sealed record SiteReaders(string SiteId, IReadOnlyDictionary<string, Reader> Readers)
    {
        public static IReadOnlyList<SiteReaders> From(IReadOnlyList<IntegrationLocation> locations) =>
        [
            .. locations
                .GroupBy(l => l.SaltoSiteId.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => new SiteReaders(
                    g.Key,
                    g.SelectMany(l => (l.Readers ?? new Dictionary<string, ReaderRole>()).Select(r => (Lock: r.Key.Trim(), Reader: new Reader(l.NexudusBusinessId, r.Value))))
                        .ToDictionary(r => r.Lock, r => r.Reader, StringComparer.OrdinalIgnoreCase)))
                .Where(s => s.Readers.Count > 0),
        ];
    }

    /// <summary>Compares tap keys with user ids without regard to case, as SALTO ids are UUIDs.</summary>
    private sealed class TapKeyComparer : IEqualityComparer<(long BusinessId, string UserId, ReaderRole Role)>
    {
        public static TapKeyComparer Instance { get; } = new();

        public bool Equals((long BusinessId, string UserId, ReaderRole Role) x, (long BusinessId, string UserId, ReaderRole Role) y) =>
            x.BusinessId == y.BusinessId && x.Role == y.Role && string.Equals(x.UserId, y.UserId, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((long BusinessId, string UserId, ReaderRole Role) obj) =>
            HashCode.Combine(obj.BusinessId, obj.Role, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.UserId));
    }
}
