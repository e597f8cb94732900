namespace Nexudus.Salto.State;

/// <summary>
/// Thrown when a batch of changes carries a <see cref="SiteLease"/> that another process has taken over since:
/// the writer's work on that site is stale, and nothing of the batch was written.
/// </summary>
public sealed class SyncStateFencedException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="SyncStateFencedException"/> class.</summary>
    public SyncStateFencedException()
        : this("The site's lease was taken over by another process; nothing was written.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SyncStateFencedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public SyncStateFencedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SyncStateFencedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SyncStateFencedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SyncStateFencedException"/> class.</summary>
    /// <param name="lease">The stale lease the batch carried.</param>
    /// <param name="currentHolder">Who holds the site's lease now, or <see langword="null"/> when no one does.</param>
    public SyncStateFencedException(SiteLease lease, string? currentHolder)
        : base(
            $"The lease on site '{lease?.SiteId}' held by '{lease?.Holder}' (fencing token {lease?.FencingToken}) was taken over" +
            (currentHolder is null ? string.Empty : $" by '{currentHolder}'") +
            "; this batch was refused and nothing of it was written. The new holder finishes the site's work.")
    {
        ArgumentNullException.ThrowIfNull(lease);
        Lease = lease;
        CurrentHolder = currentHolder;
    }

    /// <summary>Gets the stale lease the refused batch carried.</summary>
    /// <value>The lease, or <see langword="null"/>.</value>
    public SiteLease? Lease { get; }

    /// <summary>Gets who holds the site's lease now.</summary>
    /// <value>The holder, or <see langword="null"/> when unknown or no one.</value>
    public string? CurrentHolder { get; }
}
