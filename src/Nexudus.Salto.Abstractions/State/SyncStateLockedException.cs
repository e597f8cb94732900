namespace Nexudus.Salto.State;

/// <summary>
/// Thrown when a run tries to take the lease on a sync state that another run (in this process or
/// another one) already holds. Two syncs on the same state must never overlap.
/// </summary>
public sealed class SyncStateLockedException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="SyncStateLockedException"/> class.</summary>
    public SyncStateLockedException()
        : this("The sync state is locked by another run.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SyncStateLockedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public SyncStateLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SyncStateLockedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SyncStateLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SyncStateLockedException"/> class.</summary>
    /// <param name="requestedBy">The run that was refused.</param>
    /// <param name="location">Where the state lives (a file path, or "in-memory").</param>
    /// <param name="innerException">The cause, if any.</param>
    public SyncStateLockedException(string requestedBy, string location, Exception? innerException)
        : base(
            $"Another run already holds the sync state at '{location}', so '{requestedBy}' cannot start. " +
            "Two syncs on the same state must not run at once: wait for the other run to finish, or point this one at its own StatePath.",
            innerException)
    {
        RequestedBy = requestedBy;
        Location = location;
    }

    /// <summary>Gets the run that was refused.</summary>
    /// <value>The holder name it asked with, or <see langword="null"/>.</value>
    public string? RequestedBy { get; }

    /// <summary>Gets where the locked state lives.</summary>
    /// <value>A file path or "in-memory", or <see langword="null"/>.</value>
    public string? Location { get; }
}
