using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>Reads and writes a <see cref="SiteUserId"/> as a plain JSON string.</summary>
/// <remarks>
/// Applied to <see cref="SiteUserId"/> by attribute, so it also works in source-generated contexts
/// other than <c>SaltoKsJsonContext</c>. JSON <c>null</c> or an empty string is rejected;
/// use <c>SiteUserId?</c> where the service may leave the id out.
/// </remarks>
internal sealed class SiteUserIdJsonConverter : JsonConverter<SiteUserId>
{
    // The logic is shared with the other SALTO user id; this public type exists for the attribute.
    internal static readonly SaltoUserIdJsonConverter<SiteUserId> Shared = new(nameof(SiteUserId), text => new SiteUserId(text), id => id.Value);

    /// <inheritdoc/>
    public override SiteUserId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Shared.Read(ref reader, typeToConvert, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, SiteUserId value, JsonSerializerOptions options) =>
        Shared.Write(writer, value, options);

    /// <inheritdoc/>
    public override SiteUserId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Shared.ReadAsPropertyName(ref reader, typeToConvert, options);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, SiteUserId value, JsonSerializerOptions options) =>
        Shared.WriteAsPropertyName(writer, value, options);
}
