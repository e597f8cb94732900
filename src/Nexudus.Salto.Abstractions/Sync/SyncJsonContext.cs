using System.Text.Json.Serialization;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The source-generated JSON metadata of the sync report and plan: camelCase members, enums as their names,
/// grants tagged with a <c>rule</c> property (<c>timePass</c>, <c>contract</c>, <c>team</c>, <c>booking</c>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(SyncReport))]
[JsonSerializable(typeof(AccessPlan))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
