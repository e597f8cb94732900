using System.Text.Json.Serialization;

namespace Nexudus.Salto.Sync;

/// <summary>The JSON of what the sync engine keeps in the state store's named values.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<PendingMembershipChange>))]
[JsonSerializable(typeof(List<PaymentSuspension>))]
internal sealed partial class SyncStateJsonContext : JsonSerializerContext;
