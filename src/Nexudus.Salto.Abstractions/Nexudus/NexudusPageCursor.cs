using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Where a paged Nexudus listing continues: the 1-based page number and the page size it was
/// started with. Pass it back with the same query to resume long work, even in a later process.
/// </summary>
/// <remarks>
/// The page size is kept in the cursor because page numbers only line up with the size they were
/// counted in. <see cref="ToString"/> gives a compact text form that <see cref="Parse"/> reads back.
/// </remarks>
public sealed record NexudusPageCursor
{
    /// <summary>Initializes a new instance of the <see cref="NexudusPageCursor"/> class.</summary>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="pageSize">The page size asked for.</param>
    public NexudusPageCursor(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        Page = page;
        PageSize = pageSize;
    }

    /// <summary>Gets the 1-based page number to read.</summary>
    public int Page { get; }

    /// <summary>Gets the page size to ask for.</summary>
    public int PageSize { get; }

    /// <summary>Reads a cursor written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text, <c>{page}:{pageSize}</c>.</param>
    /// <returns>The cursor.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a cursor.</exception>
    public static NexudusPageCursor Parse(string text) =>
        TryParse(text, out var cursor) ? cursor : throw new FormatException("The text is not a Nexudus page cursor ('{page}:{pageSize}').");

    /// <summary>Tries to read a cursor written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text, <c>{page}:{pageSize}</c>.</param>
    /// <param name="cursor">The cursor, when the text is one.</param>
    /// <returns>Whether the text is a cursor.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NexudusPageCursor? cursor)
    {
        cursor = null;
        var separator = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || separator < 1 ||
            !int.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ||
            !int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ||
            page < 1 || size < 1)
        {
            return false;
        }

        cursor = new NexudusPageCursor(page, size);
        return true;
    }

    /// <summary>Writes the cursor as <c>{page}:{pageSize}</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Page}:{PageSize}");
}
