namespace Nexudus.Salto.SaltoKs;

/// <summary>A role of a site (<c>GET /v1.1/sites/{site_id}/roles</c>); its id goes into <c>role_ids</c>.</summary>
/// <remarks>
/// Roles are hierarchical (owner, site_admin, site_super_user, site_user) or not (e.g. site_guest).
/// Only the id is confirmed; the other fields are read when present.
/// </remarks>
public sealed record Role
{
    /// <summary>Gets the role's UUID.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the role's name, e.g. <c>site_user</c> or <c>site_guest</c>, where a service sends <c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the role's code, e.g. <c>site_user</c>, <c>site_admin</c> or <c>site_mobile_user</c>, as the live service sends it.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the role's display name, e.g. <c>Site User</c>.</summary>
    public string? CustomerReference { get; init; }

    /// <summary>Gets the id of the role above this one in the hierarchy.</summary>
    /// <value><see langword="null"/> for a role at the top or outside the hierarchy.</value>
    public string? ParentId { get; init; }

    /// <summary>Gets whether the role is part of the hierarchy (owner, admin, super user, user) or stands alone.</summary>
    public bool? IsHierarchical { get; init; }

    /// <summary>Gets the role's code, else its name: the value to compare with names such as <c>site_user</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CodeOrName => Code ?? Name;
}
