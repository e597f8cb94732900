namespace Nexudus.Salto.Entitlements.Rules;

/// <summary>
/// When a rule grants access: from <see cref="Start"/> (inclusive) until <see cref="End"/>
/// (exclusive). A missing start means "since ever"; a missing end means "until further notice".
/// </summary>
/// <param name="Start">The first instant of access, or <see langword="null"/> when there is no start.</param>
/// <param name="End">The first instant without access, or <see langword="null"/> when access is open-ended.</param>
internal readonly record struct AccessWindow(DateTimeOffset? Start, DateTimeOffset? End)
{
    /// <summary>A window that starts at <paramref name="start"/> and never ends.</summary>
    public static AccessWindow From(DateTimeOffset? start) => new(start, null);

    /// <summary>
    /// A booking's window: from the booking's start minus the buffer before, to its end plus the
    /// buffer after. A buffer that would run past the calendar stops at its first or last instant.
    /// </summary>
    public static AccessWindow AroundBooking(DateTimeOffset from, DateTimeOffset to, TimeSpan before, TimeSpan after)
    {
        var start = from - DateTimeOffset.MinValue < before ? DateTimeOffset.MinValue : from - before;
        var end = DateTimeOffset.MaxValue - to < after ? DateTimeOffset.MaxValue : to + after;
        return new AccessWindow(start.ToUniversalTime(), end.ToUniversalTime());
    }

    /// <summary>Whether the window holds no instant at all.</summary>
    public bool IsEmpty => Start is { } start && End is { } end && start >= end;

    /// <summary>Whether access is granted at <paramref name="instant"/>.</summary>
    public bool Contains(DateTimeOffset instant) => (Start is null || Start <= instant) && (End is null || instant < End);

    /// <summary>The same window, cut short at <paramref name="end"/> when that comes earlier.</summary>
    public AccessWindow EndingNoLaterThan(DateTimeOffset? end) =>
        end is { } limit && (End is null || limit < End) ? this with { End = limit } : this;
}
