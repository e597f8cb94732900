using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The JSON form both SALTO user ids share: a plain, non-empty JSON string, also as a property name.
/// </summary>
/// <remarks>
/// One instance per id type backs <see cref="SiteUserIdJsonConverter"/>, <see cref="PlatformUserIdJsonConverter"/>
/// and <see cref="OptionalPlatformUserIdJsonConverter"/>. Those stay separate types only because a
/// <see cref="JsonConverterAttribute"/> must name a converter with a parameterless constructor, which a
/// source-generated context in another assembly can create only if it is public. The delegates keep it free of
/// reflection, so it is trimming- and AOT-safe.
/// </remarks>
/// <typeparam name="TId">The id type.</typeparam>
internal sealed class SaltoUserIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct
{
    private readonly string _typeName;
    private readonly Func<string, TId> _create;
    private readonly Func<TId, string?> _text;

    /// <param name="typeName">The id type's name, for error messages.</param>
    /// <param name="create">Creates an id from non-empty text.</param>
    /// <param name="text">Gets an id's text; <see langword="null"/> for a default id.</param>
    public SaltoUserIdJsonConverter(string typeName, Func<string, TId> create, Func<TId, string?> text)
    {
        _typeName = typeName;
        _create = create;
        _text = text;
    }

    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {_typeName} must be a JSON string, not {reader.TokenType}.");
        }

        return Create(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Text(value));
    }

    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Text(value));
    }

    /// <summary>Reads an id where JSON <c>null</c> or an empty string means "no user".</summary>
    public TId? ReadOptional(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString() is { Length: > 0 } text ? _create(text) : null,
            _ => throw new JsonException($"A user id must be a JSON string, not {reader.TokenType}."),
        };

    /// <summary>Writes an optional id, or JSON <c>null</c> for none (or a default id).</summary>
    public void WriteOptional(Utf8JsonWriter writer, TId? value)
    {
        if (value is { } id && _text(id) is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private TId Create(string? text) =>
        string.IsNullOrEmpty(text) ? throw new JsonException($"A {_typeName} must not be empty.") : _create(text);

    // Writing default would send "" or null to SALTO KS, which it would reject as an unknown user.
    private string Text(TId value) =>
        _text(value) ?? throw new JsonException($"A default {_typeName} cannot be written; it holds no id.");
}
