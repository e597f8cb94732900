namespace Nexudus.Salto.Reports;

/// <summary>One customer's day at one location: when they first came in, when they last left, and how many door entries they made.</summary>
/// <remarks>The day is the location's calendar day; times carry the location's UTC offset at that instant.</remarks>
public sealed record DailyPresenceRow
{
    /// <summary>Gets the calendar day, in the location's time zone.</summary>
    /// <value>The local date.</value>
    public DateOnly Date { get; init; }

    /// <summary>Gets the Nexudus location (business).</summary>
    /// <value>The business id.</value>
    public long NexudusBusinessId { get; init; }

    /// <summary>Gets the location's name.</summary>
    /// <value>The Nexudus business name, or <see langword="null"/> when unknown.</value>
    public string? Location { get; init; }

    /// <summary>Gets the Nexudus customer.</summary>
    /// <value>The customer id.</value>
    public long CustomerId { get; init; }

    /// <summary>Gets the customer's full name.</summary>
    /// <value>Customer-provided text, or <see langword="null"/> when unknown.</value>
    public string? CustomerName { get; init; }

    /// <summary>Gets the customer's e-mail address.</summary>
    /// <value>Customer-provided text, or <see langword="null"/> when unknown.</value>
    public string? Email { get; init; }

    /// <summary>Gets the customer's first opening of the day.</summary>
    /// <value>Local time with offset, or <see langword="null"/> when every entry of the day was refused.</value>
    public DateTimeOffset? FirstIn { get; init; }

    /// <summary>Gets the customer's last way out of the day.</summary>
    /// <value>
    /// The last opening of a check-out reader; when they used none that day, their last opening of
    /// any door (the last time they were seen). <see langword="null"/> when every entry was refused.
    /// </value>
    public DateTimeOffset? LastOut { get; init; }

    /// <summary>Gets how many door entries the customer made that day, refused ones included.</summary>
    /// <value>A positive count.</value>
    public int Entries { get; init; }
}
