namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The most ids a membership <c>PATCH</c> starts with: the configured <see cref="SaltoKsClientOptions.MembershipChunkSize"/>
/// until SALTO KS shows, by accepting both halves of a call it rejected whole, that its limit is lower.
/// </summary>
/// <remarks>
/// SALTO KS publishes no maximum, so the limit is learned rather than guessed. The learned size only ever goes
/// down (a raise would be a guess again) and never below 1. <c>AddSaltoKsClient</c> registers one instance per
/// service provider, so the transient typed clients share what any of them learned; a client built with its
/// public constructor has its own.
/// </remarks>
internal sealed class SaltoKsMembershipChunkSize
{
    private int _learned = int.MaxValue;

    /// <summary>Gets the learned size, or <see langword="null"/> while nothing has been learned.</summary>
    public int? Learned => Volatile.Read(ref _learned) is var size && size == int.MaxValue ? null : size;

    /// <summary>The size to send with now: the configured one, or the learned one when that is smaller.</summary>
    public int Current(int configured) => Math.Max(1, Math.Min(configured, Volatile.Read(ref _learned)));

    /// <summary>Lowers the learned size to <paramref name="size"/> (at least 1).</summary>
    /// <returns><see langword="true"/> when this call lowered it; <see langword="false"/> when it was already that small.</returns>
    public bool TryLower(int size)
    {
        size = Math.Max(1, size);
        while (true)
        {
            int current = Volatile.Read(ref _learned);
            if (size >= current)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _learned, size, current) == current)
            {
                return true;
            }
        }
    }
}
