using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Guests;

/// <summary>What guest access needs from the sync run.</summary>
internal sealed record GuestRunInput
{
    public required IReadOnlyList<IntegrationLocation> Locations { get; init; }

    /// <summary>Gets the resolved memberships (payment suspensions applied): booking grants give booking guests their window.</summary>
    public required DesiredAccess Desired { get; init; }

    public required NexudusSnapshot Snapshot { get; init; }

    public required IReadOnlyDictionary<long, Coworker> Customers { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>Gets whether Nexudus was read whole and without failure, so a booking missing from it is a reason.</summary>
    public required bool NexudusReadClean { get; init; }

    public required bool DryRun { get; init; }
}

/// <summary>What guest access did this run.</summary>
internal sealed record GuestRun
{
    public IReadOnlyList<GuestChange> Changes { get; init; } = [];

    public IReadOnlyList<SyncError> Errors { get; init; } = [];

    /// <summary>Gets the next instant a guest's window opens or closes, for the worker's next run.</summary>
    public DateTimeOffset? NextEdge { get; init; }
}

/// <summary>A guest Nexudus gives a reason for now.</summary>
internal sealed record WantedGuest(
    string Key, GuestSource Source, string SiteId, long BusinessId, string Alias, long? BookingId, long? VisitorId, long? BookingVisitorId, long? Host,
    DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<string> Groups, string Lineage, int SeatReserve);

/// <summary>The guests Nexudus gives a reason for now, and which reads succeeded (a failed one keeps its guests).</summary>
internal sealed class WantedGuests
{
    public Dictionary<string, WantedGuest> Guests { get; } = new(StringComparer.Ordinal);

    public HashSet<long> CurrentBookings { get; } = [];

    public HashSet<long> BookingsRead { get; } = [];

    public HashSet<long> VisitorsRead { get; } = [];

    public DateTimeOffset? NextStart { get; set; }
}
