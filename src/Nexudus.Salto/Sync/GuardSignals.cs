namespace Nexudus.Salto.Sync;

/// <summary>What the reads of a run tell the revocation guard.</summary>
/// <param name="NexudusReadFailed">Whether any Nexudus read failed (the entitlements may be incomplete).</param>
/// <param name="SaltoReadFailed">Whether any SALTO read (site users, group members) failed.</param>
/// <param name="SuspiciousReads">Reads that came back suspiciously empty, described for operators.</param>
internal sealed record GuardSignals(bool NexudusReadFailed, bool SaltoReadFailed, IReadOnlyList<string> SuspiciousReads)
{
    /// <summary>Gets signals of a run whose reads all went well.</summary>
    public static GuardSignals Healthy { get; } = new(false, false, []);
}
