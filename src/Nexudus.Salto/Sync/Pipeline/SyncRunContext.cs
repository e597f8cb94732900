using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Guests;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// What one run of the <see cref="SyncPipeline"/> knows, filled in stage by stage (read → resolve → match → plan →
/// guard → apply → record) and read by the stages after: the run's settings, what was read and resolved, the sites'
/// plans, the guard's decision, and the report's lists (errors and warnings included), which every stage adds to
/// here rather than through its parameters. Each site's own part is a <see cref="SiteRun"/>.
/// </summary>
/// <remarks>
/// The stages run one after another, so the lists need no lock; work a stage runs concurrently (creations, groups,
/// tags) collects its outcomes apart and adds them here once it is done.
/// </remarks>
internal sealed class SyncRunContext
{
    private IReadOnlyDictionary<long, Coworker>? _tagCustomers;

    /// <summary>Gets the moment the run judges entitlements at.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Gets the run's settings.</summary>
    public required SyncRunFlags Flags { get; init; }

    /// <summary>Gets the locations of this run (those whose site this process leased, on a shared store).</summary>
    public required IReadOnlyList<IntegrationLocation> Locations { get; init; }

    /// <summary>Gets the SALTO reads of a site, started early and shared by every stage (and by the creation-only run).</summary>
    public required Func<string, SaltoSiteReads> ReadsOf { get; init; }

    /// <summary>Gets the service calls counted so far; <see langword="null"/> in the creation-only run.</summary>
    public ServiceCallTally? Tally { get; init; }

    /// <summary>
    /// Gets whether this is the creation-only run: the same stages over the lists read so far, scoped to creating the
    /// missing users (no bookkeeping, no memberships, no guard). Its failed reads are not reported: the whole run meets
    /// them again and reports them.
    /// </summary>
    public bool CreationsOnly { get; init; }

    /// <summary>Gets the run's errors, in the order they happened.</summary>
    public List<SyncError> Errors { get; } = [];

    /// <summary>Gets the run's warnings.</summary>
    public List<SyncWarning> Warnings { get; } = [];

    // Read

    /// <summary>Gets or sets what the Nexudus read gave; <see langword="null"/> in the creation-only run.</summary>
    public SnapshotReadResult? Read { get; set; }

    /// <summary>Gets or sets the Nexudus records the run plans from.</summary>
    public NexudusSnapshot Snapshot { get; set; } = new();

    /// <summary>Gets or sets the customers of a targeted run (those named and those read with them); <see langword="null"/> for a whole run.</summary>
    public HashSet<long>? Scope { get; set; }

    /// <summary>Gets or sets the (site, group) pairs a bookings-only targeted run decides; <see langword="null"/> for all.</summary>
    public HashSet<(string Site, string Group)>? BookingGroups { get; set; }

    /// <summary>Gets or sets what the creation-only run did while Nexudus was read (in that run: what it is doing).</summary>
    public EarlyUserCreations Early { get; set; } = new();

    /// <summary>Gets whether any part of the Nexudus read failed.</summary>
    public bool NexudusReadFailed => Read is { Failures.Count: > 0 };

    // Resolve

    /// <summary>Gets or sets the links of the run's locations.</summary>
    public LinkMap Links { get; set; } = null!;

    /// <summary>Gets or sets who should be in which group, before payment-aware access.</summary>
    public DesiredAccess Unsuspended { get; set; } = null!;

    /// <summary>Gets or sets who should be in which group now.</summary>
    public DesiredAccess Desired { get; set; } = null!;

    /// <summary>Gets or sets the customers read, by id.</summary>
    public Dictionary<long, Coworker> Customers { get; set; } = [];

    /// <summary>Gets or sets the payment check of the run.</summary>
    public PaymentCheck Payments { get; set; } = new();

    /// <summary>Gets or sets whether an invoice read failed (which holds removals like any failed read).</summary>
    public bool InvoiceReadFailed { get; set; }

    // Match and plan

    /// <summary>Gets the sites read and planned, in site id order.</summary>
    public List<SiteRun> Sites { get; } = [];

    /// <summary>Gets or sets whether a SALTO read failed (a site or a group left out).</summary>
    public bool SaltoReadFailed { get; set; }

    // Guard

    /// <summary>Gets or sets what the revocation guard decided.</summary>
    public RevocationDecision Decision { get; set; } = new();

    // Apply and record

    /// <summary>Gets the customers whose tags the run assigns: a targeted run's own only.</summary>
    public IReadOnlyDictionary<long, Coworker> TagCustomers => _tagCustomers ??= Scope is null ? Customers : Customers.Where(c => Scope.Contains(c.Key)).ToDictionary();

    /// <summary>Gets the membership changes.</summary>
    public List<MembershipChange> Changes { get; } = [];

    /// <summary>Gets the user creations.</summary>
    public List<UserCreation> Creations { get; } = [];

    /// <summary>Gets the tag changes.</summary>
    public List<TagChange> Tags { get; } = [];

    /// <summary>Gets the differences between Access Card Ids and the tags SALTO shows.</summary>
    public List<TagDifference> TagDifferences { get; } = [];

    /// <summary>Gets the schedule changes and checks.</summary>
    public List<ScheduleChange> Schedules { get; } = [];

    /// <summary>Gets or sets what the guest stage did.</summary>
    public GuestRun Guests { get; set; } = new();

    /// <summary>Gets or sets the erasures of customers gone from Nexudus.</summary>
    public IReadOnlyList<CustomerErasure> Erasures { get; set; } = [];

    /// <summary>Gets the ids of the run's sites, in the order they are planned and applied.</summary>
    public IEnumerable<string> SiteIds => Links.Locations.Select(l => l.SiteId).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    /// <summary>Gets the context of the creation-only run over <paramref name="lists"/>, sharing this run's SALTO reads.</summary>
    public SyncRunContext ForCreations(NexudusSnapshot lists) => new()
    {
        Now = Now,
        Flags = SyncRunFlags.CreationsOnly,
        Locations = Locations,
        ReadsOf = ReadsOf,
        CreationsOnly = true,
        Snapshot = lists,
    };

    /// <summary>Whether two SALTO ids are the same (they compare without case).</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
