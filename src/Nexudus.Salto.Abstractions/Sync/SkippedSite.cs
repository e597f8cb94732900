namespace Nexudus.Salto.Sync;

/// <summary>A SALTO site a sync run left alone because another process holds its lease (shared state stores only).</summary>
public sealed record SkippedSite
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets who holds the site's lease.</summary>
    /// <value>The other process's holder name, or <see langword="null"/> when unknown.</value>
    public string? Holder { get; init; }

    /// <summary>Gets until when the other process holds the site unless it renews.</summary>
    /// <value>A UTC instant, or <see langword="null"/> when unknown.</value>
    public DateTimeOffset? HeldUntil { get; init; }
}
