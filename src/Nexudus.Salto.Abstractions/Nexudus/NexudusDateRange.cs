namespace Nexudus.Salto.Nexudus;

/// <summary>
/// An inclusive range on a date field of a Nexudus list, sent as the <c>from_{Entity}_{Field}</c>
/// (on or after) and <c>to_{Entity}_{Field}</c> (on or before) filters.
/// </summary>
/// <remarks>
/// Values are sent in UTC, in the client's date format, which stops at whole minutes (the documented
/// <c>yyyy-MM-ddTHH:mm</c>) or seconds. <see cref="From"/> is cut down and <see cref="To"/> rounded
/// up to that unit, so the range sent covers the range asked for: a watermark never skips a record
/// changed in the same minute, and an upper bound never drops one just before it. Records just
/// outside the range may come back; filter again where the exact bound matters.
/// </remarks>
public sealed record NexudusDateRange
{
    /// <summary>Gets the earliest instant included (<c>from_</c>).</summary>
    /// <value><see langword="null"/> for no lower bound.</value>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the latest instant included (<c>to_</c>).</summary>
    /// <value><see langword="null"/> for no upper bound.</value>
    public DateTimeOffset? To { get; init; }

    /// <summary>Creates a range of everything on or after <paramref name="from"/>, as for an incremental-sync watermark.</summary>
    /// <param name="from">The earliest instant included.</param>
    /// <returns>The range.</returns>
    public static NexudusDateRange Since(DateTimeOffset from) => new() { From = from };

    /// <summary>Creates a range of everything on or before <paramref name="to"/>.</summary>
    /// <param name="to">The latest instant included.</param>
    /// <returns>The range.</returns>
    public static NexudusDateRange Until(DateTimeOffset to) => new() { To = to };

    /// <summary>Creates a range between two instants, both included.</summary>
    /// <param name="from">The earliest instant included.</param>
    /// <param name="to">The latest instant included.</param>
    /// <returns>The range.</returns>
    public static NexudusDateRange Between(DateTimeOffset from, DateTimeOffset to) => new() { From = from, To = to };
}
