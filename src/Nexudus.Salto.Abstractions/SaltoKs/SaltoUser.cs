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
}
