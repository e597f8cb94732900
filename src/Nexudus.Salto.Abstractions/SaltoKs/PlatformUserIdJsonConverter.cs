using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>Reads and writes a <see cref="PlatformUserId"/> as a plain JSON string.</summary>
/// <remarks>
/// Applied to <see cref="PlatformUserId"/> by attribute, so it also works in source-generated contexts
/// other than <c>SaltoKsJsonContext</c>. JSON <c>null</c> or an empty string is rejected;
/// use <c>PlatformUserId?</c> where the service may leave the id out.
/// </remarks>
internal sealed class PlatformUserIdJsonConverter : JsonConverter<PlatformUserId>
{
    // The logic is shared with the other SALTO user id; this public type exists for the attribute.
    internal static readonly SaltoUserIdJsonConverter<PlatformUserId> Shared = new(nameof(PlatformUserId), text => new PlatformUserId(text), id => id.Value);

    /// <inheritdoc/>
    public override PlatformUserId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Shared.Read(ref reader, typeToConvert, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PlatformUserId value, JsonSerializerOptions options) =>
        Shared.Write(writer, value, options);

    /// <inheritdoc/>
    public override PlatformUserId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Shared.ReadAsPropertyName(ref reader, typeToConvert, options);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, PlatformUserId value, JsonSerializerOptions options) =>
        Shared.WriteAsPropertyName(writer, value, options);
}
