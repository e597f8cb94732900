namespace Nexudus.Salto.Testing;

/// <summary>
/// The wire encodings of the <c>dir</c> query parameter a <see cref="NexudusSandbox"/> accepts;
/// the API notes document three and it is unconfirmed which the live server honours.
/// </summary>
/// <remarks>
/// <c>1</c> means descending under <see cref="ZeroAscendingOneDescending"/> and ascending under
/// <see cref="OneAscendingMinusOneDescending"/>; when both are accepted the newer documentation
/// (<see cref="ZeroAscendingOneDescending"/>) wins. A value in no accepted encoding is ignored
/// and the default order applies, as a server that cannot bind the parameter would do.
/// </remarks>
[Flags]
public enum NexudusSortDirectionEncodings
{
    /// <summary>No encoding: <c>dir</c> is always ignored.</summary>
    None = 0,

    /// <summary><c>0</c> ascending, <c>1</c> descending (learn.nexudus.com, the official SDK).</summary>
    ZeroAscendingOneDescending = 1,

    /// <summary><c>1</c> ascending, <c>-1</c> descending (developers.nexudus.com).</summary>
    OneAscendingMinusOneDescending = 2,

    /// <summary><c>ascending</c>/<c>descending</c>, any case (legacy support pages).</summary>
    Words = 4,

    /// <summary>All three.</summary>
    All = ZeroAscendingOneDescending | OneAscendingMinusOneDescending | Words,
}
