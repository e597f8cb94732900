namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The order of a Nexudus list. How it is written on the wire (<c>dir=</c>) is a client option,
/// because the documentation gives three different encodings.
/// </summary>
public enum NexudusSortDirection
{
    /// <summary>Smallest first.</summary>
    Ascending = 0,

    /// <summary>Largest first.</summary>
    Descending = 1,
}
