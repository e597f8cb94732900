using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Reads and writes wall-clock times such as <c>local_date_time</c> as <see cref="DateTime"/> with
/// <see cref="DateTimeKind.Unspecified"/>.
/// </summary>
/// <remarks>
/// The value is the IQ's local time, not the machine's, so it is never converted. Should the
/// service append an offset, the wall-clock part is kept and the offset dropped.
/// </remarks>
internal sealed class UnspecifiedDateTimeJsonConverter : JsonConverter<DateTime>
{
    private const string WireFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A local date and time must be a JSON string, not {reader.TokenType}.");
        }

        string text = reader.GetString()!;

        // Parsing as DateTimeOffset and taking .DateTime keeps the written wall clock, Kind Unspecified.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value.DateTime
            : throw new JsonException($"'{text}' is not a date and time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(WireFormat, CultureInfo.InvariantCulture));
}
