using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>Reads and writes a <see cref="SiteUserId"/> as a plain JSON string.</summary>
/// <remarks>
/// Applied to <see cref="SiteUserId"/> by attribute, so it also works in source-generated contexts
/// other than <c>SaltoKsJsonContext</c>. JSON <c>null</c> or an empty string is rejected;
/// use <c>SiteUserId?</c> where the service may leave the id out.
/// </remarks>
public sealed class SiteUserIdJsonConverter : JsonConverter<SiteUserId>
{
    /// <inheritdoc/>
    public override SiteUserId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A SiteUserId must be a JSON string, not {reader.TokenType}.");
        }

        return Create(reader.GetString());
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, SiteUserId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Text(value));
    }

    /// <inheritdoc/>
    public override SiteUserId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString());

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, SiteUserId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Text(value));
    }

    private static SiteUserId Create(string? text) =>
        string.IsNullOrEmpty(text) ? throw new JsonException("A SiteUserId must not be empty.") : new SiteUserId(text);

    // Writing default would send "" or null to SALTO KS, which it would reject as an unknown user.
    private static string Text(SiteUserId value) =>
        value.Value ?? throw new JsonException("A default SiteUserId cannot be written; it holds no id.");
}
