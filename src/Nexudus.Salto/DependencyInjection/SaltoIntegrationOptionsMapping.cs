using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// The one mapping from the <c>SaltoIntegration</c> section to the options each part takes, so the parts read the
/// configuration the same way and none keeps a copy of its rules.
/// </summary>
internal static class SaltoIntegrationOptionsMapping
{
    /// <summary>
    /// The sync engine's settings: every <see cref="AccessSyncOptions"/> property but the per-run operator override
    /// (<see cref="AccessSyncOptions.AllowMassRevocation"/>, which is <see cref="SyncRunOptions.AllowMassRevocation"/>),
    /// each from the <c>SaltoIntegration</c> key of the same name; every location's links (through
    /// <see cref="SaltoLocationOptions.ToLocation"/>) and sync settings; the removal guard; and the membership chunk
    /// size of the SALTO client (memberships are changed in chunks no larger than it sends). A test sets every key to a
    /// value other than its default and checks that it reaches the synchronizer, so a property added here and not
    /// mapped fails the build's tests.
    /// </summary>
    public static AccessSyncOptions ToAccessSyncOptions(SaltoIntegrationOptions options, SaltoKsClientOptions saltoKs) => new()
    {
        Locations = [.. options.Locations.Select(l => l.ToLocation())],
        Safety = new RevocationSafety
        {
            MaxRevocations = options.Safety.MaxRevocations,
            MaxRevocationPercent = options.Safety.MaxRevocationPercent,
        },
        DryRun = options.DryRun,
        MembershipChunkSize = saltoKs.MembershipChunkSize,
        GroupRetryBaseDelay = options.GroupRetryBaseDelay,
        GroupRetryMaxDelay = options.GroupRetryMaxDelay,
        BookingLookAhead = options.BookingLookAhead,
        FullReadInterval = options.FullReadInterval,
        CreateUsersWhileReading = options.CreateUsersWhileReading,
        NexudusReadConcurrency = options.NexudusReadConcurrency,
        SaltoReadConcurrency = options.SaltoReadConcurrency,
        SaltoWriteConcurrency = options.SaltoWriteConcurrency,
        TimeSlotDayNumbering = options.TimeSlotDayNumbering,
        NewUserRoleIds = [.. options.NewUserRoleIds.Select(id => id.Trim())],
        EraseArchivedAfter = options.EraseArchivedAfter,
    };

    /// <summary>
    /// The check-in bridge's settings: every location with its readers, and every <see cref="CheckInBridgeOptions"/>
    /// setting that configuration holds, each from the <c>SaltoIntegration</c> key of the same name. Left at their
    /// defaults: the entry classifier (code, not configuration), the entries page size (the SALTO client's
    /// <c>SaltoKs:EntriesPageSize</c> applies) and the lease (a host takes it for each pass).
    /// </summary>
    public static CheckInBridgeOptions ToCheckInBridgeOptions(SaltoIntegrationOptions options) => new()
    {
        Locations = [.. options.Locations.Select(l => l.ToLocation())],
        CheckInLookBack = options.CheckInLookBack,
        LateEntryWindow = options.LateEntryWindow,
        Debounce = options.Debounce,
        OpenCheckInSearchWindow = options.OpenCheckInSearchWindow,
        MaxCreateAttempts = options.MaxCreateAttempts,
        PastDayCheckIns = options.PastDayCheckIns,
        PastDayDefaultStay = options.PastDayDefaultStay,
        MatchTagsByAccessCardId = options.MatchTagsByAccessCardId,
    };

    /// <summary>
    /// The SQLite state store's settings: the file (<c>StatePath</c>; for a named integration left at the default,
    /// <c>nexudus-salto.{name}.db</c>, so two integrations never share a file by accident) and how long processed door
    /// entries are remembered (<c>EntryRetention</c>). The store's lock wait is not configuration.
    /// </summary>
    public static SqliteSyncStateStoreOptions ToSqliteOptions(SaltoIntegrationOptions options, string? name) => new()
    {
        Path = name is not null && options.StatePath == SaltoIntegrationOptions.DefaultStatePath ? $"nexudus-salto.{name}.db" : options.StatePath,
        ProcessedEntryRetention = options.EntryRetention,
    };

    /// <summary>The access reports' settings: every location and its readers.</summary>
    public static AccessReportOptions ToAccessReportOptions(SaltoIntegrationOptions options) => new()
    {
        Locations = [.. options.Locations.Select(l => l.ToLocation())],
    };

    /// <summary>Tells whether any location has a reader, so that the check-in bridge has work to do.</summary>
    public static bool HasReaders(SaltoIntegrationOptions options) => options.Locations.Any(l => l.Readers.Count > 0);
}
