using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// The sandbox's in-memory records, one table per entity kind, behind one lock. Records are
/// immutable, so a record read under the lock can be serialised after it.
/// </summary>
internal sealed class NexudusStore
{
    private readonly object _gate = new();
    private readonly Dictionary<Type, SortedDictionary<long, NexudusEntity>> _tables = [];
    private readonly TimeProvider _time;
    private readonly string _updatedBy;
    private long _lastId;
    private long _version;

    public NexudusStore(TimeProvider time, string updatedBy, long firstId)
    {
        _time = time;
        _updatedBy = updatedBy;
        _lastId = firstId - 1;
        foreach (var kind in NexudusEntityKind.All)
        {
            _tables[kind.ClrType] = [];
        }
    }

    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary>Runs <paramref name="action"/> under the store's lock, for reads and writes that must see one state.</summary>
    public T Locked<T>(Func<NexudusStore, T> action)
    {
        lock (_gate)
        {
            return action(this);
        }
    }

    public T? Get<T>(long id)
        where T : NexudusEntity => (T?)Get(typeof(T), id);

    public NexudusEntity? Get(Type type, long id)
    {
        lock (_gate)
        {
            return Table(type).GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<NexudusEntity> All(Type type)
    {
        lock (_gate)
        {
            return [.. Table(type).Values];
        }
    }

    /// <summary>Every record of a kind, with the store's version at that moment (it changes with every write).</summary>
    public (IReadOnlyList<NexudusEntity> Records, long Version) AllWithVersion(Type type)
    {
        lock (_gate)
        {
            return ([.. Table(type).Values], _version);
        }
    }

    public IReadOnlyList<T> All<T>()
        where T : NexudusEntity => [.. All(typeof(T)).Cast<T>()];

    /// <summary>
    /// Adds or replaces a record: a zero id gets the next id, and the record is stamped with a
    /// <c>UniqueId</c>, <c>CreatedOn</c> (when missing), <c>UpdatedOn</c> (now) and <c>UpdatedBy</c>.
    /// </summary>
    public T Put<T>(T record)
        where T : NexudusEntity
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var table = Table(record.GetType());
            var id = record.Id == 0 ? NextId() : record.Id;
            var existing = table.GetValueOrDefault(id);
            var stamped = record with
            {
                Id = id,
                UniqueId = record.UniqueId ?? existing?.UniqueId ?? Guid.NewGuid(),
                CreatedOn = record.CreatedOn ?? existing?.CreatedOn ?? now,
                UpdatedOn = now,
                UpdatedBy = _updatedBy,
            };
            table[id] = stamped;
            _version++;
            return (T)stamped;
        }
    }

    /// <summary>Adds or replaces records as they are, without stamping (the seed builder stamps them itself).</summary>
    public void PutAsIs(IEnumerable<NexudusEntity> records)
    {
        lock (_gate)
        {
            foreach (var record in records)
            {
                Table(record.GetType())[record.Id] = record;
            }

            _version++;
        }
    }

    public bool Remove(Type type, long id)
    {
        lock (_gate)
        {
            _version++;
            return Table(type).Remove(id);
        }
    }

    private SortedDictionary<long, NexudusEntity> Table(Type type) =>
        _tables.TryGetValue(type, out var table)
            ? table
            : throw new ArgumentException($"{type.Name} is not an entity the Nexudus sandbox serves.", nameof(type));
}
