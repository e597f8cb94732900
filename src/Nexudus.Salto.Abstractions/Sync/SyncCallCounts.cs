namespace Nexudus.Salto.Sync;

/// <summary>The HTTP calls a sync run made, per service.</summary>
/// <remarks>
/// Counted by the clients registered with <c>AddNexudusClient</c> and <c>AddSaltoKsClient</c>, attempt by
/// attempt; clients built another way are not counted.
/// </remarks>
public sealed record SyncCallCounts
{
    /// <summary>Gets the calls to Nexudus Spaces.</summary>
    /// <value>Reads and writes.</value>
    public ServiceCallCount Nexudus { get; init; } = new();

    /// <summary>Gets the calls to SALTO KS (API and identity server).</summary>
    /// <value>Reads and writes.</value>
    public ServiceCallCount SaltoKs { get; init; } = new();
}
