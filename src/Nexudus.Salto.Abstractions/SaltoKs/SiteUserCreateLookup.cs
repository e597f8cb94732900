namespace Nexudus.Salto.SaltoKs;

/// <summary>When <see cref="ISaltoKsClient.CreateSiteUserAsync(string, SiteUserCreateRequest, SiteUserCreateLookup, CancellationToken)"/> looks the e-mail up.</summary>
public enum SiteUserCreateLookup
{
    /// <summary>
    /// The default: look the e-mail up before creating, and again after a create whose outcome is unknown.
    /// Two calls per creation, and no duplicate user even when the caller knows nothing about the site.
    /// </summary>
    BeforeAndAfterUncertainCreate = 0,

    /// <summary>
    /// Look the e-mail up only after a create whose outcome is unknown (timeout, network failure, 5xx). For
    /// callers that have just read the site's users and know the e-mail is not there, such as the sync engine:
    /// one call per creation.
    /// </summary>
    OnlyAfterUncertainCreate = 1,
}
