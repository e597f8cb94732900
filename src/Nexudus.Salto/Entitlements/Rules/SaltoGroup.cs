namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>A SALTO access group, spelled as the configuration first named it.</summary>
/// <param name="SiteId">The SALTO site.</param>
/// <param name="GroupId">The access group at that site.</param>
internal sealed record SaltoGroup(string SiteId, string GroupId);
