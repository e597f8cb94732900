using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>A customer's SALTO user on a site, with both of its ids.</summary>
internal sealed record MatchedIdentity(long CustomerId, SiteUserId SiteUserId, PlatformUserId PlatformUserId, IdentityMatchKind Kind);
