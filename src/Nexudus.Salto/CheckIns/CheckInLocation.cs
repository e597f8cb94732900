using System.Collections.ObjectModel;

namespace Nexudus.Salto.CheckIns;

/// <summary>
/// The check-in part of one configured location (an entry of <c>SaltoIntegration:Locations</c>):
/// which Nexudus location a SALTO site belongs to, and which of its locks are check-in or
/// check-out readers.
/// </summary>
public sealed record CheckInLocation
{
    /// <summary>Gets the Nexudus business (location) id.</summary>
    /// <value>A positive id; required.</value>
    public long NexudusBusinessId { get; init; }

    /// <summary>Gets the SALTO KS site whose doors belong to the location.</summary>
    /// <value>The site's UUID; required.</value>
    public string SaltoSiteId { get; init; } = string.Empty;

    /// <summary>Gets the role of each reader: SALTO lock id → <see cref="ReaderRole.CheckIn"/> or <see cref="ReaderRole.CheckOut"/>.</summary>
    /// <value>Empty by default: no lock makes check-ins. Lock ids compare without regard to case.</value>
    public IReadOnlyDictionary<string, ReaderRole> Readers { get; init; } = ReadOnlyDictionary<string, ReaderRole>.Empty;
}
