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
        PlatformUserIdJsonConverter.Shared.ReadOptional(ref reader);

    public override void Write(Utf8JsonWriter writer, PlatformUserId? value, JsonSerializerOptions options) =>
        PlatformUserIdJsonConverter.Shared.WriteOptional(writer, value);
}
