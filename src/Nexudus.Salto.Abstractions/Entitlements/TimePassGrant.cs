namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Access from a pass the customer holds: the pass is not expired, has uses left, and is
/// unused or was used on the current pass day.
/// </summary>
public sealed record TimePassGrant : AccessGrant
{
    /// <summary>Gets the id of the pass the customer holds (<c>CoworkerTimePass</c>).</summary>
    /// <value>A Nexudus id.</value>
    public required long CoworkerTimePassId { get; init; }

    /// <summary>Gets the id of the pass definition (<c>TimePass</c>) that is linked to the group.</summary>
    /// <value>A Nexudus id.</value>
    public required long TimePassId { get; init; }

    /// <summary>Gets when the pass was used, for a pass that grants because it was used on the current pass day.</summary>
    /// <value>A UTC instant, or <see langword="null"/> for an unused pass.</value>
    public DateTimeOffset? UsedDate { get; init; }
}
