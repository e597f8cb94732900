using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Reads an optional <see cref="PlatformUserId"/> where an empty string means "no user", as in an
/// entry made with a tag that is assigned to nobody.
/// </summary>
internal sealed class OptionalPlatformUserIdJsonConverter : JsonConverter<PlatformUserId?>
{
    public override bool HandleNull => true;

    public override PlatformUserId? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString() is { Length: > 0 } text ? new PlatformUserId(text) : null,
            _ => throw new JsonException($"A user id must be a JSON string, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, PlatformUserId? value, JsonSerializerOptions options)
    {
        if (value is { } id && id.Value is not null)
        {
            writer.WriteStringValue(id.Value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
