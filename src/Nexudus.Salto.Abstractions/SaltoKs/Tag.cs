using System.Text;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>A tag (fob or card) registered to a site; assigned to a user through <c>tag_id</c>.</summary>
/// <remarks>
/// The Connect tag endpoints are unconfirmed, so this holds only the fields the older CLP API had.
/// The tag number is a card number: <see cref="ToString"/> leaves it out so it never reaches a log.
/// </remarks>
public sealed record Tag
{
    /// <summary>Gets the tag's UUID, the value <c>tag_id</c> takes.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the number printed on or read from the tag (text or number on the wire, kept as text).</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    public string? TagNumber { get; init; }

    /// <summary>Gets the tag's name, if the service gives one.</summary>
    public string? CustomerReference { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", TagNumber = ").Append(TagNumber is null ? "null" : "***")
            .Append(", CustomerReference = ").Append(CustomerReference);
        return true;
    }
}
