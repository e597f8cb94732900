using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Reads SALTO KS instants, taking a value without an offset as UTC, and writes them as UTC with <c>Z</c>.
/// </summary>
/// <remarks>
/// System.Text.Json would read an offset-less value in the machine's zone, so the same payload
/// would mean different instants on different servers. Date-only values read as midnight UTC.
/// </remarks>
internal sealed class UtcDateTimeOffsetJsonConverter : JsonConverter<DateTimeOffset>
{
    // F (not f) drops trailing zeros, and the dot with them, so whole seconds stay short.
    private const string WireFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A date and time must be a JSON string, not {reader.TokenType}.");
        }

        string text = reader.GetString()!;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : throw new JsonException($"'{text}' is not a date and time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture));
}
