using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The body that assigns a registered tag to a site user, or clears it: <c>{"tag_id": "…"}</c> or
/// <c>{"tag_id": null}</c>.
/// </summary>
/// <remarks>
/// Sent to <c>PATCH …/users/{site_user_id}</c> or to a dedicated tag endpoint, depending on configuration;
/// both are unconfirmed. <see cref="TagId"/> is always written, so <see langword="null"/> clears the tag.
/// </remarks>
internal sealed record TagAssignmentRequest
{
    /// <summary>Gets the tag's UUID (<see cref="Tag.Id"/>), not the number printed on it.</summary>
    /// <value><see langword="null"/> to clear the user's tag.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? TagId { get; init; }
}
