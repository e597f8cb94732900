using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A time-of-day window in which a <see cref="TimePass"/> may be used, from
/// <c>/api/billing/timepasstimeslots</c> (for example a "morning pass").
/// </summary>
/// <remarks>
/// Most likely only the time of day in <see cref="FromTime"/> and <see cref="ToTime"/> counts and
/// it is the location's local time; both are unconfirmed, so the values are kept as sent.
/// </remarks>
public sealed record TimePassTimeSlot : NexudusEntity
{
    /// <summary>Gets the id of the pass the slot belongs to.</summary>
    public long? TimePassId { get; init; }

    /// <summary>
    /// Gets the day of the week the slot applies to, as Nexudus numbers it (probably 0 = Sunday,
    /// like <see cref="System.DayOfWeek"/>; unconfirmed).
    /// </summary>
    public int? DayOfWeek { get; init; }

    /// <summary>Gets the start of the window.</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? FromTime { get; init; }

    /// <summary>Gets the end of the window.</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? ToTime { get; init; }
}
