namespace Nexudus.Salto.State;

/// <summary>A SALTO door entry the check-in bridge handled, and what came of it.</summary>
public sealed record ProcessedEntry
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO entry id.</summary>
    /// <value>The entry.</value>
    public required string EntryId { get; init; }

    /// <summary>Gets when the entry happened.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets what the bridge did with it (for example "checked-in", "unknown-user").</summary>
    /// <value>A short outcome name.</value>
    public required string Outcome { get; init; }

    /// <summary>Gets the Nexudus check-in id the entry created or closed, if any.</summary>
    /// <value>The check-in id, or <see langword="null"/>.</value>
    public long? CheckInId { get; init; }

    /// <summary>Gets when the entry was processed.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset ProcessedAt { get; init; }
}
