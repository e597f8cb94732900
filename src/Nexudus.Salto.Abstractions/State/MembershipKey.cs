using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.State;

/// <summary>Names one access-group membership: a site, a group and a platform user.</summary>
/// <param name="SiteId">The SALTO KS site id.</param>
/// <param name="GroupId">The SALTO access-group id.</param>
/// <param name="UserId">The member's SALTO platform user id.</param>
public readonly record struct MembershipKey(string SiteId, string GroupId, PlatformUserId UserId);
