namespace Nexudus.Salto.Testing;

/// <summary>
/// How a <see cref="NexudusSandbox"/> treats the plain date fields that have a <c>*Local</c> twin
/// (<c>FromTime</c>/<c>FromTimeLocal</c>, <c>StartDate</c>/<c>StartDateLocal</c>, …); the API notes
/// call the most likely reading UTC, but it is unconfirmed.
/// </summary>
/// <remarks>
/// The sandbox stores true instants either way; the reading decides what goes on the wire, how
/// written values are understood, and so which clock the <c>from_</c>/<c>to_</c> filters compare
/// against (the values as served). <c>*Local</c> fields are always the location's wall clock.
/// </remarks>
public enum NexudusPlainDateReading
{
    /// <summary>Plain fields are UTC instants ending in <c>Z</c> (the likely reading).</summary>
    Utc = 0,

    /// <summary>
    /// Plain fields carry the location's wall clock with a misleading <c>Z</c>, as the portal API
    /// does; written plain values are read as the location's wall clock.
    /// </summary>
    Local = 1,
}
