using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.CheckIns;

/// <summary>
/// Decides whether a SALTO door entry is a successful opening, a rejection or neither, from its
/// <c>event_category</c> (and, through <see cref="Override"/>, anything else it carries).
/// </summary>
/// <remarks>
/// SALTO does not publish its categories. The documented example is <c>lock_rejected</c> (a
/// rejection); <c>lock_opened</c> is its assumed counterpart and the default opening. Categories in
/// neither list are <see cref="DoorEntryResult.Other"/> and never become check-ins, so an unexpected
/// category is counted as ignored rather than letting someone in on paper.
/// </remarks>
public sealed record DoorEntryClassifier
{
    /// <summary>Gets the default classifier: <c>lock_opened</c> opens, <c>lock_rejected</c> is rejected.</summary>
    /// <value>A shared instance.</value>
    public static DoorEntryClassifier Default { get; } = new();

    /// <summary>Gets the categories that mean the door opened.</summary>
    /// <value><c>lock_opened</c> by default. Compared without regard to case.</value>
    public IReadOnlyList<string> OpenedCategories { get; init; } = ["lock_opened"];

    /// <summary>Gets the categories that mean the door refused the credential.</summary>
    /// <value><c>lock_rejected</c> by default. Compared without regard to case.</value>
    public IReadOnlyList<string> RejectedCategories { get; init; } = ["lock_rejected"];

    /// <summary>
    /// Gets the event details that mean a refusal whatever the category says (for tenants whose
    /// openings and refusals share one category and differ only in <c>event_detail</c>).
    /// </summary>
    /// <value>Empty by default. Compared without regard to case.</value>
    public IReadOnlyList<string> RejectedDetails { get; init; } = [];

    /// <summary>Gets a function that decides instead of the lists above.</summary>
    /// <value><see langword="null"/> by default.</value>
    public Func<Entry, DoorEntryResult>? Override { get; init; }

    /// <summary>Decides what an entry means.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>Whether the door opened, refused, or neither.</returns>
    public DoorEntryResult Classify(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Override is { } decide)
        {
            return decide(entry);
        }

        if (entry.EventDetail is { } detail && Contains(RejectedDetails, detail))
        {
            return DoorEntryResult.Rejected;
        }

        var category = entry.EventCategory?.ToString();
        if (string.IsNullOrEmpty(category))
        {
            return DoorEntryResult.Other;
        }

        return Contains(RejectedCategories, category) ? DoorEntryResult.Rejected
            : Contains(OpenedCategories, category) ? DoorEntryResult.Opened
            : DoorEntryResult.Other;
    }

    private static bool Contains(IReadOnlyList<string> values, string value) =>
        values.Any(v => string.Equals(v?.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));
}
