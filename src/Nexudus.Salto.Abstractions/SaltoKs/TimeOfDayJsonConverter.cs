using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>Reads and writes time-schedule times of day (<c>start_time</c>, <c>end_time</c>) as <c>HH:mm:ss</c>.</summary>
/// <remarks>Reading also accepts <c>HH:mm</c> and fractional seconds; writing drops fractions of a second.</remarks>
internal sealed class TimeOfDayJsonConverter : JsonConverter<TimeOnly>
{
    private const string WireFormat = "HH':'mm':'ss";

    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A time of day must be a JSON string, not {reader.TokenType}.");
        }

        string text = reader.GetString()!;
        return TimeOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly value)
            ? value
            : throw new JsonException($"'{text}' is not a time of day (HH:mm:ss).");
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(WireFormat, CultureInfo.InvariantCulture));
}
