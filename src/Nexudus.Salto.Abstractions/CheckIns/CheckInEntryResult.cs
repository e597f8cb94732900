namespace Nexudus.Salto.CheckIns;

/// <summary>What the check-in bridge did with one door entry during a run.</summary>
public sealed record CheckInEntryResult
{
    /// <summary>Gets the SALTO entry id.</summary>
    /// <value>The entry.</value>
    public required string EntryId { get; init; }

    /// <summary>Gets when the entry happened.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets the SALTO lock the entry came from.</summary>
    /// <value>The lock id, or <see langword="null"/> when the entry names none.</value>
    public string? LockId { get; init; }

    /// <summary>Gets the role of that lock.</summary>
    /// <value><see cref="ReaderRole.CheckIn"/> or <see cref="ReaderRole.CheckOut"/>.</value>
    public ReaderRole Role { get; init; }

    /// <summary>Gets the Nexudus customer the entry's user maps to.</summary>
    /// <value>The customer id, or <see langword="null"/> when the user is unknown or not looked up.</value>
    public long? CustomerId { get; init; }

    /// <summary>Gets what the bridge did.</summary>
    /// <value>The outcome.</value>
    public CheckInOutcome Outcome { get; init; }

    /// <summary>Gets the Nexudus check-in created, found or closed.</summary>
    /// <value>The check-in id, or <see langword="null"/>.</value>
    public long? CheckInId { get; init; }

    /// <summary>Gets why the entry was refused or deferred.</summary>
    /// <value>A short, redacted reason; <see langword="null"/> for the other outcomes.</value>
    public string? Reason { get; init; }
}
