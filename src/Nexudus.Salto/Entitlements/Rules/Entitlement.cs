namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// One thing a rule says: <see cref="CustomerId"/> belongs in the SALTO access group
/// (<see cref="SiteId"/>, <see cref="GroupId"/>) during <see cref="Window"/>, because of
/// <see cref="Grant"/> (the pass, contract, team seat or booking, kept as lineage).
/// </summary>
/// <param name="SiteId">The SALTO site of the group.</param>
/// <param name="GroupId">The SALTO access group.</param>
/// <param name="CustomerId">The Nexudus customer who gets access.</param>
/// <param name="Window">When the rule grants access.</param>
/// <param name="Grant">Why: the rule instance, with <see cref="AccessGrant.ValidUntil"/> the end of the window.</param>
internal sealed record Entitlement(string SiteId, string GroupId, long CustomerId, AccessWindow Window, AccessGrant Grant);
