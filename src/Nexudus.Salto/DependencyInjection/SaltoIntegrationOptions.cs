using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Nexudus.Salto.CheckIns;

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
}
