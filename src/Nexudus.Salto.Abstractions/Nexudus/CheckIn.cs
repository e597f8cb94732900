using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A check-in at a location, from <c>/api/spaces/checkins</c>; also the body sent to create
/// (POST, without <see cref="NexudusEntity.Id"/>) and to check out (PUT, the full record with
/// <see cref="ToTime"/> set).
/// </summary>
/// <remarks>
/// <see cref="BusinessId"/> and <see cref="FromTime"/> are required on create. A write can answer
/// HTTP 200 with <see cref="NexudusWriteResult.WasSuccessful"/> <see langword="false"/>.
/// </remarks>
public sealed record CheckIn : NexudusEntity
{
    /// <summary>Gets the id of the location checked in to.</summary>
    public long? BusinessId { get; init; }

    /// <summary>Gets the id of the customer who checked in.</summary>
    public long? CoworkerId { get; init; }

    /// <summary>Gets when the customer checked in (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? FromTime { get; init; }

    /// <summary>Gets when the customer checked in, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? FromTimeLocal { get; init; }

    /// <summary>Gets when the customer checked out (UTC); <see langword="null"/> while the check-in is open.</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? ToTime { get; init; }

    /// <summary>Gets when the customer checked out, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? ToTimeLocal { get; init; }

    /// <summary>Gets how the check-in was recorded (read-only).</summary>
    public CheckInSource? Source { get; init; }

    /// <summary>Gets the <see cref="NexudusEntity.UniqueId"/> of the <see cref="CoworkerTimePass"/> used.</summary>
    [JsonConverter(typeof(NexudusGuidConverter))]
    public Guid? CoworkerTimePassGuid { get; init; }

    /// <summary>Gets whether the check-in counts towards plan limits.</summary>
    public bool? CountsTowardsPlanLimits { get; init; }

    /// <summary>Gets whether Nexudus closes the check-in automatically.</summary>
    public bool? AutoCheckout { get; init; }

    /// <summary>Gets when activity was last seen for the check-in (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? LastActivity { get; init; }

    /// <summary>Gets the MAC addresses of devices seen during a network-activity check-in.</summary>
    public string? MacAddresses { get; init; }

    /// <summary>Gets the customer's teams when the check-in was recorded, as one string.</summary>
    public string? TeamsAtTheTimeOfCheckin { get; init; }

    /// <summary>Gets the customer's plan when the check-in was recorded.</summary>
    public string? TariffAtTheTimeOfCheckin { get; init; }
}
