namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The outcome of a membership change sent in chunks: what SALTO KS accepted and what it did not, chunk by chunk,
/// so a caller records exactly the accepted changes.
/// </summary>
public sealed record AccessGroupMembersChangeResult
{
    /// <summary>Gets the outcome of each call, in the order the calls were made.</summary>
    /// <value>
    /// Empty when there was nothing to change (no call was made). A call that SALTO KS rejected as a whole and that
    /// was sent again in halves is not listed; its halves are, each with its own outcome.
    /// </value>
    public IReadOnlyList<AccessGroupMembersChunkResult> Chunks { get; init => field = value ?? []; } = [];

    /// <summary>Gets whether every call was accepted.</summary>
    public bool Succeeded => Chunks.All(c => c.Succeeded);

    /// <summary>Gets the ids SALTO KS accepted as added.</summary>
    public IReadOnlyList<PlatformUserId> AddedIds => [.. Chunks.Where(c => c.Succeeded).SelectMany(c => c.AddIds)];

    /// <summary>Gets the ids SALTO KS accepted as removed.</summary>
    public IReadOnlyList<PlatformUserId> RemovedIds => [.. Chunks.Where(c => c.Succeeded).SelectMany(c => c.RemoveIds)];

    /// <summary>Gets the ids whose addition was not accepted (its call failed).</summary>
    public IReadOnlyList<PlatformUserId> FailedAddIds => [.. Chunks.Where(c => !c.Succeeded).SelectMany(c => c.AddIds)];

    /// <summary>Gets the ids whose removal was not accepted (its call failed).</summary>
    public IReadOnlyList<PlatformUserId> FailedRemoveIds => [.. Chunks.Where(c => !c.Succeeded).SelectMany(c => c.RemoveIds)];
}
