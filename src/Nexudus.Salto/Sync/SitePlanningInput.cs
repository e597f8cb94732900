using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>Everything <see cref="AccessPlanner"/> needs to plan one site.</summary>
internal sealed record SitePlanningInput
{
    /// <summary>Gets the SALTO KS site id.</summary>
    public required string SiteId { get; init; }

    /// <summary>Gets the site's managed groups (from <see cref="DesiredAccess.ManagedGroups"/>).</summary>
    public required IReadOnlyList<ManagedGroup> Groups { get; init; }

    /// <summary>Gets the members of each group that could be read, by group id (ignoring case); a group missing here is left alone.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<PlatformUserId>> Members { get; init; }

    /// <summary>Gets who should be in which group.</summary>
    public required DesiredAccess Desired { get; init; }

    /// <summary>Gets the identity matches of the site.</summary>
    public required IdentityMatchResult Identities { get; init; }

    /// <summary>Gets the site's ownership ledger: the memberships the SDK added.</summary>
    public required IReadOnlyList<OwnedMembership> Ledger { get; init; }

    /// <summary>Gets the customers, by id, for the names of users to create.</summary>
    public required IReadOnlyDictionary<long, Coworker> Customers { get; init; }
}
