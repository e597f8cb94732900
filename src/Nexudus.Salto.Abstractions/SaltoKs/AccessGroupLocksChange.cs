namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The body of <c>PATCH /v1.1/sites/{site_id}/access_groups/{access_group_id}/locks</c>: locks to add and remove in one call.
/// </summary>
public sealed record AccessGroupLocksChange
{
    /// <summary>Gets the lock ids to add.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<string> AddIds { get; init => field = value ?? []; } = [];

    /// <summary>Gets the lock ids to remove.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<string> RemoveIds { get; init => field = value ?? []; } = [];
}
