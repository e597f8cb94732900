using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The one mapping from the <c>SaltoIntegration</c> section to the options each part takes, so the parts read the
/// configuration the same way and none keeps a copy of its rules.
/// </summary>
internal static class SaltoIntegrationOptionsMapping
{
    /// <summary>
    /// The sync engine's settings: every location's links (through <see cref="SaltoLocationOptions.ToLocationLinks"/>)
    /// and schedule opt-in, the removal guard and how many SALTO writes overlap. Memberships are changed in chunks no
    /// larger than the SALTO client sends.
    /// </summary>
    public static AccessSyncOptions ToAccessSyncOptions(SaltoIntegrationOptions options, SaltoKsClientOptions saltoKs) => new()
    {
        Locations = [.. options.Locations.Select(l => new SyncLocation
        {
            Links = l.ToLocationLinks(), WritePassSchedules = l.WritePassSchedules, CreateMissingGroupSchedules = l.CreateMissingGroupSchedules,
            SuspendAfterOverdueDays = l.SuspendAfterOverdueDays,
            BookingGuests = l.BookingGuests,
            VisitorGroups = [.. (l.VisitorGroups ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim())],
            VisitorAccessBefore = l.VisitorAccessBefore,
            GuestSeatReserve = l.GuestSeatReserve,
        })],
        EraseArchivedAfter = options.EraseArchivedAfter,
        Safety = new RevocationSafety
        {
            MaxRevocations = options.Safety.MaxRevocations,
            MaxRevocationPercent = options.Safety.MaxRevocationPercent,
        },
        MembershipChunkSize = saltoKs.MembershipChunkSize,
        SaltoWriteConcurrency = options.SaltoWriteConcurrency,
    };

    /// <summary>The check-in bridge's settings: every location with its readers, and the first run's look-back.</summary>
    public static CheckInBridgeOptions ToCheckInBridgeOptions(SaltoIntegrationOptions options) => new()
    {
        Locations = [.. options.Locations.Select(l => l.ToCheckInLocation())],
        CheckInLookBack = options.CheckInLookBack,
        PastDayCheckIns = options.PastDayCheckIns,
        PastDayDefaultStay = options.PastDayDefaultStay,
        MatchTagsByAccessCardId = options.MatchTagsByAccessCardId,
    };

    /// <summary>The access reports' settings: every location and its readers.</summary>
    public static AccessReportOptions ToAccessReportOptions(SaltoIntegrationOptions options) => new()
    {
        Locations = [.. options.Locations.Select(l => l.ToCheckInLocation())],
    };

    /// <summary>Tells whether any location has a reader, so that the check-in bridge has work to do.</summary>
    public static bool HasReaders(SaltoIntegrationOptions options) => options.Locations.Any(l => l.Readers.Count > 0);
}
