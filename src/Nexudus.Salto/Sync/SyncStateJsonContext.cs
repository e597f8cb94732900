using System.Text.Json.Serialization;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The JSON of what the sync engine keeps in the state store's named values, and of the journal values earlier versions
/// kept there (which the migration to the journal table reads).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<PendingMembershipChange>))]
[JsonSerializable(typeof(List<PaymentSuspension>))]
internal sealed partial class SyncStateJsonContext : JsonSerializerContext;
