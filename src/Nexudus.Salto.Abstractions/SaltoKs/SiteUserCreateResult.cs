namespace Nexudus.Salto.SaltoKs;

/// <summary>The site user returned by <see cref="ISaltoKsClient.CreateSiteUserAsync(string, SiteUserCreateRequest, CancellationToken)"/>, and how it was obtained.</summary>
public sealed record SiteUserCreateResult
{
    /// <summary>Gets the site user, with both of its ids.</summary>
    public required SiteUser User { get; init; }

    /// <summary>Gets whether the user was created now or found by e-mail.</summary>
    public required SiteUserCreateOutcome Outcome { get; init; }
}
