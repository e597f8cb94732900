namespace Nexudus.Salto.Nexudus;

/// <summary>
/// One page of a Nexudus listing, with the cursor of the next page.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed record NexudusPage<T>
{
    private readonly IReadOnlyList<T> _records = [];

    /// <summary>Gets the records on this page, in the order the service returned them.</summary>
    /// <value>Never <see langword="null"/>.</value>
    public IReadOnlyList<T> Records
    {
        get => _records;
        init => _records = value ?? [];
    }

    /// <summary>Gets the cursor of this page.</summary>
    public required NexudusPageCursor Cursor { get; init; }

    /// <summary>Gets the cursor of the next page.</summary>
    /// <value><see langword="null"/> when the service said there is no next page (<c>HasNextPage</c> false).</value>
    public NexudusPageCursor? NextCursor { get; init; }

    /// <summary>Gets how many records match in total, as the service reported it.</summary>
    /// <value><see langword="null"/> when the service did not say.</value>
    public int? TotalItems { get; init; }
}
