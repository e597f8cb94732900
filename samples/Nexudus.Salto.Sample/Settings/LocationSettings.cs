namespace Nexudus.Salto.Sample.Settings;

/// <summary>
/// One entry of <c>SaltoIntegration:Locations</c> as the doctor names it: the library's own location model
/// (<see cref="IntegrationLocation"/>, made by <c>SaltoLocationOptions.ToLocation</c>) and where it sits in the
/// configuration.
/// </summary>
/// <param name="Path">The configuration path of the entry, e.g. <c>SaltoIntegration:Locations:0</c>, for messages.</param>
/// <param name="Location">The location, exactly as the sync engine and the check-in bridge take it.</param>
internal sealed record LocationSettings(string Path, IntegrationLocation Location)
{
    /// <summary>Gets the location's links and policy, as the resolver takes them.</summary>
    public Entitlements.LocationLinks Links => Location.Links;

    /// <summary>Gets the door readers: lock id to its role.</summary>
    public IReadOnlyDictionary<string, CheckIns.ReaderRole> Readers => Location.Readers;

    /// <summary>Gets whether the sync writes linked passes' time slots as the groups' SALTO time schedules (opt-in).</summary>
    public bool WritePassSchedules => Location.WritePassSchedules;

    /// <summary>Gets whether sync gives a linked group without a time schedule the always-open one.</summary>
    public bool CreateMissingGroupSchedules => Location.CreateMissingGroupSchedules;

    /// <summary>Gets after how many days an overdue invoice suspends access at the location; <see langword="null"/> when off.</summary>
    public int? SuspendAfterOverdueDays => Location.SuspendAfterOverdueDays;

    /// <summary>Gets the Nexudus business id (0 when it was missing).</summary>
    public long NexudusBusinessId => Location.NexudusBusinessId;

    /// <summary>Gets the SALTO site id (empty when it was missing).</summary>
    public string SaltoSiteId => Location.SaltoSiteId;
}
