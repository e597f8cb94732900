namespace Nexudus.Salto.Sync;

/// <summary>
/// What one sync run should change on one SALTO KS site: the users to create, and per managed
/// access group the members to add (with lineage) and to remove (limited by ownership).
/// </summary>
/// <remarks>
/// Lists are in a deterministic order: by group id (ordinal), then by customer id or user id, so the same
/// inputs always give the same plan.
/// </remarks>
internal sealed record AccessPlan
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>
    /// Gets how many members the site's managed groups have now (groups whose members could be read): the
    /// base of the guard's <c>MaxRevocationPercent</c>.
    /// </summary>
    /// <value>Zero or more.</value>
    public int ManagedMembershipCount { get; init; }

    /// <summary>Gets the SALTO users to create first.</summary>
    /// <value>Ordered by customer id; empty by default.</value>
    public IReadOnlyList<PlannedUserCreation> UserCreations { get; init; } = [];

    /// <summary>Gets the members to add.</summary>
    /// <value>Ordered by group and customer id; empty by default.</value>
    public IReadOnlyList<PlannedMembershipAddition> Additions { get; init; } = [];

    /// <summary>Gets the members to remove.</summary>
    /// <value>Ordered by group and user id; empty by default.</value>
    public IReadOnlyList<PlannedMembershipRemoval> Removals { get; init; } = [];

    /// <summary>Gets the customers who could not be matched to a SALTO user.</summary>
    /// <value>Ordered by customer id; empty by default.</value>
    public IReadOnlyList<IdentityIssue> IdentityIssues { get; init; } = [];

    /// <summary>Gets whether the plan changes nothing in SALTO KS.</summary>
    /// <value><see langword="true"/> when there is nothing to create, add or remove.</value>
    public bool IsEmpty => UserCreations.Count == 0 && Additions.Count == 0 && Removals.Count == 0;
}
