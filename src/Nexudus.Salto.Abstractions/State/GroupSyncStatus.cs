namespace Nexudus.Salto.State;

/// <summary>
/// How the last attempts to change one access group went, so that a failing group is retried
/// with back-off on later runs without holding up the others.
/// </summary>
public sealed record GroupSyncStatus
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO access-group id.</summary>
    /// <value>The group.</value>
    public required string GroupId { get; init; }

    /// <summary>Gets how many attempts in a row failed.</summary>
    /// <value>Zero after a success.</value>
    public int ConsecutiveFailures { get; init; }

    /// <summary>Gets the last error, already redacted.</summary>
    /// <value>A short description, or <see langword="null"/> after a success.</value>
    public string? LastError { get; init; }

    /// <summary>Gets when the last attempt failed.</summary>
    /// <value>A UTC instant, or <see langword="null"/>.</value>
    public DateTimeOffset? LastFailureAt { get; init; }

    /// <summary>Gets when the group last changed successfully.</summary>
    /// <value>A UTC instant, or <see langword="null"/>.</value>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>Gets the earliest time the next attempt should be made.</summary>
    /// <value>A UTC instant, or <see langword="null"/> when the group may be changed at once.</value>
    public DateTimeOffset? NextAttemptAt { get; init; }
}
