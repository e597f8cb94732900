namespace Nexudus.Salto.SaltoKs;

/// <summary>Options for a SALTO KS list call (site users, access groups, locks).</summary>
public sealed record SaltoKsListQuery
{
    /// <summary>Gets the <c>$filter</c> to send.</summary>
    /// <value><see langword="null"/> (the default) for no filter.</value>
    public ODataFilter? Filter { get; init; }
}
