namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Where the client lists, assigns and unassigns tags. The Connect tag endpoints are unconfirmed, so every part
/// is configurable.
/// </summary>
/// <remarks>
/// Paths are relative to <c>{BaseUrl}/{version}/</c> (version: <see cref="SaltoKsApiVersions.Tags"/>) and may use the
/// placeholders <c>{site_id}</c>, <c>{site_user_id}</c> and <c>{tag_id}</c>, which the client fills in escaped.
/// </remarks>
public sealed class SaltoKsTagEndpoints
{
    /// <summary>Gets or sets the path that lists a site's registered tags.</summary>
    /// <value><c>sites/{site_id}/tags</c> by default.</value>
    public string ListPath { get; set; } = "sites/{site_id}/tags";

    /// <summary>Gets or sets how a tag is assigned to a user.</summary>
    /// <value><see cref="SaltoKsTagAssignmentMode.UserTagId"/> by default.</value>
    public SaltoKsTagAssignmentMode AssignmentMode { get; set; } = SaltoKsTagAssignmentMode.UserTagId;

    /// <summary>Gets or sets the path that assigns a tag (<c>POST</c>), used with <see cref="SaltoKsTagAssignmentMode.TagEndpoints"/>.</summary>
    /// <value><c>sites/{site_id}/users/{site_user_id}/tags</c> by default.</value>
    public string AssignPath { get; set; } = "sites/{site_id}/users/{site_user_id}/tags";

    /// <summary>Gets or sets the path that unassigns a tag (<c>DELETE</c>), used with <see cref="SaltoKsTagAssignmentMode.TagEndpoints"/>.</summary>
    /// <value><c>sites/{site_id}/users/{site_user_id}/tags/{tag_id}</c> by default.</value>
    public string UnassignPath { get; set; } = "sites/{site_id}/users/{site_user_id}/tags/{tag_id}";
}
