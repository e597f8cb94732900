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

    /// <summary>Gets the role's name, e.g. <c>site_user</c> or <c>site_guest</c>.</summary>
    public string? Name { get; init; }
}
