using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Reads Nexudus GUID fields, treating an empty string like <see langword="null"/>.
/// </summary>
/// <remarks>
/// Nexudus' own reference types the GUID links (for example <c>TariffTimePassUniqueId</c>) as
/// strings, so an unset link may arrive as <c>""</c>; the default converter would throw on it and
/// fail the whole record.
/// </remarks>
internal sealed class NexudusGuidConverter : JsonConverter<Guid?>
{
    public override bool HandleNull => true;

    public override Guid? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a GUID string but found {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Guid.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a GUID.");
    }

    public override void Write(Utf8JsonWriter writer, Guid? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } guid)
        {
            writer.WriteStringValue(guid);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
