namespace Nexudus.Salto.Sync;

/// <summary>
/// A difference between a customer's Nexudus Access Card Id and the tag numbers SALTO KS shows (the platform user's
/// <c>tag_number</c>). Card numbers appear masked only.
/// </summary>
public sealed record TagDifference
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the Nexudus customer id.</summary>
    /// <value>The customer.</value>
    public required long CustomerId { get; init; }

    /// <summary>Gets what differs.</summary>
    /// <value>The kind of difference.</value>
    public required TagDifferenceKind Kind { get; init; }

    /// <summary>Gets the tag number concerned, masked to its last characters (e.g. <c>••••5678</c>).</summary>
    /// <value>The masked number.</value>
    public required string MaskedNumber { get; init; }
}
