namespace Nexudus.Salto.Sync;

/// <summary>A tag assigned, unassigned or not found for a customer. Card numbers appear masked only.</summary>
public sealed record TagChange
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the Nexudus customer id.</summary>
    /// <value>The customer.</value>
    public required long CustomerId { get; init; }

    /// <summary>Gets what was done.</summary>
    /// <value>Assign, unassign or unknown number.</value>
    public required TagChangeKind Kind { get; init; }

    /// <summary>Gets the tag number, masked to its last four characters (e.g. <c>••••5678</c>).</summary>
    /// <value>The masked number; the full number never leaves the state store.</value>
    public required string MaskedNumber { get; init; }

    /// <summary>Gets the SALTO id of the registered tag.</summary>
    /// <value>The tag id, or <see langword="null"/> for an unknown number.</value>
    public string? TagId { get; init; }

    /// <summary>Gets what became of the change.</summary>
    /// <value>The outcome; an unknown number is <see cref="SyncChangeOutcome.Skipped"/>.</value>
    public required SyncChangeOutcome Outcome { get; init; }

    /// <summary>Gets why the change failed or was skipped.</summary>
    /// <value>A redacted explanation, or <see langword="null"/>.</value>
    public string? Detail { get; init; }
}
