using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>Reads and writes a <see cref="PlatformUserId"/> as a plain JSON string.</summary>
/// <remarks>
/// Applied to <see cref="PlatformUserId"/> by attribute, so it also works in source-generated contexts
/// other than <c>SaltoKsJsonContext</c>. JSON <c>null</c> or an empty string is rejected;
/// use <c>PlatformUserId?</c> where the service may leave the id out.
/// </remarks>
public sealed class PlatformUserIdJsonConverter : JsonConverter<PlatformUserId>
{
    /// <inheritdoc/>
    public override PlatformUserId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A PlatformUserId must be a JSON string, not {reader.TokenType}.");
        }

        return Create(reader.GetString());
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PlatformUserId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Text(value));
    }

    /// <inheritdoc/>
    public override PlatformUserId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString());

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, PlatformUserId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Text(value));
    }

    private static PlatformUserId Create(string? text) =>
        string.IsNullOrEmpty(text) ? throw new JsonException("A PlatformUserId must not be empty.") : new PlatformUserId(text);

    // Writing default would send "" or null to SALTO KS, which it would reject as an unknown user.
    private static string Text(PlatformUserId value) =>
        value.Value ?? throw new JsonException("A default PlatformUserId cannot be written; it holds no id.");
}
