namespace Nexudus.Salto.CheckIns;

/// <summary>One SALTO site's part of a check-in bridge run.</summary>
public sealed record CheckInSiteReport
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the instant the run started reading entries from (the watermark less the late-entry window).</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset ReadFrom { get; init; }

    /// <summary>Gets the instant the run read entries up to (exclusive).</summary>
    /// <value>A UTC instant.</value>
    public DateTimeOffset ReadTo { get; init; }

    /// <summary>Gets the watermark before the run.</summary>
    /// <value>A UTC instant, or <see langword="null"/> on the first run.</value>
    public DateTimeOffset? WatermarkBefore { get; init; }

    /// <summary>Gets the watermark the run stored.</summary>
    /// <value>A UTC instant; it never moves backwards.</value>
    public DateTimeOffset? WatermarkAfter { get; init; }

    /// <summary>Gets how many entries the run read from SALTO, on every lock of the site.</summary>
    /// <value>A count.</value>
    public int EntriesRead { get; init; }

    /// <summary>Gets how many of them were already handled by an earlier run and were skipped.</summary>
    /// <value>A count.</value>
    public int AlreadyProcessed { get; init; }

    /// <summary>Gets the entries handled in this run, in the order they were handled.</summary>
    /// <value>One result per entry on a configured reader, deferred ones included.</value>
    public IReadOnlyList<CheckInEntryResult> Entries { get; init; } = [];

    /// <summary>Gets why the site's run stopped early.</summary>
    /// <value>A short, redacted reason; <see langword="null"/> when every entry read was handled.</value>
    public string? Error { get; init; }

    /// <summary>Gets whether every entry read was handled (none deferred).</summary>
    /// <value><see langword="true"/> when <see cref="Error"/> is <see langword="null"/>.</value>
    public bool Completed => Error is null;

    /// <summary>Counts the entries of this site with an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>How many entries of this run had it.</returns>
    public int Count(CheckInOutcome outcome) => Entries.Count(e => e.Outcome == outcome);
}
