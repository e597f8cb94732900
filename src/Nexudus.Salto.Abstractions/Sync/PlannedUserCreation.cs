namespace Nexudus.Salto.Sync;

/// <summary>
/// An entitled customer with no SALTO KS user on the site yet: the SDK creates one (which sends the SALTO
/// invitation to the e-mail) before adding them to their groups.
/// </summary>
internal sealed record PlannedUserCreation
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site the user is created on.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the Nexudus customer id.</summary>
    /// <value>The customer.</value>
    public required long CustomerId { get; init; }

    /// <summary>Gets the e-mail address the invitation goes to.</summary>
    /// <value>The customer's e-mail, trimmed.</value>
    public required string Email { get; init; }

    /// <summary>Gets the first name.</summary>
    /// <value>The customer's first name, or <see langword="null"/> when Nexudus has none.</value>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name.</summary>
    /// <value>The customer's last name, or <see langword="null"/> when Nexudus has none.</value>
    public string? LastName { get; init; }
}
