using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>Reads and writes a <see cref="EntryEventCategory"/> as a plain JSON string.</summary>
/// <remarks>
/// Any string is accepted and kept, so a value SALTO KS adds later never breaks reading.
/// JSON <c>null</c> reads as <see langword="default"/>, which writes back as <c>null</c>.
/// </remarks>
internal sealed class EntryEventCategoryJsonConverter : JsonConverter<EntryEventCategory>
{
    /// <inheritdoc/>
    public override EntryEventCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new EntryEventCategory(reader.GetString()!),
            JsonTokenType.Null => default,
            _ => throw new JsonException($"A EntryEventCategory must be a JSON string, not {reader.TokenType}."),
        };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, EntryEventCategory value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value == default)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
