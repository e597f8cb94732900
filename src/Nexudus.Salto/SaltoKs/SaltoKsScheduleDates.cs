using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// How time-schedule dates travel (<see cref="SaltoKsClientOptions.ScheduleDates"/>): as UTC instants, untouched; or
/// on the site's wall clock, where a request's <c>start_date</c>/<c>end_date</c> are written in the site's zone without
/// an offset and a schedule read back is taken as the site's wall clock, whatever offset came with it.
/// </summary>
/// <remarks>
/// The site's zone is read once per site (through <c>readSite</c>) and kept; a zone that is missing or unknown to this
/// machine is refused rather than guessed, since a guess would move every booking window.
/// </remarks>
internal sealed class SaltoKsScheduleDates(SaltoKsScheduleDateMode mode, Func<string, CancellationToken, Task<Site>> readSite)
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _siteZones = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets whether dates are written on the site's wall clock.</summary>
    public bool SiteLocal => mode == SaltoKsScheduleDateMode.SiteLocal;

    /// <summary>The site's zone when schedule dates are site-local, read once per site; <see langword="null"/> when they are UTC instants.</summary>
    /// <exception cref="InvalidOperationException">Dates are site-local and the site's <c>time_zone</c> is missing or unknown here.</exception>
    public async Task<TimeZoneInfo?> ZoneAsync(string siteId, CancellationToken cancellationToken)
    {
        if (!SiteLocal)
        {
            return null;
        }

        if (_siteZones.TryGetValue(siteId, out TimeZoneInfo? known))
        {
            return known;
        }

        Site site = await readSite(siteId, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(site.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out TimeZoneInfo? zone))
        {
            throw new InvalidOperationException(
                $"Site {siteId} reports time zone '{site.TimeZone}', which this machine cannot resolve, so schedule dates cannot be " +
                $"written on the site's wall clock ({nameof(SaltoKsClientOptions.ScheduleDates)} is {SaltoKsScheduleDateMode.SiteLocal}).");
        }

        return _siteZones.GetOrAdd(siteId, zone);
    }

    /// <summary>The schedules as instants: unchanged for UTC dates, read on the site's wall clock for site-local ones.</summary>
    public IAsyncEnumerable<TimeSchedule> FromService(string siteId, IAsyncEnumerable<TimeSchedule> schedules, CancellationToken cancellationToken) =>
        SiteLocal ? FromSiteWallClockAsync(siteId, schedules, cancellationToken) : schedules;

    /// <summary>The JSON body of a schedule request; with a site zone, its dates carry the site's wall clock without an offset.</summary>
    public static ByteArrayContent Content(TimeScheduleRequest request, TimeZoneInfo? siteZone)
    {
        byte[] json;
        if (siteZone is null)
        {
            json = JsonSerializer.SerializeToUtf8Bytes(request, SaltoKsJsonContext.Default.TimeScheduleRequest);
        }
        else
        {
            JsonObject body = JsonSerializer.SerializeToNode(request, SaltoKsJsonContext.Default.TimeScheduleRequest)!.AsObject();
            body["start_date"] = WallClockText(request.StartDate, siteZone);
            body["end_date"] = WallClockText(request.EndDate, siteZone);
            json = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
        }

        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;

        static string? WallClockText(DateTimeOffset? instant, TimeZoneInfo zone) =>
            instant is { } value
                ? TimeZoneInfo.ConvertTime(value, zone).DateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture)
                : null;
    }

    /// <summary>The schedule with its written dates taken as the site's wall clock, whatever offset came with them.</summary>
    public static TimeSchedule FromSiteWallClock(TimeSchedule schedule, TimeZoneInfo siteZone) =>
        schedule with { StartDate = Instant(schedule.StartDate, siteZone), EndDate = Instant(schedule.EndDate, siteZone) };

    private async IAsyncEnumerable<TimeSchedule> FromSiteWallClockAsync(
        string siteId, IAsyncEnumerable<TimeSchedule> schedules, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TimeZoneInfo siteZone = (await ZoneAsync(siteId, cancellationToken).ConfigureAwait(false))!;
        await foreach (TimeSchedule schedule in schedules.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return FromSiteWallClock(schedule, siteZone);
        }
    }

    private static DateTimeOffset? Instant(DateTimeOffset? wallClock, TimeZoneInfo zone)
    {
        if (wallClock is not { } written)
        {
            return null;
        }

        DateTime local = DateTime.SpecifyKind(written.DateTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
