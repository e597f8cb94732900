namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Which SALTO KS access groups each Nexudus pass, floor-plan desk and resource grants, per
/// location, with the problems found while putting it together.
/// </summary>
/// <remarks>
/// Made by <c>LinkMapBuilder</c> from configuration (<see cref="LocationLinks"/>) and the
/// <c>AccessControlGroupId(s)</c> fields of a <see cref="NexudusSnapshot"/>; it can also be written
/// by hand. SALTO group and site ids are compared ignoring case.
/// </remarks>
public sealed record LinkMap
{
    /// <summary>Gets the linked locations.</summary>
    /// <value>One entry per Nexudus location; empty by default.</value>
    public IReadOnlyList<LocationLinkMap> Locations { get; init; } = [];

    /// <summary>Gets the problems found while building the map; <c>EntitlementResolver</c> passes them on.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<LinkIssue> Issues { get; init; } = [];
}
