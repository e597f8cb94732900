using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Reads and writes the Nexudus <c>*Local</c> date fields as wall-clock values of the location.
/// </summary>
/// <remarks>
/// The value is the location's clock reading, so any <c>Z</c> or offset on the wire is ignored
/// (not applied) and the result always has <see cref="DateTimeKind.Unspecified"/>. The machine's
/// time zone is never consulted. Values are written without an offset.
/// </remarks>
internal sealed class NexudusLocalDateTimeConverter : JsonConverter<DateTime>
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NexudusWireDateTime.Read(ref reader).DateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(WireFormat, CultureInfo.InvariantCulture));
    }
}
