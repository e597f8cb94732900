using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of <c>PATCH /v1.2/sites/{site_id}/users/{site_user_id}</c>: a partial update.</summary>
/// <remarks>
/// Only the fields that are set are sent; the others keep their values. Whether names or the e-mail can be
/// changed this way is unconfirmed, so they are not offered. The subscription has its own call.
/// </remarks>
public sealed record SiteUserUpdateRequest
{
    /// <summary>Gets the display alias.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Alias { get; init; }

    /// <summary>Gets whether the user is blocked.</summary>
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

    /// <summary>Gets whether the user's tag is blocked.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TagBlocked { get; init; }
}
