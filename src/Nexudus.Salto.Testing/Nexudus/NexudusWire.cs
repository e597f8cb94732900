using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Turns stored records into their wire JSON and written JSON into records: fills each
/// <c>*Local</c> twin with the location's wall clock and applies the
/// <see cref="NexudusPlainDateReading"/>.
/// </summary>
internal sealed class NexudusWire
{
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    private static readonly ConcurrentDictionary<(string?, string?), TimeZoneInfo> Zones = new();

    private readonly NexudusStore _store;
    private readonly NexudusPlainDateReading _reading;

    public NexudusWire(NexudusStore store, NexudusPlainDateReading reading)
    {
        _store = store;
        _reading = reading;
    }

    public JsonObject ToWire(NexudusEntityKind kind, NexudusEntity record)
    {
        var wire = JsonSerializer.SerializeToNode(record, kind.TypeInfo)!.AsObject();
        if (kind.DatesWithLocalTwin.Count == 0)
        {
            return wire;
        }

        var zone = ZoneOf(wire);
        foreach (var plain in kind.DatesWithLocalTwin)
        {
            if (ReadDate(wire[plain]) is not { } utc)
            {
                wire[plain + "Local"] = null;
                continue;
            }

            var local = TimeZoneInfo.ConvertTime(utc, zone).DateTime;
            wire[plain + "Local"] = local.ToString(LocalFormat, CultureInfo.InvariantCulture);
            if (_reading == NexudusPlainDateReading.Local)
            {
                // The portal-style reading: the wall clock, labelled as if it were UTC.
                wire[plain] = local.ToString(UtcFormat, CultureInfo.InvariantCulture);
            }
        }

        return wire;
    }

    /// <summary>Reads a written body into a record of <paramref name="kind"/>; throws <see cref="JsonException"/> on a bad body.</summary>
    public NexudusEntity FromWire(NexudusEntityKind kind, JsonObject body)
    {
        if (_reading == NexudusPlainDateReading.Local && kind.DatesWithLocalTwin.Count > 0)
        {
            var zone = ZoneOf(body);
            foreach (var plain in kind.DatesWithLocalTwin)
            {
                if (ReadDate(body[plain]) is { } labelled)
                {
                    body[plain] = LocalToUtc(labelled.DateTime, zone).ToString(UtcFormat, CultureInfo.InvariantCulture);
                }
            }
        }

        return (NexudusEntity)(body.Deserialize(kind.TypeInfo) ?? throw new JsonException("The body is null."));
    }

    /// <summary>The time zone of a record: its own <c>SimpleTimeZoneId</c>, else its location's; UTC when unknown.</summary>
    public TimeZoneInfo ZoneOf(JsonObject wire)
    {
        if (ReadLong(wire["SimpleTimeZoneId"]) is { } zoneId)
        {
            return ZoneById(zoneId);
        }

        return LocationOf(wire) is { } businessId && _store.Get<Business>(businessId)?.SimpleTimeZoneId is { } id
            ? ZoneById(id)
            : TimeZoneInfo.Utc;
    }

    /// <summary>The business (location) a record belongs to, directly or through the record it points at.</summary>
    public long? LocationOf(JsonObject wire)
    {
        if ((ReadLong(wire["BusinessId"]) ?? ReadLong(wire["FloorPlanBusinessId"]) ?? ReadLong(wire["InvoicingBusinessId"])) is { } direct)
        {
            return direct;
        }

        if (ReadLong(wire["ResourceId"]) is { } resourceId && _store.Get<Resource>(resourceId)?.BusinessId is { } viaResource)
        {
            return viaResource;
        }

        if (ReadLong(wire["FloorPlanDeskId"]) is { } deskId && _store.Get<FloorPlanDesk>(deskId)?.FloorPlanBusinessId is { } viaDesk)
        {
            return viaDesk;
        }

        if (ReadLong(wire["TariffId"]) is { } tariffId && _store.Get<Tariff>(tariffId)?.BusinessId is { } viaTariff)
        {
            return viaTariff;
        }

        return ReadLong(wire["CoworkerId"]) is { } coworkerId ? _store.Get<Coworker>(coworkerId)?.InvoicingBusinessId : null;
    }

    public TimeZoneInfo ZoneById(long simpleTimeZoneId) =>
        _store.Get<SimpleTimeZone>(simpleTimeZoneId) is { } zone ? Resolve(zone) : TimeZoneInfo.Utc;

    /// <summary>
    /// Maps a Nexudus <see cref="SimpleTimeZone"/> to a <see cref="TimeZoneInfo"/>: its <c>Name</c> as
    /// an IANA or Windows id, else a fixed zone from <c>TimeOffset</c>, else UTC.
    /// </summary>
    public static TimeZoneInfo Resolve(SimpleTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Zones.GetOrAdd((zone.Name, zone.TimeOffset), static key =>
        {
            if (!string.IsNullOrWhiteSpace(key.Item1) && TimeZoneInfo.TryFindSystemTimeZoneById(key.Item1, out var found))
            {
                return found;
            }

            var offsetText = key.Item2?.Trim().TrimStart('+');
            if (!string.IsNullOrEmpty(offsetText) &&
                TimeSpan.TryParse(offsetText, CultureInfo.InvariantCulture, out var offset) &&
                offset.Duration() < TimeSpan.FromHours(15))
            {
                return TimeZoneInfo.CreateCustomTimeZone($"UTC{key.Item2}", offset, key.Item1 ?? key.Item2, key.Item1 ?? key.Item2);
            }

            return TimeZoneInfo.Utc;
        });
    }

    public static DateTimeOffset? ReadDate(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.ToUniversalTime();
        }

        return null;
    }

    public static long? ReadLong(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var number))
        {
            return number;
        }

        if (value.TryGetValue<double>(out var real) && real == Math.Floor(real))
        {
            return (long)real;
        }

        return value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    public static DateTimeOffset LocalToUtc(DateTime wallClock, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);

        // A wall-clock time in a spring-forward gap does not exist; take the instant an hour later.
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static string FormatUtc(DateTimeOffset value) => value.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);
}
