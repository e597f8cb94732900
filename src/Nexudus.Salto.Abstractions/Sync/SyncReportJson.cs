using System.Text.Json.Serialization.Metadata;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The JSON form of a <see cref="SyncReport"/>, source-generated (trimming- and AOT-safe): camelCase members, enums as
/// their names, grants tagged with a <c>rule</c> property (<c>timePass</c>, <c>contract</c>, <c>team</c>,
/// <c>booking</c>), indented.
/// </summary>
/// <example>
/// <code>
/// var json = JsonSerializer.Serialize(report, SyncReportJson.TypeInfo);
/// var back = JsonSerializer.Deserialize(json, SyncReportJson.TypeInfo);
/// </code>
/// </example>
public static class SyncReportJson
{
    /// <summary>Gets the metadata to pass to <c>JsonSerializer.Serialize</c> and <c>Deserialize</c>.</summary>
    /// <value>The sync report's JSON metadata.</value>
    public static JsonTypeInfo<SyncReport> TypeInfo => SyncJsonContext.Default.SyncReport;

    /// <summary>
    /// Gets the metadata of the sync report and every type in it, to add to your own options'
    /// <c>TypeInfoResolverChain</c> (for example an ASP.NET Core endpoint that returns reports); your options then decide
    /// the formatting.
    /// </summary>
    /// <value>A resolver of the report's types.</value>
    public static IJsonTypeInfoResolver Resolver => SyncJsonContext.Default;
}
