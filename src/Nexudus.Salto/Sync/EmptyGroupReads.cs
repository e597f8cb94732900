using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Decides whether an access group that SALTO KS answered with no members is believed, and remembers, per site, which
/// how many empty answers in a row a doubted group has given.
/// </summary>
/// <remarks>
/// <para>
/// An empty member list is what a glitch looks like (a proxy, a truncated page, a service having a bad minute). Planned
/// from, it does harm both ways: the SDK would add every entitled customer again and claim as its own the members
/// someone added by hand (whom it would later remove), and it would settle changes of unknown outcome as not made. So
/// an empty answer is <em>doubted</em> when it contradicts what the SDK knows: its ledger holds members of the group, or
/// its journal holds a removal of unknown outcome there. A doubted group is
/// a failed read of that group for the run: it is left out of the plan and the journal's settlement, and reported.
/// </para>
/// <para>
/// An empty answer where the SDK knows only of additions of unknown outcome (an interrupted first write) is consistent
/// with them not having landed: the group is planned, so its entitled customers are added at once, but those journal
/// entries are not settled by it (<see cref="Judgement.Unsettled"/>).
/// </para>
/// <para>
/// A group really emptied (by hand in SALTO) must not be doubted forever, or its entitled customers would never get
/// their access back: the <see cref="BelievedAfter"/>-th empty answer in a row is believed, and so is one the operator
/// confirms with <see cref="SyncRunOptions.AllowMassRevocation"/>. A believed empty group is planned like any other:
/// the ledger forgets what it no longer shows, journal entries settle as not made, entitled customers are added.
/// </para>
/// </remarks>
internal sealed class EmptyGroupReads
{
    /// <summary>How many empty answers in a row make a doubted group believed.</summary>
    public const int BelievedAfter = 3;

    private readonly string _siteId;
    private readonly Memory _memory;

    private EmptyGroupReads(string siteId, Memory memory)
    {
        _siteId = siteId;
        _memory = memory;
    }

    public static string KeyOf(string siteId) => $"nexudus-salto:sync:empty-group-reads:{siteId}";

    public static async Task<EmptyGroupReads> LoadAsync(ISyncStateStore store, string siteId, CancellationToken cancellationToken)
    {
        var json = await store.GetValueAsync(KeyOf(siteId), cancellationToken).ConfigureAwait(false);
        Memory? memory = null;
        if (!string.IsNullOrEmpty(json))
        {
            try
            {
                memory = JsonSerializer.Deserialize(json, EmptyGroupReadsJsonContext.Default.Memory);
            }
            catch (JsonException)
            {
                // Unreadable memory only restarts the counts of empty answers: a group is doubted a little longer.
                memory = null;
            }
        }

        return new EmptyGroupReads(siteId, memory ?? new Memory());
    }

    /// <summary>
    /// Judges this run's member reads: returns the groups whose empty answer is doubted (each with the reason, for the
    /// report), and the value to store once the run records its bookkeeping (<see langword="null"/> key value when
    /// nothing changed).
    /// </summary>
    /// <param name="members">The member lists read this run, by group; groups not read are absent.</param>
    /// <param name="ledger">The ledger of the site.</param>
    /// <param name="journal">The journal's entries of the site.</param>
    /// <param name="believeEmpty">The operator confirmed empty groups are real.</param>
    public Judgement Judge(
        IReadOnlyDictionary<string, IReadOnlyList<PlatformUserId>> members,
        IReadOnlyCollection<OwnedMembership> ledger,
        IReadOnlyCollection<PendingMembershipChange> journal,
        bool believeEmpty)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(journal);
        var streaks = new Dictionary<string, int>(_memory.EmptyStreaks, StringComparer.OrdinalIgnoreCase);
        var doubted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var unsettled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, read) in members)
        {
            if (read.Count > 0)
            {
                streaks.Remove(group);
                continue;
            }

            var owned = ledger.Count(o => string.Equals(o.SiteId, _siteId, StringComparison.OrdinalIgnoreCase) &&
                                          string.Equals(o.GroupId, group, StringComparison.OrdinalIgnoreCase));
            var additions = journal.Count(e => e.IsAddition && string.Equals(e.GroupId, group, StringComparison.OrdinalIgnoreCase));
            var removals = journal.Count(e => !e.IsAddition && string.Equals(e.GroupId, group, StringComparison.OrdinalIgnoreCase));
            if (owned == 0 && additions == 0 && removals == 0)
            {
                streaks.Remove(group);
                continue;
            }

            var streak = streaks.GetValueOrDefault(group) + 1;
            if (believeEmpty || streak >= BelievedAfter)
            {
                streaks.Remove(group);
                continue;
            }

            streaks[group] = streak;
            if (owned == 0 && removals == 0)
            {
                // Only additions of unknown outcome: the answer is consistent with them not having landed, so the group
                // is planned (its entitled customers are added, and what SALTO accepts is claimed), but a glitch would
                // drop the claim on a member SALTO does have, so the additions wait for an answer with members.
                unsettled.Add(group);
                continue;
            }

            doubted[group] = Describe(group, owned, additions + removals, streak);
        }

        var next = new Memory
        {
            EmptyStreaks = streaks.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase),
        };
        var changed = next.EmptyStreaks.Count != _memory.EmptyStreaks.Count ||
                      next.EmptyStreaks.Any(s => _memory.EmptyStreaks.GetValueOrDefault(s.Key) != s.Value);
        KeyValuePair<string, string?>? value = changed
            ? new(KeyOf(_siteId), next.EmptyStreaks.Count == 0 ? null : JsonSerializer.Serialize(next, EmptyGroupReadsJsonContext.Default.Memory))
            : null;
        return new Judgement(doubted, unsettled, value);
    }

    private string Describe(string group, int owned, int pending, int streak)
    {
        var why = new List<string>();
        if (owned > 0)
        {
            why.Add(string.Create(CultureInfo.InvariantCulture, $"the SDK added {owned} of its members"));
        }

        if (pending > 0)
        {
            why.Add(string.Create(CultureInfo.InvariantCulture, $"{pending} change(s) the SDK sent there have no known outcome"));
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"SALTO KS listed no members in group {group} on site {_siteId}, although {string.Join(" and ", why)}; an answer like that is treated as a failed read of the group, so nothing is added to it, removed from it or settled there this run (empty answer {streak} in a row; the {BelievedAfter}rd in a row is believed).");
    }

    /// <summary>The result of <see cref="Judge"/>.</summary>
    /// <param name="Doubted">The groups whose empty answer is not believed this run, with the reason.</param>
    /// <param name="Unsettled">
    /// The groups planned from their empty answer whose journal additions must not be settled by it (the SDK knows of
    /// nothing else there).
    /// </param>
    /// <param name="Value">The named value to store with the run's bookkeeping, or <see langword="null"/> when unchanged.</param>
    public sealed record Judgement(IReadOnlyDictionary<string, string> Doubted, IReadOnlySet<string> Unsettled, KeyValuePair<string, string?>? Value);

    /// <summary>What is remembered of a site's groups between runs.</summary>
    internal sealed class Memory
    {
        /// <summary>Gets, per doubted group, how many empty answers in a row it has given.</summary>
        public Dictionary<string, int> EmptyStreaks { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>The JSON of <see cref="EmptyGroupReads.Memory"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EmptyGroupReads.Memory))]
internal sealed partial class EmptyGroupReadsJsonContext : JsonSerializerContext;
