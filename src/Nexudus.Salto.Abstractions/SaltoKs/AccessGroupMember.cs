using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>A member of an access group, as listed by <c>GET …/access_groups/{access_group_id}/users</c>.</summary>
/// <remarks>
/// The exact item shape is unconfirmed: members are platform users, and clients have read both a
/// flat item (<c>{"id": …, "first_name": …}</c>) and a site-user-like item with a nested
/// <c>user</c>. Both are read; <see cref="PlatformUserId"/> picks the platform id out of either.
/// </remarks>
public sealed record AccessGroupMember
{
    /// <summary>Gets the item's own <c>id</c>: the platform user id in a flat item.</summary>
    /// <value>
    /// Kept as text because in an item with a nested <see cref="User"/> it may be a site-user id instead.
    /// </value>
    public string? Id { get; init; }

    /// <summary>Gets an explicit <c>user_id</c>, if the item carries one.</summary>
    [JsonConverter(typeof(OptionalPlatformUserIdJsonConverter))]
    public PlatformUserId? UserId { get; init; }

    /// <summary>Gets the nested platform account, if the item carries one.</summary>
    public SaltoUser? User { get; init; }

    /// <summary>Gets the first name, when the item carries it at the top level.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name, when the item carries it at the top level.</summary>
    public string? LastName { get; init; }

    /// <summary>Gets the e-mail address, when the item carries it at the top level.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the member's platform user id, whichever shape the item had.</summary>
    /// <value>
    /// <c>user.id</c> if present, else <c>user_id</c>, else the flat <c>id</c>; <see langword="null"/> if none is set.
    /// </value>
    [JsonIgnore]
    public PlatformUserId? PlatformUserId =>
        User?.Id ?? UserId ?? (string.IsNullOrEmpty(Id) ? null : new PlatformUserId(Id));
}
