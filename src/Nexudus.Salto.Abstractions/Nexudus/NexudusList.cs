using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// One page of a Nexudus list (search) response.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>
/// The records are partial summaries: collections such as <c>Teams</c> or <c>Desks</c> are missing,
/// so read a record by id before relying on them, and never PUT a list record back. Page until
/// <see cref="HasNextPage"/> is <see langword="false"/>; the server may not honour the page size
/// asked for. Older responses name the page fields <see cref="PageNumber"/> and
/// <see cref="PageSize"/> instead of <see cref="CurrentPage"/> and <see cref="CurrentPageSize"/>.
/// </remarks>
internal sealed record NexudusList<T>
{
    private readonly IReadOnlyList<T>? _records;

    /// <summary>Gets the records on this page.</summary>
    /// <value>Never <see langword="null"/>; empty when the response has none.</value>
    public IReadOnlyList<T> Records
    {
        get => _records ?? [];
        init => _records = value;
    }

    /// <summary>
    /// Gets whether the response carried a <c>Records</c> array at all: a list answered <c>{}</c> (or with
    /// <c>"Records": null</c>) is malformed, not empty, and the client reads it as a failed read.
    /// </summary>
    [JsonIgnore]
    public bool HasRecords => _records is not null;

    /// <summary>Gets the 1-based number of this page.</summary>
    public int? CurrentPage { get; init; }

    /// <summary>Gets the page size the server used.</summary>
    public int? CurrentPageSize { get; init; }

    /// <summary>Gets the 1-based page number, as older responses name it.</summary>
    public int? PageNumber { get; init; }

    /// <summary>Gets the page size, as older responses name it.</summary>
    public int? PageSize { get; init; }

    /// <summary>Gets the property the records are ordered by.</summary>
    public string? CurrentOrderField { get; init; }

    /// <summary>Gets the sort direction as Nexudus' number (0 ascending, 1 descending on the newer docs; unconfirmed).</summary>
    public int? CurrentSortDirection { get; init; }

    /// <summary>Gets the 1-based position of the first record on this page among all results.</summary>
    public int? FirstItem { get; init; }

    /// <summary>Gets the 1-based position of the last record on this page among all results.</summary>
    public int? LastItem { get; init; }

    /// <summary>Gets how many records match in total.</summary>
    public int? TotalItems { get; init; }

    /// <summary>Gets how many pages there are in total.</summary>
    public int? TotalPages { get; init; }

    /// <summary>Gets whether another page follows; the only reliable stop condition.</summary>
    public bool HasNextPage { get; init; }

    /// <summary>Gets whether a page precedes this one.</summary>
    public bool HasPreviousPage { get; init; }
}
