namespace Nexudus.Salto.Sync;

/// <summary>What a sync run did with a customer's tag number.</summary>
public enum TagChangeKind
{
    /// <summary>A number in the customer's <c>AccessCardId</c>: its registered tag is assigned to their SALTO user.</summary>
    Assign = 0,

    /// <summary>A number removed from the customer's <c>AccessCardId</c>: its tag is taken away from their SALTO user.</summary>
    Unassign = 1,

    /// <summary>A number that matches no tag registered at the site; register the tag there first. Never fatal.</summary>
    UnknownNumber = 2,
}
