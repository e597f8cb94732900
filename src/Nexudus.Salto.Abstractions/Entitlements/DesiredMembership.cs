namespace Nexudus.Salto.Entitlements;

/// <summary>
/// A customer who should be in a SALTO access group right now, with every reason why (lineage) and
/// how long the reasons last.
/// </summary>
public sealed record DesiredMembership
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO access-group id.</summary>
    /// <value>The group.</value>
    public required string GroupId { get; init; }

    /// <summary>Gets the Nexudus customer (coworker) id.</summary>
    /// <value>The customer; the sync engine maps it to a SALTO user.</value>
    public required long CustomerId { get; init; }

    /// <summary>
    /// Gets when the current grants run out: the latest <see cref="AccessGrant.ValidUntil"/> among
    /// <see cref="Grants"/>. A grant that starts later (a future booking, say) may extend the
    /// membership beyond it; <see cref="DesiredAccess.NextEdge"/> accounts for that.
    /// </summary>
    /// <value>A UTC instant (exclusive), or <see langword="null"/> when any grant is open-ended.</value>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Gets the lineage: every rule instance that grants the membership now.</summary>
    /// <value>At least one grant, ordered by kind (pass, contract, team, booking) and then by id.</value>
    public required IReadOnlyList<AccessGrant> Grants { get; init; }

    /// <summary>Compares two memberships by value, grants included.</summary>
    /// <param name="other">The membership to compare with.</param>
    /// <returns><see langword="true"/> when both name the same membership with equal validity and equal grants in the same order.</returns>
    public bool Equals(DesiredMembership? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         (CustomerId == other.CustomerId &&
          string.Equals(SiteId, other.SiteId, StringComparison.Ordinal) &&
          string.Equals(GroupId, other.GroupId, StringComparison.Ordinal) &&
          ValidUntil == other.ValidUntil &&
          Grants.SequenceEqual(other.Grants)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(SiteId, GroupId, CustomerId, ValidUntil, Grants.Count);
}
