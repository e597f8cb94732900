namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>What the rules give at one instant: the memberships with lineage, the managed groups and the next edge.</summary>
/// <param name="Memberships">Who belongs in which group now, sorted by site, group and customer.</param>
/// <param name="ManagedGroups">The groups the rules decide, sorted by site and group.</param>
/// <param name="NextEdge">The first later instant at which the memberships change, if any.</param>
internal sealed record RuledAccess(IReadOnlyList<DesiredMembership> Memberships, IReadOnlyList<ManagedGroup> ManagedGroups, DateTimeOffset? NextEdge);
