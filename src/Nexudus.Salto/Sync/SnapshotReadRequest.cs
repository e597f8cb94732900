using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.Sync;

/// <summary>What <see cref="NexudusSnapshotReader"/> is to read.</summary>
/// <param name="BusinessIds">The configured locations.</param>
/// <param name="Now">The instant the run resolves for.</param>
/// <param name="BookingAccessBefore">The longest booking lead-in of any location.</param>
/// <param name="BookingAccessAfter">The longest booking run-out of any location.</param>
/// <param name="BookingLookAhead">How far ahead bookings are read.</param>
/// <param name="ReadTimeSlots">Whether pass time slots are needed (some location writes schedules).</param>
/// <param name="FullReadInterval">How often to read in full; zero for always.</param>
/// <param name="ListsRead">
/// Told, during a full read whose lists all succeeded, a snapshot of everything but the contracts and teams, as soon
/// as those lists are in (while the contracts' and teams' full records are still being read); never told otherwise.
/// </param>
internal sealed record SnapshotReadRequest(
    IReadOnlyCollection<long> BusinessIds,
    DateTimeOffset Now,
    TimeSpan BookingAccessBefore,
    TimeSpan BookingAccessAfter,
    TimeSpan BookingLookAhead,
    bool ReadTimeSlots,
    TimeSpan FullReadInterval,
    Action<NexudusSnapshot>? ListsRead = null);
