using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>What <see cref="PlanExecutor"/> needs to apply one site's plan.</summary>
internal sealed record SiteExecutionInput
{
    /// <summary>Gets the plan.</summary>
    public required AccessPlan Plan { get; init; }

    /// <summary>Gets whether the guard holds the run's removals.</summary>
    public bool HoldRemovals { get; init; }

    /// <summary>Gets the retry state of the site's groups.</summary>
    public IReadOnlyList<GroupSyncStatus> Statuses { get; init; } = [];

    /// <summary>Gets the site's write-ahead journal.</summary>
    public required PendingMembershipJournal Journal { get; init; }

    /// <summary>Gets the tag to give each new user at creation: the customer's first resolved tag number and its id.</summary>
    public IReadOnlyDictionary<long, (string Number, string TagId)> CreationTags { get; init; } = new Dictionary<long, (string, string)>();
}
