namespace Nexudus.Salto.CheckIns;

/// <summary>The result of one run of the check-in bridge over every configured site.</summary>
/// <remarks>
/// Refused entries, unknown users and rejected entries are counted here, never thrown: one bad
/// entry does not stop a run. A site whose run stopped early (see <see cref="CheckInSiteReport.Error"/>)
/// picks up where it stopped on the next run.
/// </remarks>
public sealed record CheckInReport
{
    /// <summary>Gets when the run started.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets when the run ended.</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset CompletedAt { get; init; }

    /// <summary>Gets each site's part of the run, in configuration order.</summary>
    /// <value>One report per SALTO site.</value>
    public IReadOnlyList<CheckInSiteReport> Sites { get; init; } = [];

    /// <summary>Gets whether every site handled every entry it read.</summary>
    /// <value><see langword="false"/> when any site stopped early.</value>
    public bool Completed => Sites.All(s => s.Completed);

    /// <summary>Counts the entries of every site with an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>How many entries of this run had it.</returns>
    public int Count(CheckInOutcome outcome) => Sites.Sum(s => s.Count(outcome));

    /// <summary>Gets the number of entries per outcome, over every site.</summary>
    /// <returns>Every outcome that occurred, with its count.</returns>
    public IReadOnlyDictionary<CheckInOutcome, int> CountByOutcome() =>
        Sites.SelectMany(s => s.Entries).GroupBy(e => e.Outcome).ToDictionary(g => g.Key, g => g.Count());
}
