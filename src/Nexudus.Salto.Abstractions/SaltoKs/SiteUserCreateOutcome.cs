namespace Nexudus.Salto.SaltoKs;

/// <summary>How <see cref="ISaltoKsClient.CreateSiteUserAsync(string, SiteUserCreateRequest, CancellationToken)"/> came by the site user it returns.</summary>
public enum SiteUserCreateOutcome
{
    /// <summary>The user was created now; SALTO KS sent the invitation if an e-mail was given.</summary>
    Created = 0,

    /// <summary>A site user with the same e-mail already existed, so nothing was created.</summary>
    AlreadyExisted = 1,

    /// <summary>
    /// The create call failed with an unknown outcome (timeout, network failure, 5xx), and a look-up by
    /// e-mail then found the user: most likely that call created it.
    /// </summary>
    FoundAfterUncertainCreate = 2,
}
