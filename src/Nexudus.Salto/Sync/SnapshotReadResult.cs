using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Sync;

/// <summary>What <see cref="NexudusSnapshotReader"/> read, and which parts failed.</summary>
internal sealed record SnapshotReadResult(
    NexudusSnapshot Snapshot,
    IReadOnlyList<TimePassTimeSlot> TimeSlots,
    IReadOnlyList<(string Part, Exception Error)> Failures,
    SnapshotReadKind Kind);
