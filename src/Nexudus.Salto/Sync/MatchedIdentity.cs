using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>A customer's SALTO user on a site, with both of its ids.</summary>
/// <param name="CustomerId">The Nexudus customer.</param>
/// <param name="SiteUserId">The SALTO site-user id.</param>
/// <param name="PlatformUserId">The SALTO platform user id (group membership uses it).</param>
/// <param name="Kind">How the customer was matched.</param>
/// <param name="TagId">
/// The tag the SALTO user held when the site's users were read (<see cref="SiteUser.TagId"/>); <see langword="null"/>
/// for none, or for a user created this run. A tag the user already holds is not assigned again.
/// </param>
internal sealed record MatchedIdentity(long CustomerId, SiteUserId SiteUserId, PlatformUserId PlatformUserId, IdentityMatchKind Kind, string? TagId = null);
