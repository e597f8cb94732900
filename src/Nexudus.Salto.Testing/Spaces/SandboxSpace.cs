using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.Testing;

/// <summary>A space <see cref="SandboxSpaceGenerator"/> seeded into a pair of sandboxes: the location and how it is linked.</summary>
public sealed record SandboxSpace
{
    /// <summary>Gets the Nexudus location id.</summary>
    /// <value>The generated location.</value>
    public required long BusinessId { get; init; }

    /// <summary>Gets the SALTO site id.</summary>
    /// <value>The generated site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the linked SALTO access groups.</summary>
    /// <value>Passes' groups first, then desks', then resources'.</value>
    public required IReadOnlyList<string> GroupIds { get; init; }

    /// <summary>Gets the location's links, ready for a sync (configured links only; the Nexudus link fields are left empty).</summary>
    /// <value>Every group shared, 15-minute booking buffers.</value>
    public required LocationLinks Links { get; init; }

    /// <summary>Gets how many records of each kind were generated, for reports.</summary>
    /// <value>Kind name → count.</value>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }
}
