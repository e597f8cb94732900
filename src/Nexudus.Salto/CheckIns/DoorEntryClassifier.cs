using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.CheckIns;

/// <summary>
/// Decides whether a SALTO door entry is a successful opening, a rejection or neither, from its
/// <c>event_category</c> (and, through <see cref="Override"/>, anything else it carries).
/// </summary>
/// <remarks>
/// SALTO does not publish its categories. Live pages show <c>lock_rejected</c> (a rejection),
/// <c>lock_opened</c> (an opening) and <c>easy_office_mode</c> (office mode switched on or off, an
/// <see cref="DoorEntryResult.OfficeMode"/> event). An opening from the inside that names nobody
/// (<c>exit_requested</c> true or <c>access_by</c> <c>inside_handle</c>, no <c>user_id</c>) is an
/// <see cref="DoorEntryResult.InsideExit"/>. Categories in no list are <see cref="DoorEntryResult.Other"/>
/// and never become check-ins, so an unexpected category is counted as ignored rather than letting
/// someone in on paper.
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

    /// <summary>Gets the categories that mean the lock went into or out of office mode (never a check-in).</summary>
    /// <value><c>easy_office_mode</c> and <c>office_mode</c> by default. Compared without regard to case.</value>
    public IReadOnlyList<string> OfficeModeCategories { get; init; } = ["easy_office_mode", "office_mode"];

    /// <summary>
    /// Gets the <c>access_by</c> values that mean an opening from the inside; such an opening that names no user is
    /// an <see cref="DoorEntryResult.InsideExit"/>, as is any opening with <c>exit_requested</c> true that names no user.
    /// </summary>
    /// <value><c>inside_handle</c> by default. Compared without regard to case.</value>
    public IReadOnlyList<string> InsideAccessKinds { get; init; } = ["inside_handle"];

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

        if (Contains(RejectedCategories, category))
        {
            return DoorEntryResult.Rejected;
        }

        if (Contains(OfficeModeCategories, category))
        {
            return DoorEntryResult.OfficeMode;
        }

        if (!Contains(OpenedCategories, category))
        {
            return DoorEntryResult.Other;
        }

        // A person named on an exit request is still a person (a check-out reader may use it); nobody named is not.
        var namesNobody = entry.UserId is not { Value.Length: > 0 };
        var fromInside = entry.ExitRequested == true || (entry.AccessBy is { } by && Contains(InsideAccessKinds, by));
        return namesNobody && fromInside ? DoorEntryResult.InsideExit : DoorEntryResult.Opened;
    }

    private static bool Contains(IReadOnlyList<string> values, string value) =>
        values.Any(v => string.Equals(v?.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));
}
