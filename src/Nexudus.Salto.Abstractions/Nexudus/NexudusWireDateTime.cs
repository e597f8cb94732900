using System.Globalization;
using System.Text.Json;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Reads a Nexudus date-time string as it stands on the wire, for <see cref="NexudusUtcDateTimeConverter"/>
/// and <see cref="NexudusLocalDateTimeConverter"/>, which differ only in what they make of it.
/// </summary>
internal static class NexudusWireDateTime
{
    /// <summary>Reads the current JSON string; a value without an offset is read as UTC.</summary>
    /// <exception cref="JsonException">The token is not a string, or the string is not a date-time.</exception>
    public static DateTimeOffset Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date-time string but found {reader.TokenType}.");
        }

        var text = reader.GetString();

        // AssumeUniversal keeps the machine's time zone out of it: text without an offset is UTC, and
        // DateTimeOffset.DateTime is the clock reading in whatever offset the text carried.
        if (!DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var value))
        {
            throw new JsonException($"'{text}' is not a date-time value.");
        }

        return value;
    }
}
