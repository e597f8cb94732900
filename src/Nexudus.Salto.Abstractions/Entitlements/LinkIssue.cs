namespace Nexudus.Salto.Entitlements;

/// <summary>
/// A problem found while building or using a <see cref="LinkMap"/>. Issues are reported, never
/// thrown: the rest of the links keep working.
/// </summary>
public sealed record LinkIssue
{
    /// <summary>Gets what is wrong.</summary>
    /// <value>The kind of problem.</value>
    public required LinkIssueKind Kind { get; init; }

    /// <summary>Gets the Nexudus business id of the location the problem belongs to.</summary>
    /// <value>The location, or <see langword="null"/> when the problem is not about one location.</value>
    public long? BusinessId { get; init; }

    /// <summary>Gets the SALTO KS site id of the location.</summary>
    /// <value>The site, or <see langword="null"/> when unknown.</value>
    public string? SiteId { get; init; }

    /// <summary>Gets the kind of the linked item.</summary>
    /// <value>The item kind, or <see langword="null"/> when the problem is not about one item.</value>
    public LinkedItemKind? ItemKind { get; init; }

    /// <summary>Gets the Nexudus id of the linked item.</summary>
    /// <value>The item id, or <see langword="null"/> when the problem is not about one item.</value>
    public long? ItemId { get; init; }

    /// <summary>Gets the SALTO access-group id concerned.</summary>
    /// <value>The group, or <see langword="null"/> when the problem is not about one group.</value>
    public string? GroupId { get; init; }

    /// <summary>Gets a sentence for operators that says what is wrong and what follows from it.</summary>
    /// <value>Plain text naming ids only; it never holds credentials or card numbers.</value>
    public required string Message { get; init; }
}
