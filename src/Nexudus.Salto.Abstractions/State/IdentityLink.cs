using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.State;

/// <summary>
/// Which SALTO KS site user a Nexudus customer is, with both SALTO ids: the site-user id (user
/// routes) and the platform user id (access-group membership).
/// </summary>
public sealed record IdentityLink
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site the user belongs to.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the Nexudus customer (coworker) id.</summary>
    /// <value>The customer.</value>
    public required long CustomerId { get; init; }

    /// <summary>Gets the SALTO site-user id.</summary>
    /// <value>The id user routes take.</value>
    public required SiteUserId SiteUserId { get; init; }

    /// <summary>Gets the SALTO platform user id.</summary>
    /// <value>The id access-group membership takes.</value>
    public required PlatformUserId PlatformUserId { get; init; }

    /// <summary>Gets the e-mail the link was made or created with.</summary>
    /// <value>The e-mail, or <see langword="null"/> for users without one.</value>
    public string? Email { get; init; }

    /// <summary>Gets whether the SDK created the SALTO user (rather than matching an existing one).</summary>
    /// <value><see langword="true"/> when the SDK sent the invitation.</value>
    public bool CreatedBySdk { get; init; }

    /// <summary>Gets when the link was made.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset LinkedAt { get; init; }
}
