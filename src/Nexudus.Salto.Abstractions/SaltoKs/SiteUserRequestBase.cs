using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The settings of a site user that both <see cref="SiteUserCreateRequest"/> and
/// <see cref="SiteUserUpdateRequest"/> can send.
/// </summary>
/// <remarks>
/// Every setting is optional and left out of the body when unset. In a serialised request the
/// derived record's own fields come first, then these.
/// </remarks>
public abstract record SiteUserRequestBase
{
    /// <summary>Gets the display alias.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Alias { get; init; }

    /// <summary>Gets whether the user is blocked; in a create request, whether the new user starts blocked.</summary>
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

    /// <summary>Gets whether the user's tag is blocked; in a create request, whether it starts blocked.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TagBlocked { get; init; }
}
