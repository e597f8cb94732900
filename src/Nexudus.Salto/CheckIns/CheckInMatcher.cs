using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.CheckIns;

/// <summary>
/// Decides, from a customer's recent check-ins at a location, what an opening at time <c>t</c>
/// should do. Pure: the bridge reads the check-ins, this looks at them.
/// </summary>
internal static class CheckInMatcher
{
    // Nexudus may store times with less precision than SALTO sends; within this, a time is "the same".
    internal static readonly TimeSpan SameInstant = TimeSpan.FromSeconds(1);

    /// <summary>For a check-in reader: a check-in to recognise, one that already covers the entry, or none (create).</summary>
    public static CheckInMatch ForCheckIn(IReadOnlyList<CheckIn> checkIns, DateTimeOffset at)
    {
        // The entry's own check-in, written by an earlier attempt whose outcome was lost.
        if (checkIns.FirstOrDefault(c => c.FromTime is { } from && (from - at).Duration() < SameInstant) is { } own)
        {
            return new CheckInMatch(CheckInMatchKind.Recovered, own.Id);
        }

        // "Create only when the customer has no open check-in at that location."
        if (checkIns.Where(c => c.ToTime is null).OrderByDescending(c => c.FromTime).FirstOrDefault() is { } open)
        {
            return new CheckInMatch(CheckInMatchKind.Existing, open.Id);
        }

        // A late entry from a lock that was offline, inside a visit that is already recorded.
        if (checkIns.FirstOrDefault(c => c.FromTime <= at && c.ToTime >= at) is { } covering)
        {
            return new CheckInMatch(CheckInMatchKind.Existing, covering.Id);
        }

        return new CheckInMatch(CheckInMatchKind.None, null);
    }

    /// <summary>For a check-out reader: a check-out to recognise, the open check-in to close, or none.</summary>
    public static CheckInMatch ForCheckOut(IReadOnlyList<CheckIn> checkIns, DateTimeOffset at)
    {
        if (checkIns.FirstOrDefault(c => c.ToTime is { } to && (to - at).Duration() < SameInstant) is { } own)
        {
            return new CheckInMatch(CheckInMatchKind.Recovered, own.Id);
        }

        // Never close a check-in that began after the exit (a late exit entry must not end a later visit).
        if (checkIns.Where(c => c.ToTime is null && c.FromTime is { } from && from <= at + SameInstant)
                .OrderByDescending(c => c.FromTime)
                .FirstOrDefault() is { } open)
        {
            return new CheckInMatch(CheckInMatchKind.Existing, open.Id);
        }

        return new CheckInMatch(CheckInMatchKind.None, null);
    }
}

/// <summary>What <see cref="CheckInMatcher"/> found.</summary>
internal enum CheckInMatchKind
{
    None,
    Existing,
    Recovered,
}

/// <summary>A match and the check-in it names.</summary>
internal readonly record struct CheckInMatch(CheckInMatchKind Kind, long? CheckInId);
