using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of <c>POST /v1.1/sites/{site_id}/users</c>.</summary>
/// <remarks>
/// Unset optional fields are left out of the body. The response is the created <see cref="SiteUser"/>,
/// with both its ids. For about a minute afterwards some calls on the new user may fail with 403
/// <c>2203</c> or 404 <c>2202</c>.
/// </remarks>
public sealed record SiteUserCreateRequest : SiteUserRequestBase
{
    /// <summary>Gets the first name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirstName { get; init; }

    /// <summary>Gets the last name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastName { get; init; }

    /// <summary>Gets the e-mail address; setting it makes SALTO KS send an invitation.</summary>
    /// <value>Leave <see langword="null"/> for a user who opens with a tag only.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; init; }

    /// <summary>Gets the ids of the roles to give the user (from <see cref="Role.Id"/>).</summary>
    /// <value>Empty by default; always written.</value>
    public IReadOnlyList<string> RoleIds { get; init => field = value ?? []; } = [];

    /// <summary>Gets the UUID of a registered tag to assign to the user.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TagId { get; init; }
}
