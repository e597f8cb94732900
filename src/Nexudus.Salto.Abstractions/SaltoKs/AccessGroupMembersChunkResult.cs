namespace Nexudus.Salto.SaltoKs;

/// <summary>The outcome of one <c>PATCH …/access_groups/{access_group_id}/users</c> call of a chunked membership change.</summary>
public sealed record AccessGroupMembersChunkResult
{
    /// <summary>Gets the platform user ids this call sent in <c>add_ids</c>.</summary>
    /// <value>Empty when the call added nobody.</value>
    public IReadOnlyList<PlatformUserId> AddIds { get; init => field = value ?? []; } = [];

    /// <summary>Gets the platform user ids this call sent in <c>remove_ids</c>.</summary>
    /// <value>Empty when the call removed nobody.</value>
    public IReadOnlyList<PlatformUserId> RemoveIds { get; init => field = value ?? []; } = [];

    /// <summary>Gets why the call failed.</summary>
    /// <value>
    /// <see langword="null"/> when SALTO KS accepted the call. Otherwise usually a <see cref="SaltoKsApiException"/>;
    /// after a timeout or a network failure the outcome is unknown, and since the change is a set operation
    /// it is safe to send again.
    /// </value>
    public Exception? Error { get; init; }

    /// <summary>Gets whether SALTO KS accepted the call.</summary>
    public bool Succeeded => Error is null;
}
