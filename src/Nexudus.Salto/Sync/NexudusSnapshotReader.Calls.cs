using System.Globalization;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Sync;

// NexudusSnapshotReader, the calls: parts that fail alone, lists read page by page at once, batch gets in chunks, all through the read gate.
internal sealed partial class NexudusSnapshotReader
{
    private static BookingQuery BookingWindow(SnapshotReadRequest request) => new()
    {
        // A booking matters when its widened window [From − before, To + after) meets [now, now + look-ahead];
        // a day's margin each way, since which clock the booking filters use is unconfirmed.
        FromTime = NexudusDateRange.Until(request.Now + request.BookingLookAhead + request.BookingAccessBefore + BookingFilterMargin),
        ToTime = NexudusDateRange.Since(request.Now - request.BookingAccessAfter - BookingFilterMargin),
    };

    /// <summary>Runs one part; a failure is recorded and gives <see langword="null"/> (nothing is merged for it).</summary>
    private async Task<T?> PartAsync<T>(string part, List<(string, Exception)> failures, Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (NexudusApiException ex)
        {
            SyncLog.NexudusReadFailed(logger, part, ex);
            lock (failures)
            {
                failures.Add((part, ex));
            }

            return null;
        }
    }

    private async Task<Dictionary<long, TimeZoneInfo>> ReadZonesAsync(ReadGate gate, IReadOnlyCollection<long> businessIds, CancellationToken cancellationToken)
    {
        var zones = new Dictionary<long, TimeZoneInfo>();
        if (businessIds.Count == 0)
        {
            return zones;
        }

        var businesses = await GatedAsync(gate, listPage: true, () => client.GetBusinessesAsync(businessIds, cancellationToken)).ConfigureAwait(false);
        var zoneIds = businesses.Where(b => b.SimpleTimeZoneId is not null).Select(b => b.SimpleTimeZoneId!.Value).Distinct().ToList();
        var known = zoneIds.Count == 0 ? [] : await GatedAsync(gate, listPage: true, () => client.GetSimpleTimeZonesAsync(zoneIds, cancellationToken)).ConfigureAwait(false);
        var byId = new Dictionary<long, SimpleTimeZone>();
        foreach (var zone in known)
        {
            byId[zone.Id] = zone;
        }

        foreach (var business in businesses)
        {
            // A location whose zone cannot be read is not resolved at all (the resolver reports it).
            if (business.SimpleTimeZoneId is { } zoneId && byId.TryGetValue(zoneId, out var zone) && NexudusTimeZones.TryResolve(zone, out var info))
            {
                zones[business.Id] = info;
            }
        }

        return zones;
    }

    /// <summary>
    /// Reads every page of a list: the first, then (knowing the total) all the others at once, then on from the
    /// last page should the list have grown meanwhile. Paging still trusts only the service's "next page".
    /// </summary>
    private static async Task<List<T>> ListAsync<T>(ReadGate gate, Func<NexudusPageCursor?, CancellationToken, Task<NexudusPage<T>>> getPage, CancellationToken cancellationToken)
        where T : NexudusEntity
    {
        var first = await GatedAsync(gate, listPage: true, () => getPage(null, cancellationToken)).ConfigureAwait(false);
        var records = new List<T>(first.Records);
        var next = first.NextCursor;
        if (next is not null && first.TotalItems is { } total && first.Records.Count > 0)
        {
            // The service may serve fewer records than asked for: count pages by what it served.
            var pages = (int)Math.Ceiling(total / (double)first.Records.Count);
            var rest = Enumerable.Range(next.Page, Math.Max(0, pages - next.Page + 1))
                .Select(page => GatedAsync(gate, listPage: true, () => getPage(new NexudusPageCursor(page, next.PageSize), cancellationToken)))
                .ToList();
            foreach (var page in await Task.WhenAll(rest).ConfigureAwait(false))
            {
                records.AddRange(page.Records);
                next = page.NextCursor;
            }
        }

        while (next is not null)
        {
            var page = await GatedAsync(gate, listPage: true, () => getPage(next, cancellationToken)).ConfigureAwait(false);
            records.AddRange(page.Records);
            next = page.NextCursor;
        }

        return records;
    }

    /// <summary>
    /// Checks that a batch read returned every record asked for. A short answer (an empty <c>[]</c> from a proxy, a
    /// glitch) would leave listed contracts or teams without their desks or members, and so revoke the access they
    /// give: it is a failed read of that part, never fewer records.
    /// </summary>
    private static List<T> AllOf<T>(List<T> records, List<long> asked, string part)
        where T : NexudusEntity
    {
        var returned = records.Select(r => r.Id).ToHashSet();
        var missing = asked.Count(id => !returned.Contains(id));
        if (missing > 0)
        {
            throw new NexudusApiException(string.Create(
                CultureInfo.InvariantCulture,
                $"Nexudus returned {asked.Count - missing} of the {asked.Count} {part} asked for by id; a short batch read is a failed read, not fewer {part}."));
        }

        return records;
    }

    private static async Task<List<T>> BatchAsync<T>(ReadGate gate, List<long> ids, Func<IEnumerable<long>, CancellationToken, Task<IReadOnlyList<T>>> get, CancellationToken cancellationToken)
    {
        var chunks = await Task.WhenAll(ids.Chunk(BatchChunk).Select(chunk => GatedAsync(gate, listPage: false, () => get(chunk, cancellationToken)))).ConfigureAwait(false);
        return [.. chunks.SelectMany(c => c)];
    }

    private static async Task<TResult> GatedAsync<TResult>(ReadGate gate, bool listPage, Func<Task<TResult>> call)
    {
        await gate.WaitAsync(listPage).ConfigureAwait(false);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
