namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The body of <c>PATCH /v1.1/sites/{site_id}/access_groups/{access_group_id}/users</c>: members to add and remove in one call.
/// </summary>
/// <remarks>
/// Membership takes platform user ids only (<see cref="SaltoUser.Id"/>); a site-user id here gives
/// 404 <c>2202</c>, which is why the lists are typed. Salto asks for this call, rather than one
/// call per user, whenever more than one user changes.
/// </remarks>
public sealed record AccessGroupUsersChange
{
    /// <summary>Gets the platform user ids to add.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<PlatformUserId> AddIds { get; init => field = value ?? []; } = [];

    /// <summary>Gets the platform user ids to remove.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<PlatformUserId> RemoveIds { get; init => field = value ?? []; } = [];
}
