using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.Sample.Settings;

/// <summary>One entry of <c>SaltoIntegration:Locations</c>: its links and its door readers.</summary>
internal sealed record LocationSettings
{
    /// <summary>Gets the configuration path of the entry, e.g. <c>SaltoIntegration:Locations:0</c>.</summary>
    /// <value>The path, for messages.</value>
    public required string Path { get; init; }

    /// <summary>Gets the links, as the resolver takes them.</summary>
    /// <value>The location's links and policy.</value>
    public required LocationLinks Links { get; init; }

    /// <summary>Gets the door readers: lock id to its role.</summary>
    /// <value>Empty when the location bridges no check-ins.</value>
    public required IReadOnlyDictionary<string, ReaderRole> Readers { get; init; }

    /// <summary>Gets whether the sync writes linked passes' time slots as the groups' SALTO time schedules (opt-in).</summary>
    /// <value><see langword="false"/> by default.</value>
    public bool WritePassSchedules { get; init; }

    /// <summary>Gets whether sync gives a linked group without a time schedule the always-open one.</summary>
    public bool CreateMissingGroupSchedules { get; init; }

    /// <summary>Gets after how many days an overdue invoice suspends access at the location; <see langword="null"/> when off.</summary>
    public int? SuspendAfterOverdueDays { get; init; }

    /// <summary>Gets the Nexudus business id.</summary>
    /// <value>0 when it was missing.</value>
    public long NexudusBusinessId => Links.NexudusBusinessId;

    /// <summary>Gets the SALTO site id.</summary>
    /// <value>Empty when it was missing.</value>
    public string SaltoSiteId => Links.SaltoSiteId;
}
