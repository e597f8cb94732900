using System.Diagnostics;
using System.Globalization;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Benchmarks.Chaos;

/// <summary>The soak's settings.</summary>
internal sealed record ChaosSoakOptions
{
    public int Seed { get; init; } = 20261207;

    public int Cycles { get; init; } = 1000;

    /// <summary>The share of cycles run by a child process (which may be killed with SIGKILL at a random point).</summary>
    public double ChildShare { get; init; }

    /// <summary>Starts a child sync for a configuration file; required when <see cref="ChildShare"/> is above 0.</summary>
    public Func<string, ProcessStartInfo>? ChildStart { get; init; }

    public int MaxCleanCycles { get; init; } = 10;

    /// <summary>Whether faults are injected (tests of the oracle turn them off).</summary>
    public bool Faults { get; init; } = true;

    /// <summary>The longest slow reply; attempts time out at 2 s, so most of the longer ones are retried.</summary>
    public TimeSpan SlowestReply { get; init; } = TimeSpan.FromMilliseconds(3500);

    /// <summary>The longest <c>Retry-After</c> a throttle announces, in seconds.</summary>
    public int LongestRetryAfterSeconds { get; init; } = 2;

    /// <summary>The business time the soak starts at: a Friday evening before the clocks go forward in London.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 3, 27, 18, 0, 0, TimeSpan.Zero);

    public SandboxSpaceOptions Space { get; init; } = new()
    {
        Seed = 20261207, Customers = 150, Passes = 400, Contracts = 50, Bookings = 120, Groups = 12, ExistingSaltoUserShare = 0.3,
    };

    /// <summary>Where the state file and child configurations go.</summary>
    public string? WorkDirectory { get; init; }

    public Action<string>? Log { get; init; }

    /// <summary>For tests of the oracle: runs after each cycle's sync, as part of the cycle (what it changes counts as sent).</summary>
    public Func<ChaosPlanting, Task>? AfterSync { get; init; }
}

/// <summary>What a test's <see cref="ChaosSoakOptions.AfterSync"/> hook can reach.</summary>
internal sealed record ChaosPlanting(int Cycle, SaltoKsSandbox Salto, NexudusSandbox Nexudus, SandboxSpace Space, ISaltoKsClient SaltoClient, IReadOnlySet<(string Group, PlatformUserId User)> OwnedBySdk);

/// <summary>A membership change the oracle found wrongful.</summary>
internal sealed record ChaosFinding(string Cycle, string Change, string Group, PlatformUserId User, long? Customer, string Why, string Faults, string Result)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"cycle {Cycle}: {Change} of group {Group} for user {User} (customer {Customer?.ToString(CultureInfo.InvariantCulture) ?? "none"}): {Why}; sync {Result}; faults [{Faults}]");
}

/// <summary>The soak's figures.</summary>
internal sealed record ChaosSoakResult
{
    public required int Seed { get; init; }

    public required int Cycles { get; init; }

    public required Dictionary<ChaosFaultKind, int> Faults { get; init; }

    public required Dictionary<ChaosChangeKind, int> NexudusChanges { get; init; }

    public required int Grants { get; init; }

    public required int Revocations { get; init; }

    public required int MembershipPatches { get; init; }

    public required List<ChaosFinding> WrongfulGrants { get; init; }

    public required List<ChaosFinding> WrongfulRevocations { get; init; }

    public required int? ConvergenceCycles { get; init; }

    public required string ConvergenceNote { get; init; }

    public required TimeSpan Duration { get; init; }

    public required int ChildRuns { get; init; }

    public required int ChildKills { get; init; }

    public required Dictionary<string, int> SyncOutcomes { get; init; }

    public required int LateChanges { get; init; }

    public required int CyclesWithFaults { get; init; }

    public required IReadOnlyDictionary<string, int> SpaceCounts { get; init; }

    public required DateTimeOffset BusinessStart { get; init; }

    public required DateTimeOffset BusinessEnd { get; init; }
}

/// <summary>
/// The chaos soak: a generated space in both sandboxes, then cycles of (random Nexudus changes, random faults on both
/// services, one sync, an independent verdict on every membership change SALTO shows), then clean cycles until SALTO
/// matches the entitlements.
/// </summary>
internal sealed class ChaosSoak
{
    private readonly ChaosSoakOptions _options;
    private readonly Random _random;
    private readonly HashSet<(string Group, PlatformUserId User)> _owned = [];
    private readonly Dictionary<(string Group, PlatformUserId User), List<string>> _history = [];
    private readonly HashSet<string> _traced = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _groupNames = new(StringComparer.Ordinal);
    private readonly Dictionary<ChaosFaultKind, int> _faults = [];
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly List<ChaosFinding> _wrongfulGrants = [];
    private readonly List<ChaosFinding> _wrongfulRevocations = [];
    private int _grants;
    private int _revocations;
    private int _patches;
    private int _late;

    private ChaosSoak(ChaosSoakOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    public static Task<ChaosSoakResult> RunAsync(ChaosSoakOptions options) => new ChaosSoak(options).RunAsync();

    private async Task<ChaosSoakResult> RunAsync()
    {
        var started = Stopwatch.StartNew();
        var work = _options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"chaos-soak-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        var clock = new ChaosClock(_options.Start);
        await using var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { TimeProvider = clock, RateLimits = NexudusRateLimits.Disabled, MaxPageSize = 100 });
        await using var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions { TimeProvider = clock, MaxPageSize = 100 });
        var space = SandboxSpaceGenerator.Generate(nexudus, salto, clock.GetUtcNow(), _options.Space);
        var zone = _options.Space.TimeZone ?? TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var oracle = new ChaosOracle(space.Links, zone);
        foreach (var group in space.GroupIds)
        {
            _groupNames[group.ToLowerInvariant()] = group;
        }

        var changes = new ChaosChanges(nexudus, salto, space, clock, new Random(_options.Seed + 1));
        var config = new ChaosSyncConfig
        {
            NexudusUrl = nexudus.BaseUrl.ToString(),
            NexudusUsername = nexudus.Username,
            NexudusPassword = nexudus.Password,
            SaltoUrl = salto.BaseUrl.ToString(),
            SaltoIdentityUrl = salto.IdentityUrl.ToString(),
            SaltoClientId = salto.ClientId,
            SaltoClientSecret = salto.ClientSecret,
            SaltoUsername = salto.Username,
            SaltoPassword = salto.Password,
            StatePath = Path.Combine(work, "state.db"),
            BusinessId = space.BusinessId,
            SiteId = space.SiteId,
            PassGroups = space.Links.TimePassGroups.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            DeskGroups = space.Links.FloorPlanDeskGroups.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            ResourceGroups = space.Links.ResourceGroups.ToDictionary(p => p.Key, p => p.Value.ToArray()),
        };
        await using var sync = new ChaosSync(config, clock);
        Log($"Space: {string.Join(", ", space.Counts.Select(c => $"{c.Value} {c.Key.ToLowerInvariant()}"))}; business time {clock.GetUtcNow():u}.");

        var lastAfter = Memberships(salto, space);
        Cycle? previous = null;
        var childRuns = 0;
        var childKills = 0;
        var cyclesWithFaults = 0;
        var handAddedBefore = 0;
        for (var cycle = 1; cycle <= _options.Cycles; cycle++)
        {
            clock.Jump(TimeSpan.FromSeconds(_random.Next(60, 600)));
            changes.MakeSome(_random.Next(0, 4));

            // Changes the last cycle's requests made after it was judged (a killed child's last PATCH): judged now.
            var before = Memberships(salto, space);
            var handAdded = changes.AddedByHand.Skip(handAddedBefore).ToHashSet();
            handAddedBefore = changes.AddedByHand.Count;
            foreach (var membership in handAdded)
            {
                History(membership, $"{cycle}: added by hand");
            }
            if (previous is not null)
            {
                var lateAdds = before.Except(lastAfter).Where(m => !handAdded.Contains(m)).ToHashSet();
                var lateRemoves = lastAfter.Except(before).ToHashSet();
                _late += lateAdds.Count + lateRemoves.Count;
                Judge(previous with { Label = previous.Label + " (late)" }, lateAdds, lateRemoves, salto, space, oracle);
            }

            nexudus.Requests.Clear();
            salto.Requests.Clear();
            var armed = new List<(string, ChaosFaults.Armed)>();
            if (_options.Faults)
            {
                armed.AddRange(ChaosFaults.Arm(nexudus.Faults, nexudus: true, _random, _options.SlowestReply, _options.LongestRetryAfterSeconds).Select(a => ("Nexudus", a)));
                armed.AddRange(ChaosFaults.Arm(salto.Faults, nexudus: false, _random, _options.SlowestReply, _options.LongestRetryAfterSeconds).Select(a => ("SALTO", a)));
            }

            var labels = armed.Select(a => $"{a.Item1} {a.Item2.Kind}").ToList();
            if (_options.Faults && _random.NextDouble() < 0.04)
            {
                nexudus.ExpireAccessTokens();
                nexudus.RevokeRefreshTokens();
                salto.ExpireAllTokens();
                Count(ChaosFaultKind.TokenRevocation);
                labels.Add("tokens revoked");
            }

            var truth = ChaosOracle.Truth.Capture(nexudus);
            var from = clock.GetUtcNow();
            string outcome;
            if (_options.ChildShare > 0 && _random.NextDouble() < _options.ChildShare)
            {
                childRuns++;
                var (result, killed) = await RunChildAsync(config with { ClockOrigin = clock.GetUtcNow() }, work, cycle);
                outcome = result;
                if (killed)
                {
                    childKills++;
                    Count(ChaosFaultKind.ChildKilled);
                    labels.Add("child killed");
                }
            }
            else
            {
                outcome = await RunInProcessAsync(sync);
            }

            nexudus.Faults.Clear();
            salto.Faults.Clear();
            var fired = CountFired(nexudus, armed.Where(a => a.Item1 == "Nexudus").Select(a => a.Item2)) +
                        CountFired(salto, armed.Where(a => a.Item1 == "SALTO").Select(a => a.Item2));
            if (fired > 0 || labels.Contains("tokens revoked") || labels.Contains("child killed"))
            {
                cyclesWithFaults++;
            }

            _patches += salto.Requests.Count("PATCH", "/*/sites/*/access_groups/*/users");
            var current = new Cycle($"{cycle}", truth, from, clock.GetUtcNow(), string.Join(", ", labels), outcome);
            if (_options.AfterSync is { } plant)
            {
                await plant(new ChaosPlanting(cycle, salto, nexudus, space, sync.SaltoClient, _owned));
            }

            var after = Memberships(salto, space);
            Judge(current, after.Except(before).ToHashSet(), before.Except(after).ToHashSet(), salto, space, oracle);
            await TraceStateAsync(config, current.Label);
            lastAfter = after;
            previous = current;
            if (cycle % 50 == 0)
            {
                Log($"cycle {cycle}: {_grants} grants, {_revocations} revocations, wrongful {_wrongfulGrants.Count}/{_wrongfulRevocations.Count}, {childRuns} child runs ({childKills} killed), {started.Elapsed.TotalSeconds:0} s, business time {clock.GetUtcNow():u}");
            }
        }

        // The faults stop (and so do the changes): later than the longest group back-off, clean cycles until SALTO matches.
        clock.Jump(ChaosSync.Options(space.Links).GroupRetryMaxDelay + TimeSpan.FromMinutes(1));
        int? converged = null;
        var note = "";
        for (var clean = 1; clean <= _options.MaxCleanCycles; clean++)
        {
            var before = Memberships(salto, space);
            if (previous is not null)
            {
                var lateAdds = before.Except(lastAfter).ToHashSet();
                var lateRemoves = lastAfter.Except(before).ToHashSet();
                _late += lateAdds.Count + lateRemoves.Count;
                Judge(previous with { Label = previous.Label + " (late)" }, lateAdds, lateRemoves, salto, space, oracle);
                previous = null;
            }

            var truth = ChaosOracle.Truth.Capture(nexudus);
            var from = clock.GetUtcNow();
            var outcome = await RunInProcessAsync(sync);
            var to = clock.GetUtcNow();
            var after = Memberships(salto, space);
            var current = new Cycle($"clean {clean}", truth, from, to, "", outcome);
            Judge(current, after.Except(before).ToHashSet(), before.Except(after).ToHashSet(), salto, space, oracle);
            await TraceStateAsync(config, current.Label);
            lastAfter = after;
            var mismatches = Mismatches(truth, from, to, after, salto, space, oracle);
            Log($"clean cycle {clean}: {outcome}, {mismatches.Count} differences from the entitlements");
            if (mismatches.Count == 0)
            {
                converged = clean;
                break;
            }

            note = string.Join("; ", mismatches.Take(10));
            if (clean == _options.MaxCleanCycles)
            {
                note += await ExplainAsync(config, mismatches.Take(10));
            }

            clock.Jump(TimeSpan.FromMinutes(1));
        }

        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }

        return new ChaosSoakResult
        {
            Seed = _options.Seed,
            Cycles = _options.Cycles,
            Faults = _faults,
            NexudusChanges = changes.Made,
            Grants = _grants,
            Revocations = _revocations,
            MembershipPatches = _patches,
            WrongfulGrants = _wrongfulGrants,
            WrongfulRevocations = _wrongfulRevocations,
            ConvergenceCycles = converged,
            ConvergenceNote = converged is null ? note : "",
            Duration = started.Elapsed,
            ChildRuns = childRuns,
            ChildKills = childKills,
            SyncOutcomes = _outcomes,
            LateChanges = _late,
            CyclesWithFaults = cyclesWithFaults,
            SpaceCounts = space.Counts,
            BusinessStart = _options.Start,
            BusinessEnd = clock.GetUtcNow(),
        };
    }

    // The SDK's own view, cycle by cycle: when its ledger starts or stops claiming a membership, and when its journal
    // holds an addition or removal of unknown outcome. Added to the histories, so a finding shows the SDK's path too.
    private async Task TraceStateAsync(ChaosSyncConfig config, string label)
    {
        var store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = config.StatePath });
        var state = await store.LoadSiteAsync(config.SiteId);
        var now = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owned in state.OwnedMemberships)
        {
            now.Add($"ledger\u001f{owned.GroupId.ToLowerInvariant()}\u001f{owned.UserId}");
        }

        foreach (var entry in state.PendingMemberships)
        {
            now.Add($"{(entry.IsAddition ? "journal add" : "journal remove")}\u001f{entry.GroupId.ToLowerInvariant()}\u001f{entry.UserId}");
        }

        foreach (var (fact, sign) in now.Except(_traced).Select(f => (f, "+")).Concat(_traced.Except(now).Select(f => (f, "-"))))
        {
            var parts = fact.Split('\u001f');
            var group = space(parts[1]);
            History((group, new PlatformUserId(parts[2])), $"{label}: {parts[0]}{sign}");
        }

        _traced.Clear();
        _traced.UnionWith(now);

        string space(string group) => _groupNames.TryGetValue(group, out var name) ? name : group;
    }

    // For a membership the sync would not settle: its history, and what the SDK's state says about it.
    private async Task<string> ExplainAsync(ChaosSyncConfig config, IEnumerable<string> mismatches)
    {
        var store = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = config.StatePath });
        var state = await store.LoadSiteAsync(config.SiteId);
        var journal = state.PendingMemberships.Count == 0
            ? null
            : string.Join(", ", state.PendingMemberships.Select(p => $"{(p.IsAddition ? "add" : "remove")} {p.GroupId}/{p.UserId} (customer {p.CustomerId})"));
        var lines = new List<string>();
        foreach (var (membership, events) in _history)
        {
            if (!mismatches.Any(m => m.Contains(membership.User.ToString(), StringComparison.Ordinal) && m.Contains(membership.Group, StringComparison.Ordinal)))
            {
                continue;
            }

            var owned = state.OwnedMemberships.Where(o => o.GroupId == membership.Group && o.UserId == membership.User).Select(o => $"customer {o.CustomerId} since {o.AddedAt:u}");
            var links = state.Identities.Where(i => i.PlatformUserId == membership.User).Select(i => $"customer {i.CustomerId}{(i.CreatedBySdk ? " (created)" : "")}");
            lines.Add($"{membership.Group}/{membership.User}: history [{string.Join(", ", events.TakeLast(12))}]; ledger [{string.Join(", ", owned)}]; links [{string.Join(", ", links)}]");
        }

        return $"\n\nExplained:\n- {string.Join("\n- ", lines)}\n- journal: {journal ?? "(empty)"}";
    }

    private void History((string Group, PlatformUserId User) membership, string what)
    {
        if (!_history.TryGetValue(membership, out var events))
        {
            _history[membership] = events = [];
        }

        events.Add(what);
    }

    private sealed record Cycle(string Label, ChaosOracle.Truth Truth, DateTimeOffset From, DateTimeOffset To, string Faults, string Outcome);

    private void Log(string line) => _options.Log?.Invoke(line);

    private void Count(ChaosFaultKind kind, int by = 1)
    {
        if (by > 0)
        {
            _faults[kind] = _faults.GetValueOrDefault(kind) + by;
        }
    }

    private int CountFired(NexudusSandbox sandbox, IEnumerable<ChaosFaults.Armed> armed) => CountFired(sandbox.Requests, armed);

    private int CountFired(SaltoKsSandbox sandbox, IEnumerable<ChaosFaults.Armed> armed) => CountFired(sandbox.Requests, armed);

    // At most one answering fault and one slow-reply fault are armed per service, so the logged kind names the fault.
    private int CountFired(SandboxRequestLog log, IEnumerable<ChaosFaults.Armed> armed)
    {
        var requests = log.GetRequests();
        var total = 0;
        foreach (var fault in armed)
        {
            var hits = requests.Count(r => r.Fault == fault.LoggedAs);
            Count(fault.Kind, hits);
            total += hits;
        }

        return total;
    }

    private async Task<string> RunInProcessAsync(ChaosSync sync)
    {
        string outcome;
        try
        {
            var report = await sync.RunAsync();
            outcome = report.Result.ToString();
        }
#pragma warning disable CA1031 // A sync that throws is an outcome the soak counts, not the end of the soak.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = "threw " + ex.GetType().Name;
        }

        _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
        return outcome;
    }

    private async Task<(string Outcome, bool Killed)> RunChildAsync(ChaosSyncConfig config, string work, int cycle)
    {
        var start = _options.ChildStart ?? throw new InvalidOperationException("Child runs need ChildStart.");
        var path = Path.Combine(work, $"child-{cycle}.json");
        config.Write(path);
        var info = start(path);
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The child sync did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Most children are killed at a random point (start-up, reading, creating users, writing); some finish.
        var kill = _random.NextDouble() < 0.75;
        var limit = kill ? TimeSpan.FromMilliseconds(_random.Next(150, 3000)) : TimeSpan.FromMinutes(3);
        using var timeout = new CancellationTokenSource(limit);
        var killed = false;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // SIGKILL: no finally block, no flush, no lease release runs.
            killed = true;
            await process.WaitForExitAsync();

            // A request the child had fully sent is still served: give the sandboxes a moment to finish it.
            await Task.Delay(300);
        }

        File.Delete(path);
        var outcome = killed ? "child killed" : $"child exit {process.ExitCode.ToString(CultureInfo.InvariantCulture)}";
        _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
        return (outcome, killed);
    }

    private static HashSet<(string Group, PlatformUserId User)> Memberships(SaltoKsSandbox salto, SandboxSpace space) =>
        [.. space.GroupIds.SelectMany(g => salto.GetAccessGroupMembers(space.SiteId, g).Select(u => (g, u)))];

    private void Judge(
        Cycle cycle,
        HashSet<(string Group, PlatformUserId User)> adds,
        HashSet<(string Group, PlatformUserId User)> removes,
        SaltoKsSandbox salto,
        SandboxSpace space,
        ChaosOracle oracle)
    {
        var (grants, revocations) = (_wrongfulGrants.Count, _wrongfulRevocations.Count);
        JudgeChanges(cycle, adds, removes, salto, space, oracle);
        foreach (var finding in _wrongfulGrants.Skip(grants).Concat(_wrongfulRevocations.Skip(revocations)))
        {
            Log("WRONGFUL " + finding);
        }
    }

    private void JudgeChanges(
        Cycle cycle,
        HashSet<(string Group, PlatformUserId User)> adds,
        HashSet<(string Group, PlatformUserId User)> removes,
        SaltoKsSandbox salto,
        SandboxSpace space,
        ChaosOracle oracle)
    {
        if (adds.Count == 0 && removes.Count == 0)
        {
            return;
        }

        var customers = ChaosOracle.CustomersByUser(salto.GetSiteUsers(space.SiteId), cycle.Truth.Customers);
        var atStart = oracle.Entitled(cycle.Truth, cycle.From);
        var atEnd = oracle.Entitled(cycle.Truth, cycle.To);
        foreach (var (group, user) in adds)
        {
            _grants++;
            _owned.Add((group, user));
            History((group, user), $"{cycle.Label}: granted ({cycle.Outcome}; {cycle.Faults})");
            long? customer = customers.TryGetValue(user, out var c) ? c : null;
            if (customer is null)
            {
                _wrongfulGrants.Add(new ChaosFinding(cycle.Label, "grant", group, user, null, "the user is no Nexudus customer", cycle.Faults, cycle.Outcome));
            }
            else if (!atStart.Contains((group, customer.Value)) && !atEnd.Contains((group, customer.Value)))
            {
                _wrongfulGrants.Add(new ChaosFinding(cycle.Label, "grant", group, user, customer, $"not entitled at {cycle.From:u} nor at {cycle.To:u}", cycle.Faults, cycle.Outcome));
            }
        }

        foreach (var (group, user) in removes)
        {
            _revocations++;
            long? customer = customers.TryGetValue(user, out var c) ? c : null;
            var owned = _owned.Remove((group, user));
            History((group, user), $"{cycle.Label}: revoked ({cycle.Outcome}; {cycle.Faults})");
            if (!owned)
            {
                var entitled = customer is { } who && (atStart.Contains((group, who)) || atEnd.Contains((group, who)));
                _wrongfulRevocations.Add(new ChaosFinding(
                    cycle.Label, "revocation", group, user, customer,
                    $"the SDK did not add this membership (added by hand or before the SDK; customer {(entitled ? "entitled" : "not entitled")}; history: {string.Join(", ", _history[(group, user)].TakeLast(16))})",
                    cycle.Faults, cycle.Outcome));
            }
            else if (customer is { } id && atStart.Contains((group, id)) && atEnd.Contains((group, id)))
            {
                _wrongfulRevocations.Add(new ChaosFinding(cycle.Label, "revocation", group, user, customer, $"still entitled at {cycle.From:u} and at {cycle.To:u}", cycle.Faults, cycle.Outcome));
            }
        }
    }

    private List<string> Mismatches(
        ChaosOracle.Truth truth, DateTimeOffset from, DateTimeOffset to, HashSet<(string Group, PlatformUserId User)> memberships, SaltoKsSandbox salto, SandboxSpace space, ChaosOracle oracle)
    {
        var customers = ChaosOracle.CustomersByUser(salto.GetSiteUsers(space.SiteId), truth.Customers);
        var atStart = oracle.Entitled(truth, from);
        var atEnd = oracle.Entitled(truth, to);
        var held = memberships.Where(m => customers.ContainsKey(m.User)).Select(m => (m.Group, customers[m.User])).ToHashSet();
        var result = new List<string>();
        foreach (var (group, customer) in atStart.Intersect(atEnd))
        {
            if (!held.Contains((group, customer)))
            {
                result.Add(string.Create(CultureInfo.InvariantCulture, $"customer {customer} is entitled to {group} but not a member"));
            }
        }

        foreach (var (group, user) in memberships.Where(_owned.Contains))
        {
            if (!customers.TryGetValue(user, out var customer) || (!atStart.Contains((group, customer)) && !atEnd.Contains((group, customer))))
            {
                result.Add($"user {user} is still in {group}, added by the SDK, without entitlement");
            }
        }

        return result;
    }
}
