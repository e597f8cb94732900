using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of <c>POST /v1.1/sites/{site_id}/users</c>.</summary>
/// <remarks>
/// Unset optional fields are left out of the body. The response is the created <see cref="SiteUser"/>,
/// with both its ids. For about a minute afterwards some calls on the new user may fail with 403
/// <c>2203</c> or 404 <c>2202</c>.
/// </remarks>
public sealed record SiteUserCreateRequest
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

    /// <summary>Gets the display alias.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Alias { get; init; }

    /// <summary>Gets whether the user starts blocked.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Blocked { get; init; }

    /// <summary>Gets whether the user may open with a PIN.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? UsePin { get; init; }

    /// <summary>Gets whether the user may open locks that are in privacy mode.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? OverridePrivacyMode { get; init; }

    /// <summary>Gets whether the user may switch easy office mode.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ToggleEasyOfficeMode { get; init; }

    /// <summary>Gets whether the user may switch manual office mode.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ToggleManualOfficeMode { get; init; }

    /// <summary>Gets whether the user's tag works offline; offline access ignores time schedules.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TagOfflineAccess { get; init; }

    /// <summary>Gets whether the user's tag starts blocked.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TagBlocked { get; init; }
}
