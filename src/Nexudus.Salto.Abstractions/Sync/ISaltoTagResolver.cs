namespace Nexudus.Salto.Sync;

/// <summary>
/// Finds the SALTO KS tags registered at a site for the tag numbers customers carry in Nexudus
/// (<c>AccessCardId</c>). The SALTO tag endpoints are unconfirmed, so this is the seam to replace
/// when a tenant's API differs: register your own implementation instead of the default one.
/// </summary>
public interface ISaltoTagResolver
{
    /// <summary>Resolves tag numbers to the ids of the tags registered at a site.</summary>
    /// <param name="siteId">The SALTO KS site id.</param>
    /// <param name="tagNumbers">The numbers to resolve, as written in Nexudus (trimmed, without separators).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The tag id of each number that matches a registered tag, keyed by the number as given. A number that
    /// matches none is left out, and the sync reports it; it is never an error.
    /// </returns>
    /// <remarks>Implementations must never log or put tag numbers into exception messages: they are card numbers.</remarks>
    Task<IReadOnlyDictionary<string, string>> ResolveAsync(string siteId, IReadOnlyCollection<string> tagNumbers, CancellationToken cancellationToken = default);
}
