using System.Text.Json.Serialization;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Guests;

/// <summary>
/// A SALTO KS guest user the SDK created, as the state store keeps it: the proof that the SDK owns the user (only these
/// are ever deleted), why it exists and until when.
/// </summary>
internal sealed record GuestRecord
{
    /// <summary>Gets what the guest stands for in Nexudus: <c>booking-visitor:{id}</c> or <c>visitor:{id}</c>.</summary>
    public required string Key { get; init; }

    public GuestSource Source { get; init; }

    public required string SiteId { get; init; }

    public long BusinessId { get; init; }

    public required string SiteUserId { get; init; }

    public required string UserId { get; init; }

    public required string Alias { get; init; }

    public long? BookingId { get; init; }

    public long? VisitorId { get; init; }

    public long? BookingVisitorId { get; init; }

    public long? HostCustomerId { get; init; }

    public DateTimeOffset ValidFrom { get; init; }

    public DateTimeOffset ValidUntil { get; init; }

    /// <summary>Gets the groups SALTO accepted the guest into.</summary>
    public List<string> Groups { get; init; } = [];

    /// <summary>Gets whether a PIN was issued and handed to the sink (it is never issued twice: each issue rotates it).</summary>
    public bool PinIssued { get; init; }

    /// <summary>Gets whether SALTO KS created the guest suspended (no free seat) and deleting it failed: it goes on the next run.</summary>
    public bool Suspended { get; init; }

    public string Lineage { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The JSON of the guest records in the state store's named values.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<GuestRecord>))]
internal sealed partial class GuestStateJsonContext : JsonSerializerContext;
