namespace Nexudus.Salto.Nexudus;

/// <summary>
/// How <see cref="NexudusSortDirection"/> is written in the <c>dir</c> parameter. The
/// documentation gives three encodings and which one the server honours is unconfirmed.
/// </summary>
public enum NexudusSortDirectionFormat
{
    /// <summary><c>0</c> ascending, <c>1</c> descending: the newer REST pages and the official SDK.</summary>
    ZeroOne = 0,

    /// <summary><c>1</c> ascending, <c>-1</c> descending: the developers.nexudus.com REST pages.</summary>
    OneMinusOne = 1,

    /// <summary><c>Ascending</c> / <c>Descending</c>: the legacy support pages.</summary>
    Words = 2,
}
