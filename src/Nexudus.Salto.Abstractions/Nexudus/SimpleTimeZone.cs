namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A Nexudus time zone, the target of <c>SimpleTimeZoneId</c> on locations and customers
/// (<c>/api/sys/simpletimezones</c>).
/// </summary>
public sealed record SimpleTimeZone : NexudusEntity
{
    /// <summary>
    /// Gets the zone's name. Whether it is a Windows id, an IANA id or a display label is unconfirmed.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>Gets the zone's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the zone's offset from UTC, as text (format unconfirmed).</summary>
    public string? TimeOffset { get; init; }

    /// <summary>Gets whether the zone observes daylight-saving (summer) time.</summary>
    public bool? UsesSummerTime { get; init; }
}
