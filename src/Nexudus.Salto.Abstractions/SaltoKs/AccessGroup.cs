namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// An access group: a set of users, a set of locks and one or more time schedules (who, where, when).
/// </summary>
public sealed record AccessGroup
{
    /// <summary>Gets the access group's UUID.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the group's name, which is also what <c>$filter=customer_reference eq '…'</c> matches.</summary>
    public string? CustomerReference { get; init; }
}
