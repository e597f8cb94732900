using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Reads and writes the plain (non-<c>*Local</c>) Nexudus date fields as UTC.
/// </summary>
/// <remarks>
/// Nexudus usually ends these values with <c>Z</c> but not always, and <c>UpdatedOn</c> can carry
/// seven fractional digits. System.Text.Json would read a value without an offset in the machine's
/// time zone; this converter reads it as UTC instead, and normalises any explicit offset to UTC so
/// every value it returns has <see cref="DateTimeOffset.Offset"/> zero.
/// </remarks>
internal sealed class NexudusUtcDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NexudusWireDateTime.Read(ref reader).ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture));
    }
}
