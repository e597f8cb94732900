namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of <c>POST /v1.1/sites/{site_id}/access_groups/{access_group_id}/users</c>: add one member.</summary>
/// <remarks>Membership takes the platform user id only; for more than one user use the bulk <c>PATCH</c>.</remarks>
internal sealed record AccessGroupUserAddRequest
{
    /// <summary>Gets the platform user id of the member to add.</summary>
    public required PlatformUserId UserId { get; init; }
}
