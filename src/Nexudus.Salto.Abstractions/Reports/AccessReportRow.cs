using Nexudus.Salto.CheckIns;

namespace Nexudus.Salto.Reports;

/// <summary>One door entry of an access report, joined with the Nexudus customer it belongs to.</summary>
/// <remarks>
/// <see cref="LocalTime"/> is the location's wall clock with its offset at that instant, so the hour
/// that repeats when clocks go back reads unambiguously (<c>01:30+01:00</c>, then <c>01:30+00:00</c>).
/// </remarks>
public sealed record AccessReportRow
{
    /// <summary>Gets the SALTO entry id.</summary>
    /// <value>The entry.</value>
    public required string EntryId { get; init; }

    /// <summary>Gets the SALTO KS site the entry belongs to.</summary>
    /// <value>The site id.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the Nexudus location (business) of the site.</summary>
    /// <value>The business id.</value>
    public long NexudusBusinessId { get; init; }

    /// <summary>Gets the location's name.</summary>
    /// <value>The Nexudus business name, or <see langword="null"/> when unknown.</value>
    public string? Location { get; init; }

    /// <summary>Gets when the entry happened.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets when the entry happened on the location's wall clock.</summary>
    /// <value>The instant with the location's UTC offset at that moment.</value>
    public DateTimeOffset LocalTime { get; init; }

    /// <summary>Gets the SALTO lock.</summary>
    /// <value>The lock id, or <see langword="null"/> when the entry names none.</value>
    public string? LockId { get; init; }

    /// <summary>Gets the door's name.</summary>
    /// <value>The lock's <c>customer_reference</c> as the entry carries it.</value>
    public string? Door { get; init; }

    /// <summary>Gets the door's role for check-ins.</summary>
    /// <value><see cref="ReaderRole.None"/> for locks that are not configured readers.</value>
    public ReaderRole DoorRole { get; init; }

    /// <summary>Gets the Nexudus customer.</summary>
    /// <value>The customer id, or <see langword="null"/> when the SALTO user matches no customer.</value>
    public long? CustomerId { get; init; }

    /// <summary>Gets the customer's full name.</summary>
    /// <value>Customer-provided text: encode it before putting it in HTML. <see langword="null"/> when unknown.</value>
    public string? CustomerName { get; init; }

    /// <summary>Gets the customer's e-mail address.</summary>
    /// <value>Customer-provided text, or <see langword="null"/> when unknown.</value>
    public string? Email { get; init; }

    /// <summary>Gets whether the door opened.</summary>
    /// <value>The result decided from the entry's category.</value>
    public DoorEntryResult Result { get; init; }

    /// <summary>Gets SALTO's own words for what happened.</summary>
    /// <value>The <c>event_category</c>, followed by <c>/event_detail</c> when there is one (for example <c>lock_rejected/no_access</c>).</value>
    public string? Detail { get; init; }
}
