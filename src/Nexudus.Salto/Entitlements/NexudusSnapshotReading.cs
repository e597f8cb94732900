using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Reads the <see cref="NexudusSnapshot"/> that <see cref="LinkMapBuilder.Build"/> and
/// <see cref="EntitlementResolver.Resolve"/> take, with the reader the sync engine uses.
/// </summary>
public static class NexudusSnapshotReading
{
    /// <summary>How far ahead bookings are read when the caller does not say: one day, as the sync engine reads them.</summary>
    private static readonly TimeSpan DefaultBookingLookAhead = TimeSpan.FromDays(1);

    /// <summary>
    /// Reads from Nexudus what decides who may open which door at <paramref name="locations"/>: at the least cost in
    /// calls, and never partially.
    /// </summary>
    /// <remarks>
    /// <para>
    /// It reads the locations' time zones; the eligible customers (active and not archived: nobody else gets
    /// anything); the pass definitions and the customers' passes that are unused or were used in the last two days;
    /// the active contracts, in full (for their desks) where their holder is eligible; the teams whose paying member
    /// holds an active contract, in full (for their members); the floor-plan desks and resources; and the bookings
    /// whose window, widened by the locations' longest <see cref="LocationLinks.BookingAccessBefore"/> and
    /// <see cref="LocationLinks.BookingAccessAfter"/>, can meet [<paramref name="now"/>, <paramref name="now"/> +
    /// <paramref name="bookingLookAhead"/>]. Up to six calls are in flight at once, their starts paced by the
    /// client's rate limiter. Every call reads in full; the sync engine alone keeps a previous read to read only
    /// changes.
    /// </para>
    /// <para>
    /// A snapshot with a part missing would take away the access that part grants, so when a part cannot be read the
    /// whole read fails: with that part's exception, or an <see cref="AggregateException"/> naming the parts when
    /// several failed.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// var snapshot = await nexudus.ReadSnapshotAsync(locations, now, cancellationToken: ct);
    /// var links = LinkMapBuilder.Build(locations, snapshot);
    /// var access = new EntitlementResolver().Resolve(snapshot, links, now);
    /// </code>
    /// </example>
    /// <param name="client">The Nexudus client to read with.</param>
    /// <param name="locations">The locations to read (their <see cref="LocationLinks.NexudusBusinessId"/> and booking buffers).</param>
    /// <param name="now">The instant the snapshot is for (the instant you then resolve).</param>
    /// <param name="bookingLookAhead">How far ahead of <paramref name="now"/> bookings are read; one day when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The snapshot, its lists in id order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/>, <paramref name="locations"/> or one of the locations is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bookingLookAhead"/> is negative.</exception>
    /// <exception cref="NexudusApiException">A part of the snapshot could not be read.</exception>
    /// <exception cref="AggregateException">Several parts could not be read; each of its inner exceptions is a <see cref="NexudusApiException"/>.</exception>
    public static async Task<NexudusSnapshot> ReadSnapshotAsync(
        this INexudusClient client,
        IEnumerable<LocationLinks> locations,
        DateTimeOffset now,
        TimeSpan? bookingLookAhead = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(locations);
        var links = locations.ToList();
        if (links.Any(l => l is null))
        {
            throw new ArgumentNullException(nameof(locations), "One of the locations is null.");
        }

        var lookAhead = bookingLookAhead ?? DefaultBookingLookAhead;
        ArgumentOutOfRangeException.ThrowIfLessThan(lookAhead, TimeSpan.Zero, nameof(bookingLookAhead));

        var request = new SnapshotReadRequest(
            [.. links.Select(l => l.NexudusBusinessId).Distinct()],
            now,
            links.Count == 0 ? TimeSpan.Zero : links.Max(l => l.BookingAccessBefore),
            links.Count == 0 ? TimeSpan.Zero : links.Max(l => l.BookingAccessAfter),
            lookAhead,
            ReadTimeSlots: false,
            FullReadInterval: TimeSpan.Zero);
        var read = await new NexudusSnapshotReader(client, NullLogger.Instance).ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (read.Failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(read.Failures[0].Error);
        }

        if (read.Failures.Count > 1)
        {
            var parts = string.Join(", ", read.Failures.Select(f => f.Part).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            throw new AggregateException($"Reading {parts} from Nexudus failed; no snapshot was made.", read.Failures.Select(f => f.Error));
        }

        return read.Snapshot;
    }
}
