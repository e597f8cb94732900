using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>A lock (door) of a site (<c>GET /v1.x/sites/{site_id}/locks</c>).</summary>
/// <remarks>
/// Named <c>SaltoLock</c> rather than <c>Lock</c>, which would clash with <see cref="System.Threading.Lock"/>
/// under implicit usings. A lock carries no site id: keep the site context yourself.
/// </remarks>
public sealed record SaltoLock
{
    /// <summary>Gets the lock's UUID.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the lock's name, e.g. <c>Room 101</c>.</summary>
    public string? CustomerReference { get; init; }

    /// <summary>Gets the hardware kind, e.g. <see cref="LockType.EscutcheonPin"/>.</summary>
    public LockType? LockType { get; init; }

    /// <summary>Gets whether the lock is online (reachable through its IQ).</summary>
    public bool? Online { get; init; }

    /// <summary>Gets the locked state as SALTO KS writes it (e.g. <c>locked</c>, <c>unlocked</c>).</summary>
    public string? LockedState { get; init; }

    /// <summary>Gets the battery level as SALTO KS reports it (text or number on the wire, kept as text).</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    public string? BatteryLevel { get; init; }

    /// <summary>Gets how the lock communicates with its IQ.</summary>
    public string? CommunicationType { get; init; }

    /// <summary>Gets the vendor details.</summary>
    public LockVendor? Vendor { get; init; }

    /// <summary>Gets the IQ the lock is attached to.</summary>
    public LockIq? Iq { get; init; }

    /// <summary>Gets the number of offline-access keys stored on the lock.</summary>
    public int? OfflineAccessKeysCount { get; init; }
}
