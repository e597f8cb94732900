namespace Nexudus.Salto.State;

/// <summary>An exclusive lease on a sync state, held by one run until disposed.</summary>
public interface ISyncStateLease : IAsyncDisposable
{
    /// <summary>Gets who holds the lease.</summary>
    /// <value>The holder name given to <see cref="ISyncStateStore.AcquireLeaseAsync"/>.</value>
    string Holder { get; }
}
