using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

// ----- Reads -----
internal sealed partial class NexudusRequestHandler
{
    private async Task<NexudusResponse> ListAsync(NexudusEntityKind kind, IQueryCollection query)
    {
        if (NexudusListQuery.Parse(kind, query, _options, out var error) is not { } listQuery)
        {
            return NexudusResponse.Message(400, error!);
        }

        var envelope = listQuery.ToEnvelope(await WireRecordsAsync(kind).ConfigureAwait(false));
        foreach (var record in envelope["Records"]!.AsArray())
        {
            StripCollections(record!.AsObject());
        }

        return NexudusResponse.FromJson(200, envelope);
    }

    /// <summary>
    /// Every record of a kind in its wire form, kept until the store changes: a paged read of a large list would
    /// otherwise convert every record again for each page. The forms are fully built before they are shared, so
    /// concurrent requests only read them.
    /// </summary>
    private Task<List<JsonObject>> WireRecordsAsync(NexudusEntityKind kind)
    {
        var (records, version) = _store.AllWithVersion(kind.ClrType);
        lock (_wireCacheGate)
        {
            // A build of this version (or a later one) already started is shared, and awaited without blocking a thread.
            if (_wireCache.TryGetValue(kind.ClrType, out var cached) && cached.Version >= version && !cached.Build.IsFaulted)
            {
                return cached.Build;
            }

            var build = Task.Run(() =>
            {
                var wires = new List<JsonObject>(records.Count);
                foreach (var record in records)
                {
                    var wire = _wire.ToWire(kind, record);
                    Materialize(wire);
                    wires.Add(wire);
                }

                return wires;
            });
            _wireCache[kind.ClrType] = (version, build);
            return build;
        }
    }

    /// <summary>Builds a node's whole tree now (nodes read from JSON build their children lazily, which is not thread-safe).</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    Materialize(property.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }

    /// <summary>List records are partial: collection properties (<c>Teams</c>, <c>Desks</c>, …) are left out.</summary>
    private static void StripCollections(JsonObject record)
    {
        foreach (var name in record.Where(p => p.Value is JsonArray).Select(p => p.Key).ToList())
        {
            record.Remove(name);
        }
    }

    private NexudusResponse Batch(NexudusEntityKind kind, IReadOnlyList<long> ids)
    {
        var array = new JsonArray();
        foreach (var id in ids.Distinct())
        {
            if (_store.Get(kind.ClrType, id) is { } record)
            {
                array.Add(_wire.ToWire(kind, record));
            }
        }

        return NexudusResponse.FromJson(200, array);
    }

    private NexudusResponse GetOne(NexudusEntityKind kind, long id) =>
        _store.Get(kind.ClrType, id) is { } record
            ? NexudusResponse.FromJson(200, _wire.ToWire(kind, record))
            : NotFound(kind, id);

    private static NexudusResponse NotFound(NexudusEntityKind kind, long id) =>
        NexudusResponse.Message(404, $"{kind.Name} {id.ToString(CultureInfo.InvariantCulture)} was not found.");
}
