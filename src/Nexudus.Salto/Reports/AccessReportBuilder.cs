using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Reports;

/// <summary>
/// Builds access reports: the door entries of a period, each joined with its Nexudus
/// customer and shown on the location's wall clock.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="GetRowsAsync"/> streams: entries are paged from SALTO and customers are looked up one
/// page at a time (identity map first, then by e-mail, then by batch get), so a month at a busy site
/// never sits in memory at once. Feed the stream to <see cref="AccessReportCsvWriter"/>,
/// <see cref="AccessReportJsonWriter"/> or <see cref="AccessReportHtmlWriter"/>, or to a
/// <see cref="DailyPresenceSummary"/>.
/// </para>
/// <para>
/// Local times use the location's Nexudus time zone (<c>SimpleTimeZone</c>, mapped by
/// <see cref="NexudusTimeZones"/>); when it cannot be read the rows are in UTC and a warning is logged.
/// </para>
/// </remarks>
public class AccessReportBuilder
{
    private readonly INexudusClient _nexudus = null!;
    private readonly ISaltoKsClient _salto = null!;
    private readonly ISyncStateStore _state = null!;
    private readonly AccessReportOptions _options = null!;
    private readonly ILogger _logger = null!;

    /// <summary>Initializes a new instance of the <see cref="AccessReportBuilder"/> class.</summary>
    /// <param name="nexudus">The Nexudus client (locations, time zones, customers).</param>
    /// <param name="salto">The SALTO KS client (entries, site users).</param>
    /// <param name="state">The state store whose identity map links SALTO users to customers.</param>
    /// <param name="options">The locations to report on.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    public AccessReportBuilder(
        INexudusClient nexudus,
        ISaltoKsClient salto,
        ISyncStateStore state,
        AccessReportOptions options,
        ILogger<AccessReportBuilder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(nexudus);
        ArgumentNullException.ThrowIfNull(salto);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        _nexudus = nexudus;
        _salto = salto;
        _state = state;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Initializes a new instance of the <see cref="AccessReportBuilder"/> class for mocking.</summary>
    protected AccessReportBuilder()
    {
    }

    /// <summary>Streams one row per door entry in <c>[from, to)</c>, location by location, oldest first.</summary>
    /// <param name="from">The first instant included.</param>
    /// <param name="to">The instant before which entries are included.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The rows, read from SALTO as the sequence is enumerated.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public virtual IAsyncEnumerable<AccessReportRow> GetRowsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        return ReadRowsAsync(from, to, cancellationToken);
    }

    private async IAsyncEnumerable<AccessReportRow> ReadRowsAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resolver = new EntryCustomerResolver(_nexudus, _salto, _state, _logger);
        var places = new Dictionary<long, Place>();
        foreach (var site in _options.Locations.GroupBy(l => l.SaltoSiteId.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var locations = site.ToList();
            var readers = new Dictionary<string, (IntegrationLocation Location, ReaderRole Role)>(StringComparer.OrdinalIgnoreCase);
            foreach (var location in locations)
            {
                foreach (var (lockId, role) in location.Readers)
                {
                    readers.TryAdd(lockId.Trim(), (location, role));
                }
            }

            var query = new SaltoKsEntryQuery { From = from, To = to, Order = SaltoKsSortOrder.Ascending, PageSize = _options.EntriesPageSize };
            string? token = null;
            do
            {
                var page = await _salto.GetEntriesPageAsync(site.Key, query, token, cancellationToken).ConfigureAwait(false);
                var customerIds = new long?[page.Items.Count];
                for (var i = 0; i < page.Items.Count; i++)
                {
                    customerIds[i] = await resolver.FindCustomerIdAsync(site.Key, page.Items[i], cancellationToken).ConfigureAwait(false);
                }

                var customers = await resolver.GetCustomersAsync(customerIds.OfType<long>(), cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < page.Items.Count; i++)
                {
                    var entry = page.Items[i];
                    var (location, role) = entry.LockId is { } lockId && readers.TryGetValue(lockId, out var reader)
                        ? reader
                        : (locations[0], ReaderRole.None);
                    if (!places.TryGetValue(location.NexudusBusinessId, out var place))
                    {
                        place = await ReadPlaceAsync(location.NexudusBusinessId, cancellationToken).ConfigureAwait(false);
                        places[location.NexudusBusinessId] = place;
                    }

                    var customer = customerIds[i] is { } id ? customers.GetValueOrDefault(id) : null;
                    yield return new AccessReportRow
                    {
                        EntryId = entry.Id,
                        SiteId = site.Key,
                        NexudusBusinessId = location.NexudusBusinessId,
                        Location = place.Name,
                        OccurredAt = entry.UtcDateTime,
                        LocalTime = TimeZoneInfo.ConvertTime(entry.UtcDateTime, place.TimeZone),
                        LockId = entry.LockId,
                        Door = entry.LockCustomerReference,
                        DoorRole = role,
                        CustomerId = customerIds[i],
                        CustomerName = customer?.FullName,
                        Email = customer?.Email,
                        Result = _options.EntryClassifier.Classify(entry),
                        Detail = entry.EventDetail is { Length: > 0 } detail ? $"{entry.EventCategory}/{detail}" : entry.EventCategory?.ToString(),
                    };
                }

                token = page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(token));
        }
    }

    private async Task<Place> ReadPlaceAsync(long businessId, CancellationToken cancellationToken)
    {
        var business = await _nexudus.GetBusinessAsync(businessId, cancellationToken).ConfigureAwait(false);
        if (business.SimpleTimeZoneId is not { } zoneId)
        {
            CheckInLog.TimeZoneFallback(_logger, businessId, "the location names no time zone");
            return new Place(business.Name, TimeZoneInfo.Utc);
        }

        var zone = await _nexudus.GetSimpleTimeZoneAsync(zoneId, cancellationToken).ConfigureAwait(false);
        if (!NexudusTimeZones.TryResolve(zone, out var timeZone))
        {
            CheckInLog.TimeZoneFallback(_logger, businessId, $"time zone {zoneId} is not a known zone");
            return new Place(business.Name, TimeZoneInfo.Utc);
        }

        return new Place(business.Name, timeZone);
    }

    private sealed record Place(string? Name, TimeZoneInfo TimeZone);
}
