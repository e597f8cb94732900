using System.Collections.ObjectModel;

namespace Nexudus.Salto.Entitlements;

/// <summary>
/// One location's checked links: which SALTO groups each pass, desk and resource grants, who owns
/// each group, and the location's <see cref="EntitlementPolicy"/>.
/// </summary>
public sealed record LocationLinkMap
{
    /// <summary>Gets the Nexudus business (location) id.</summary>
    /// <value>The location.</value>
    public required long BusinessId { get; init; }

    /// <summary>Gets the SALTO KS site of the location's doors.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the groups each pass definition (<c>TimePass</c> id) grants.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<long, IReadOnlyList<string>> TimePassGroups { get; init; } =
        ReadOnlyDictionary<long, IReadOnlyList<string>>.Empty;

    /// <summary>Gets the groups each floor-plan desk or office grants.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<long, IReadOnlyList<string>> FloorPlanDeskGroups { get; init; } =
        ReadOnlyDictionary<long, IReadOnlyList<string>>.Empty;

    /// <summary>Gets the groups each bookable resource grants.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<long, IReadOnlyList<string>> ResourceGroups { get; init; } =
        ReadOnlyDictionary<long, IReadOnlyList<string>>.Empty;

    /// <summary>
    /// Gets groups the location manages although no link above names them: the groups of configured
    /// links whose item is unknown. Managing them means members who no longer qualify are removed,
    /// so a link that cannot be checked fails closed.
    /// </summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<string> OtherManagedGroups { get; init; } = [];

    /// <summary>Gets the ownership of groups that are not <see cref="GroupOwnership.Shared"/>.</summary>
    /// <value>Empty by default: every group is shared.</value>
    public IReadOnlyDictionary<string, GroupOwnership> GroupOwnership { get; init; } =
        ReadOnlyDictionary<string, GroupOwnership>.Empty;

    /// <summary>Gets the location's booking and pass policy.</summary>
    /// <value>The defaults of <see cref="EntitlementPolicy"/> unless set.</value>
    public EntitlementPolicy Policy { get; init; } = new();
}
