using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// Settings of the integration itself, bound from the <c>SaltoIntegration</c> configuration section
///: where the sync state lives, the linked locations, the removal guard and the worker.
/// </summary>
/// <remarks>
/// The key names are public API and stay stable. The options are mutable so configuration can bind
/// them; the integration reads them once, at start-up, and validates every key at once
/// (<see cref="SaltoIntegrationOptions"/> errors name keys by full path, such as
/// <c>SaltoIntegration:Locations:0:SaltoSiteId</c>).
/// </remarks>
public sealed class SaltoIntegrationOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "SaltoIntegration";

    // The engine's own defaults, so that a key left unset behaves exactly as the engine does without configuration.
    private static readonly AccessSyncOptions SyncDefaults = new();
    private static readonly CheckInBridgeOptions CheckInDefaults = new();

    /// <summary>The default <see cref="StatePath"/>.</summary>
    internal const string DefaultStatePath = "nexudus-salto.db";

    /// <summary>Gets or sets the path of the SQLite file that holds the sync state.</summary>
    /// <value>
    /// <c>nexudus-salto.db</c>, relative to the working directory (<c>nexudus-salto.{name}.db</c> for a named integration). The file remembers which SALTO users
    /// and memberships the SDK created, so keep it on durable storage and give every deployment its own.
    /// </value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "{0} is required.")]
    public string StatePath { get; set; } = DefaultStatePath;

    /// <summary>Gets the linked locations: one entry per Nexudus location and its SALTO KS site.</summary>
    /// <value>Empty until configured; at least one location is required.</value>
    [ValidateEnumeratedItems]
    public IList<SaltoLocationOptions> Locations { get; } = [];

    /// <summary>Gets or sets the guard that holds back mass removals.</summary>
    /// <value>At most 25 removals, and at most 20 % of a site's managed memberships, per run.</value>
    [ValidateObjectMembers]
    public SaltoSafetyOptions Safety { get; set; } = new();

    /// <summary>Gets or sets the background worker's schedule (used only when the worker is added).</summary>
    /// <value>A full sync every 15 minutes, check-ins every minute; see <see cref="SaltoWorkerOptions"/>.</value>
    [ValidateObjectMembers]
    public SaltoWorkerOptions Worker { get; set; } = new();

    /// <summary>Gets or sets the Nexudus webhook endpoint's settings (used only when webhooks are served).</summary>
    /// <value>No shared secret, signed deliveries only; see <see cref="SaltoWebhookOptions"/>.</value>
    public SaltoWebhookOptions Webhooks { get; set; } = new();

    /// <summary>
    /// Gets or sets how long a customer may stay archived in Nexudus before the sync erases them
    /// (<c>SaltoIntegration:EraseArchivedAfter</c>), as it erases a customer deleted in Nexudus: the SALTO user the SDK
    /// created is deleted (a user the SDK adopted only loses the memberships the SDK added) and every state-store row
    /// about the customer goes. How long a customer has been archived is read from the record's <c>UpdatedOn</c>.
    /// </summary>
    /// <value><see langword="null"/>: archived customers are never erased (they only lose access). From one day to ten years.</value>
    public TimeSpan? EraseArchivedAfter { get; set; }

    /// <summary>
    /// Gets or sets how long the state store remembers processed door entries (the check-in memory) before they are
    /// forgotten (<c>SaltoIntegration:EntryRetention</c>).
    /// </summary>
    /// <value>90 days; from one day to ten years, and at least <see cref="CheckInLookBack"/>.</value>
    public TimeSpan EntryRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Gets or sets how far back the check-in bridge starts reading door entries when it has no
    /// watermark yet (SALTO delivers entries with some delay).
    /// </summary>
    /// <value>One hour.</value>
    public TimeSpan CheckInLookBack { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets what becomes of a door opening on a check-in reader dated an earlier day at the location, where
    /// Nexudus refuses an open check-in (<c>SaltoIntegration:PastDayCheckIns</c>).
    /// </summary>
    /// <value>
    /// <see cref="PastDayCheckInMode.Closed"/>: a closed check-in ending at the customer's exit that day or after
    /// <see cref="PastDayDefaultStay"/>; <see cref="PastDayCheckInMode.Skip"/>: nothing written, counted apart.
    /// </value>
    public PastDayCheckInMode PastDayCheckIns { get; set; } = PastDayCheckInMode.Closed;

    /// <summary>
    /// Gets or sets how long a closed check-in for an earlier day lasts when no exit follows it that day
    /// (<c>SaltoIntegration:PastDayDefaultStay</c>).
    /// </summary>
    /// <value>One hour; more than zero and less than a day.</value>
    public TimeSpan PastDayDefaultStay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets whether a door opening that names no SALTO user but carries a tag number is matched to the
    /// customer whose Nexudus Access Card Id holds it (<c>SaltoIntegration:MatchTagsByAccessCardId</c>).
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool MatchTagsByAccessCardId { get; set; }

    /// <summary>
    /// Gets or sets how many SALTO KS writes of one site a sync run keeps in flight at once: user creations, the
    /// bulk membership changes of different groups and tag changes. A first sync of a large space creates thousands
    /// of users, so overlapping the calls is what keeps it to minutes; everything SALTO accepts is still recorded
    /// before it is reported.
    /// </summary>
    /// <value>4; between 1 and 32. 1 writes one call after another.</value>
    [Range(1, 32)]
    public int SaltoWriteConcurrency { get; set; } = 4;

    /// <summary>
    /// Gets or sets whether every sync run only computes and reports its plan, writing nothing to SALTO KS or the
    /// state store (<c>SaltoIntegration:DryRun</c>), unless a run says otherwise (<see cref="SyncRunOptions.DryRun"/>).
    /// </summary>
    /// <value><see langword="false"/>.</value>
    public bool DryRun { get; set; } = SyncDefaults.DryRun;

    /// <summary>
    /// Gets or sets how often Nexudus is read in full (<c>SaltoIntegration:FullReadInterval</c>); between full reads
    /// only records updated since the last read are read and merged. Records deleted in Nexudus are noticed at the next
    /// full read; bookings are always read in full for their window.
    /// </summary>
    /// <value><see cref="TimeSpan.Zero"/>: every run reads in full. From zero to seven days.</value>
    public TimeSpan FullReadInterval { get; set; } = SyncDefaults.FullReadInterval;

    /// <summary>
    /// Gets or sets how far ahead of now bookings are read (<c>SaltoIntegration:BookingLookAhead</c>), so a sync report's
    /// next edge sees the next booking window open.
    /// </summary>
    /// <value>One day; from zero to 31 days.</value>
    public TimeSpan BookingLookAhead { get; set; } = SyncDefaults.BookingLookAhead;

    /// <summary>
    /// Gets or sets whether a full read's missing SALTO users are created while Nexudus is still being read
    /// (<c>SaltoIntegration:CreateUsersWhileReading</c>); never in a dry run or from an incremental read.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool CreateUsersWhileReading { get; set; } = SyncDefaults.CreateUsersWhileReading;

    /// <summary>
    /// Gets or sets how many Nexudus read calls a sync run keeps in flight at once
    /// (<c>SaltoIntegration:NexudusReadConcurrency</c>); the client's rate limiter still paces them.
    /// </summary>
    /// <value>6; between 1 and 32. 1 reads one call after another.</value>
    [Range(1, 32)]
    public int NexudusReadConcurrency { get; set; } = SyncDefaults.NexudusReadConcurrency;

    /// <summary>
    /// Gets or sets how many SALTO KS read calls (a site's users, a group's members) a sync run keeps in flight at once
    /// (<c>SaltoIntegration:SaltoReadConcurrency</c>).
    /// </summary>
    /// <value>4; between 1 and 32. 1 reads SALTO after Nexudus, one call after another.</value>
    [Range(1, 32)]
    public int SaltoReadConcurrency { get; set; } = SyncDefaults.SaltoReadConcurrency;

    /// <summary>
    /// Gets or sets the back-off after a SALTO group's first failed change (<c>SaltoIntegration:GroupRetryBaseDelay</c>);
    /// it doubles with each further failure, up to <see cref="GroupRetryMaxDelay"/>.
    /// </summary>
    /// <value>One minute; from one second to one day.</value>
    public TimeSpan GroupRetryBaseDelay { get; set; } = SyncDefaults.GroupRetryBaseDelay;

    /// <summary>Gets or sets the longest back-off of a failing SALTO group (<c>SaltoIntegration:GroupRetryMaxDelay</c>).</summary>
    /// <value>One hour; from one second to seven days, and at least <see cref="GroupRetryBaseDelay"/>.</value>
    public TimeSpan GroupRetryMaxDelay { get; set; } = SyncDefaults.GroupRetryMaxDelay;

    /// <summary>
    /// Gets or sets how Nexudus numbers the weekdays of pass time slots, for written pass schedules
    /// (<c>SaltoIntegration:TimeSlotDayNumbering</c>; which one Nexudus uses is unconfirmed).
    /// </summary>
    /// <value><see cref="Sync.TimeSlotDayNumbering.SundayZero"/>.</value>
    public TimeSlotDayNumbering TimeSlotDayNumbering { get; set; } = SyncDefaults.TimeSlotDayNumbering;

    /// <summary>Gets the SALTO role ids given to users the sync creates (<c>SaltoIntegration:NewUserRoleIds</c>).</summary>
    /// <value>Empty: SALTO gives its default role. No id may be empty.</value>
    public IList<string> NewUserRoleIds { get; } = [];

    /// <summary>
    /// Gets or sets how far behind its watermark each check-in pass reads again, so entries that reach SALTO late (from
    /// a lock that was offline) are still handled (<c>SaltoIntegration:LateEntryWindow</c>).
    /// </summary>
    /// <value>Two hours; from zero to 30 days, and no longer than <see cref="EntryRetention"/>.</value>
    public TimeSpan LateEntryWindow { get; set; } = CheckInDefaults.LateEntryWindow;

    /// <summary>
    /// Gets or sets the window within which repeated taps of one user on readers of the same role and location count
    /// as one check-in (<c>SaltoIntegration:Debounce</c>).
    /// </summary>
    /// <value>Two minutes; from zero (debouncing off) to one hour.</value>
    public TimeSpan Debounce { get; set; } = CheckInDefaults.Debounce;

    /// <summary>
    /// Gets or sets how far back from a door entry the check-in bridge looks for the customer's check-ins at the
    /// location (<c>SaltoIntegration:OpenCheckInSearchWindow</c>); an open check-in older than this is left alone.
    /// </summary>
    /// <value>24 hours; from one minute to seven days.</value>
    public TimeSpan OpenCheckInSearchWindow { get; set; } = CheckInDefaults.OpenCheckInSearchWindow;

    /// <summary>
    /// Gets or sets how many times one door entry may try to create its check-in
    /// (<c>SaltoIntegration:MaxCreateAttempts</c>); an attempt whose outcome is unknown is looked for before the next.
    /// </summary>
    /// <value>2; between 1 and 10.</value>
    [Range(1, 10)]
    public int MaxCreateAttempts { get; set; } = CheckInDefaults.MaxCreateAttempts;
}
