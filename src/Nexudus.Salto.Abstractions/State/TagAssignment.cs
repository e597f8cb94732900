namespace Nexudus.Salto.State;

/// <summary>A SALTO tag the SDK assigned to a customer's SALTO user, from the customer's access-card numbers.</summary>
public sealed record TagAssignment
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the Nexudus customer id.</summary>
    /// <value>The customer.</value>
    public required long CustomerId { get; init; }

    /// <summary>Gets the tag number as written in Nexudus (a card number: treat as a secret, never log it).</summary>
    /// <value>The number.</value>
    public required string TagNumber { get; init; }

    /// <summary>Gets the SALTO id of the registered tag.</summary>
    /// <value>The tag id.</value>
    public required string TagId { get; init; }

    /// <summary>Gets when the assignment was accepted.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset AssignedAt { get; init; }
}
