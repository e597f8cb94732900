namespace Nexudus.Salto.Sync;

/// <summary>What applying one site's plan did.</summary>
internal sealed class SiteExecutionResult
{
    public List<MembershipChange> Changes { get; } = [];

    public List<UserCreation> Creations { get; } = [];

    public List<SyncError> Errors { get; } = [];

    /// <summary>Gets the users created this run, by customer id.</summary>
    public Dictionary<long, MatchedIdentity> Created { get; } = [];

    /// <summary>Gets the customers whose tag was given at creation, with its number.</summary>
    public Dictionary<long, string> TaggedAtCreation { get; } = [];
}
