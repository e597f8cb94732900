namespace Nexudus.Salto.SaltoKs;

/// <summary>The platform account nested in a site user (<c>user</c>).</summary>
public sealed record SaltoUser
{
    /// <summary>Gets the platform user id, the only id access-group membership accepts.</summary>
    public required PlatformUserId Id { get; init; }

    /// <summary>Gets the account's e-mail address; absent for users created without one.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the first name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name.</summary>
    public string? LastName { get; init; }

    /// <summary>
    /// Gets the number printed on the tag (fob or card) the person holds, e.g. <c>02305075</c>: the field through
    /// which the service shows a person's tag. A card number: never logged, and left out of <see cref="ToString"/>.
    /// </summary>
    /// <value><see langword="null"/> when the person holds no tag (text or number on the wire, kept as text).</value>
    [System.Text.Json.Serialization.JsonConverter(typeof(StringOrNumberJsonConverter))]
    public string? TagNumber { get; init; }

    /// <summary>Gets the tag's RF id as the service shows it (<c>tag_rf_id_uid</c>). A card identifier: never logged.</summary>
    /// <value><see langword="null"/> when the service leaves it out.</value>
    [System.Text.Json.Serialization.JsonPropertyName("tag_rf_id_uid")]
    [System.Text.Json.Serialization.JsonConverter(typeof(StringOrNumberJsonConverter))]
    public string? TagRfIdUid { get; init; }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Email = ").Append(Email)
            .Append(", FirstName = ").Append(FirstName)
            .Append(", LastName = ").Append(LastName)
            .Append(", TagNumber = ").Append(TagNumber is null ? "null" : "***")
            .Append(", TagRfIdUid = ").Append(TagRfIdUid is null ? "null" : "***");
        return true;
    }
}
