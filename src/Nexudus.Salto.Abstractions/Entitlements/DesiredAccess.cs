using System.Collections.ObjectModel;

namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Who should be in which SALTO access group at one instant, and why: the output of
/// <c>EntitlementResolver</c>, and the input of the sync planner.
/// </summary>
/// <remarks>
/// The planner should change only <see cref="ManagedGroups"/>: for each of them the desired members
/// are exactly the <see cref="Memberships"/> listed for it. Groups of locations that could not be
/// resolved are left out on purpose, so nothing in them is added or removed. Group and site ids are
/// matched ignoring case by the queries.
/// </remarks>
public sealed record DesiredAccess
{
    private readonly IReadOnlyList<DesiredMembership> _memberships = [];

    // Built on the first query; reset whenever Memberships is set (also by a with-expression).
    private MembershipIndex? _index;

    /// <summary>Gets the instant the access was resolved for.</summary>
    /// <value>A UTC instant.</value>
    public required DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>Gets the desired memberships, one per site, group and customer.</summary>
    /// <value>Ordered by site, group (ordinal) and customer id; empty by default.</value>
    public IReadOnlyList<DesiredMembership> Memberships
    {
        get => _memberships;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _memberships = value;
            _index = null;
        }
    }

    /// <summary>Gets the groups whose membership this result describes completely.</summary>
    /// <value>Ordered by site and group (ordinal); empty by default.</value>
    public IReadOnlyList<ManagedGroup> ManagedGroups { get; init; } = [];

    /// <summary>
    /// Gets the earliest instant after <see cref="EvaluatedAt"/> at which the set of memberships
    /// changes by itself (a booking window opens or closes, a pass expires or its pass day ends, a
    /// contract starts or its last day ends), so a worker can wake exactly then.
    /// </summary>
    /// <value>
    /// A UTC instant, or <see langword="null"/> when nothing changes without a change in Nexudus. Until
    /// then, resolving the same snapshot gives the same memberships; at it, they differ.
    /// </value>
    public DateTimeOffset? NextEdge { get; init; }

    /// <summary>Gets the link problems found (those of the <see cref="LinkMap"/> and the resolver's own).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<LinkIssue> Issues { get; init; } = [];

    /// <summary>Finds one membership.</summary>
    /// <param name="siteId">The SALTO KS site id.</param>
    /// <param name="groupId">The SALTO access-group id.</param>
    /// <param name="customerId">The Nexudus customer id.</param>
    /// <returns>The membership, or <see langword="null"/> when the customer should not be in the group.</returns>
    public DesiredMembership? FindMembership(string siteId, string groupId, long customerId)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        ArgumentNullException.ThrowIfNull(groupId);
        foreach (var membership in Index.OfGroup(groupId))
        {
            if (membership.CustomerId == customerId &&
                string.Equals(membership.SiteId, siteId, StringComparison.OrdinalIgnoreCase))
            {
                return membership;
            }
        }

        return null;
    }

    /// <summary>Answers "why does this customer have this group?": the lineage of the membership.</summary>
    /// <param name="customerId">The Nexudus customer id.</param>
    /// <param name="groupId">The SALTO access-group id (group ids are unique across sites).</param>
    /// <returns>The grants, or an empty list when the customer should not be in the group.</returns>
    public IReadOnlyList<AccessGrant> GetLineage(long customerId, string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        List<AccessGrant>? grants = null;
        foreach (var membership in Index.OfGroup(groupId))
        {
            if (membership.CustomerId == customerId)
            {
                (grants ??= []).AddRange(membership.Grants);
            }
        }

        return grants ?? (IReadOnlyList<AccessGrant>)[];
    }

    /// <summary>Answers "who is in this group?".</summary>
    /// <param name="groupId">The SALTO access-group id.</param>
    /// <returns>The group's desired memberships, in the order of <see cref="Memberships"/>.</returns>
    public IReadOnlyList<DesiredMembership> GetMembers(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        return Index.OfGroup(groupId);
    }

    /// <summary>Lists every group a customer should be in.</summary>
    /// <param name="customerId">The Nexudus customer id.</param>
    /// <returns>The customer's desired memberships, in the order of <see cref="Memberships"/>.</returns>
    public IReadOnlyList<DesiredMembership> GetMemberships(long customerId) => Index.OfCustomer(customerId);

    /// <summary>Compares two results by value: the same instant, memberships, groups, edge and issues.</summary>
    /// <param name="other">The result to compare with.</param>
    /// <returns><see langword="true"/> when every part is equal, list items in the same order.</returns>
    public bool Equals(DesiredAccess? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (EvaluatedAt == other.EvaluatedAt &&
          NextEdge == other.NextEdge &&
          _memberships.SequenceEqual(other._memberships) &&
          ManagedGroups.SequenceEqual(other.ManagedGroups) &&
          Issues.SequenceEqual(other.Issues)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(EvaluatedAt, NextEdge, _memberships.Count, ManagedGroups.Count);

    private MembershipIndex Index
    {
        get
        {
            var index = Volatile.Read(ref _index);
            if (index is null)
            {
                // Two threads may build it at once; both results are equal, so either may win.
                index = new MembershipIndex(_memberships);
                Volatile.Write(ref _index, index);
            }

            return index;
        }
    }

    private sealed class MembershipIndex
    {
        private readonly Dictionary<string, List<DesiredMembership>> _byGroup = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<long, List<DesiredMembership>> _byCustomer = [];

        public MembershipIndex(IReadOnlyList<DesiredMembership> memberships)
        {
            foreach (var membership in memberships)
            {
                if (!_byGroup.TryGetValue(membership.GroupId, out var members))
                {
                    _byGroup.Add(membership.GroupId, members = []);
                }

                members.Add(membership);
                if (!_byCustomer.TryGetValue(membership.CustomerId, out var groups))
                {
                    _byCustomer.Add(membership.CustomerId, groups = []);
                }

                groups.Add(membership);
            }
        }

        public ReadOnlyCollection<DesiredMembership> OfGroup(string groupId) =>
            (_byGroup.TryGetValue(groupId, out var members) ? members : []).AsReadOnly();

        public ReadOnlyCollection<DesiredMembership> OfCustomer(long customerId) =>
            (_byCustomer.TryGetValue(customerId, out var groups) ? groups : []).AsReadOnly();
    }
}
