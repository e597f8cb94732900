namespace Nexudus.Salto.Sync;

/// <summary>How a customer's Access Card Id and the tags SALTO KS shows differ.</summary>
public enum TagDifferenceKind
{
    /// <summary>A number of the customer's Access Card Id is held by nobody at the site in SALTO KS.</summary>
    MissingOnSalto = 0,

    /// <summary>A number of the customer's Access Card Id is held by another person's SALTO user.</summary>
    HeldByAnotherPerson = 1,

    /// <summary>The customer's SALTO user holds a tag whose number is not (or no longer) in their Access Card Id.</summary>
    Stale = 2,
}
