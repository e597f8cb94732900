namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// Bounds how many integrations of one host run a job at the same time (<see cref="SaltoWorkerOptions.MaxConcurrentIntegrations"/>):
/// each integration has its own worker loop and waits only for a free slot, never for another integration's run.
/// </summary>
internal sealed class IntegrationRunGate : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public IntegrationRunGate(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
        _slots = new SemaphoreSlim(slots, slots);
    }

    /// <summary>Gets how many runs may go on at once.</summary>
    public int Slots { get; }

    /// <summary>Runs <paramref name="run"/> once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> run, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await run().ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}

/// <summary>One integration's jobs, each run within a slot of the host's <see cref="IntegrationRunGate"/>.</summary>
internal sealed class GatedIntegrationRuns(IIntegrationRuns inner, IntegrationRunGate gate) : IIntegrationRuns
{
    public bool HasCheckIns => inner.HasCheckIns;

    public Task<SyncRunOutcome> SyncAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(() => inner.SyncAsync(cancellationToken), cancellationToken);

    public Task<SyncRunOutcome> SyncCustomersAsync(IReadOnlyCollection<long> customers, IReadOnlyCollection<long> teamPayers, CancellationToken cancellationToken) =>
        gate.RunAsync(() => inner.SyncCustomersAsync(customers, teamPayers, cancellationToken), cancellationToken);

    public Task<SyncRunOutcome> SyncCustomersAsync(
        IReadOnlyCollection<long> customers, IReadOnlyCollection<long> teamPayers, bool bookingsOnly, CancellationToken cancellationToken) =>
        gate.RunAsync(() => inner.SyncCustomersAsync(customers, teamPayers, bookingsOnly, cancellationToken), cancellationToken);

    public Task<JobRunOutcome> CheckInsAsync(CancellationToken cancellationToken) =>
        gate.RunAsync(() => inner.CheckInsAsync(cancellationToken), cancellationToken);
}
