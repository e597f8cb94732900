namespace Nexudus.Salto.CheckIns;

/// <summary>
/// Settings of the <see cref="CheckInBridge"/>. Names follow the configuration contract:
/// <see cref="Locations"/> carry <c>NexudusBusinessId</c>, <c>SaltoSiteId</c> and <c>Readers</c>, and
/// <see cref="CheckInLookBack"/> is <c>SaltoIntegration:CheckInLookBack</c>.
/// </summary>
public sealed record CheckInBridgeOptions
{
    /// <summary>Gets the locations whose readers make check-ins.</summary>
    /// <value>Empty by default. A SALTO site may appear in several locations, but a lock in only one.</value>
    public IReadOnlyList<IntegrationLocation> Locations { get; init; } = [];

    /// <summary>Gets how far back the first run reads entries, when a site has no watermark yet.</summary>
    /// <value>One hour, because SALTO delivers entries with some delay.</value>
    public TimeSpan CheckInLookBack { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets how far behind the watermark each run reads again, so that entries that reach SALTO late
    /// (from a lock that was offline, or through the ingestion delay) are still handled. Entries already
    /// handled are recognised by id and skipped.
    /// </summary>
    /// <value>Two hours. Raise it if locks at a site stay offline longer; each run re-reads this much.</value>
    public TimeSpan LateEntryWindow { get; init; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Gets the window within which repeated taps of the same user on readers of the same role and
    /// location count as one (the later ones are <see cref="CheckInOutcome.Debounced"/>).
    /// </summary>
    /// <value>Two minutes. <see cref="TimeSpan.Zero"/> turns debouncing off.</value>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets how far back from an entry the bridge looks for the customer's check-ins at the location
    /// (an open one to close, or one that makes a new check-in unnecessary).
    /// </summary>
    /// <value>24 hours. An open check-in older than this is treated as stale and left alone.</value>
    public TimeSpan OpenCheckInSearchWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets how many times one entry may try to create its check-in. A create whose outcome is unknown
    /// (a timeout, a dropped connection) is never repeated blindly: the bridge looks for the check-in
    /// first and tries again only when it is not there.
    /// </summary>
    /// <value>2. After the last uncertain attempt the entry is deferred to the next run, which looks again.</value>
    public int MaxCreateAttempts { get; init; } = 2;

    /// <summary>Gets how entries are judged openings, rejections or neither.</summary>
    /// <value><see cref="DoorEntryClassifier.Default"/>.</value>
    public DoorEntryClassifier EntryClassifier { get; init; } = DoorEntryClassifier.Default;

    /// <summary>
    /// Gets what becomes of an opening on a check-in reader dated an earlier day at the location (a lock that was
    /// offline, a run after midnight): Nexudus refuses an open check-in dated any day but today.
    /// </summary>
    /// <value>
    /// <see cref="PastDayCheckInMode.Closed"/>: a closed check-in, ending at the customer's matching exit that day or
    /// after <see cref="PastDayDefaultStay"/>. <see cref="PastDayCheckInMode.Skip"/> writes nothing and counts the entry
    /// as <see cref="CheckInOutcome.PastDaySkipped"/>.
    /// </value>
    public PastDayCheckInMode PastDayCheckIns { get; init; } = PastDayCheckInMode.Closed;

    /// <summary>
    /// Gets how long a closed check-in for an earlier day lasts when no exit of the customer on a check-out reader
    /// that day follows it; it never runs past the end of that local day.
    /// </summary>
    /// <value>One hour.</value>
    public TimeSpan PastDayDefaultStay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets whether an opening that names no SALTO user but was made with a tag (<c>access_by</c> <c>tag</c>, its
    /// printed number in <c>access_detail</c>) is matched to the one active customer whose Nexudus Access Card Id
    /// holds that number.
    /// </summary>
    /// <value>
    /// <see langword="false"/>: such an entry is an unknown user. Turning it on reads the active customers once per
    /// run, the first time such an entry appears.
    /// </value>
    public bool MatchTagsByAccessCardId { get; init; }

    /// <summary>Gets the SALTO entries page size to ask for.</summary>
    /// <value><see langword="null"/> for the SALTO client's configured page size.</value>
    public int? EntriesPageSize { get; init; }

    /// <summary>
    /// Gets whether a run takes the state store's exclusive lease (holder <c>check-ins</c>) for its
    /// duration, so two bridges on one state can never create the same check-in twice.
    /// </summary>
    /// <value>
    /// <see langword="true"/>. Set <see langword="false"/> when the caller already holds the lease for
    /// a larger unit of work (a worker running sync and check-ins back to back).
    /// </value>
    public bool AcquireLease { get; init; } = true;

    /// <summary>Lists every problem with these options, each named by its key.</summary>
    /// <returns>The problems; empty when the options are usable.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Locations is null)
        {
            errors.Add("Locations: must not be null.");
            return errors;
        }

        var lockOwners = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Locations.Count; i++)
        {
            var location = Locations[i];
            var key = $"Locations:{i}";
            if (location is null)
            {
                errors.Add($"{key}: must not be null.");
                continue;
            }

            if (location.NexudusBusinessId <= 0)
            {
                errors.Add($"{key}:NexudusBusinessId: must be a positive id.");
            }

            if (string.IsNullOrWhiteSpace(location.SaltoSiteId))
            {
                errors.Add($"{key}:SaltoSiteId: is required.");
            }

            foreach (var (lockId, role) in location.Readers ?? new Dictionary<string, ReaderRole>())
            {
                if (string.IsNullOrWhiteSpace(lockId))
                {
                    errors.Add($"{key}:Readers: a lock id is empty.");
                    continue;
                }

                if (role is not (ReaderRole.CheckIn or ReaderRole.CheckOut))
                {
                    errors.Add($"{key}:Readers:{lockId}: must be CheckIn or CheckOut.");
                }

                if (lockOwners.TryGetValue(lockId.Trim(), out var owner))
                {
                    errors.Add($"{key}:Readers:{lockId}: the lock is already a reader of Locations:{owner}.");
                }
                else
                {
                    lockOwners[lockId.Trim()] = i;
                }
            }
        }

        AddIfNegative(errors, nameof(CheckInLookBack), CheckInLookBack);
        AddIfNegative(errors, nameof(LateEntryWindow), LateEntryWindow);
        AddIfNegative(errors, nameof(Debounce), Debounce);
        if (OpenCheckInSearchWindow <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(OpenCheckInSearchWindow)}: must be positive.");
        }

        if (!Enum.IsDefined(PastDayCheckIns))
        {
            errors.Add($"{nameof(PastDayCheckIns)}: must be Closed or Skip.");
        }

        if (PastDayDefaultStay <= TimeSpan.Zero || PastDayDefaultStay >= TimeSpan.FromDays(1))
        {
            errors.Add($"{nameof(PastDayDefaultStay)}: must be more than zero and less than a day.");
        }

        if (MaxCreateAttempts < 1)
        {
            errors.Add($"{nameof(MaxCreateAttempts)}: must be at least 1.");
        }

        if (EntriesPageSize is < 1)
        {
            errors.Add($"{nameof(EntriesPageSize)}: must be at least 1.");
        }

        if (EntryClassifier is null)
        {
            errors.Add($"{nameof(EntryClassifier)}: must not be null.");
        }

        return errors;
    }

    private static void AddIfNegative(List<string> errors, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{key}: must not be negative.");
        }
    }
}
