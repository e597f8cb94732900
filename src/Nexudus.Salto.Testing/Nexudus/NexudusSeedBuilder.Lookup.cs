using System.Globalization;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

// Lookups of the records this seed refers to by name, and adding or replacing them.
public sealed partial class NexudusSeedBuilder
{
    private SimpleTimeZone ZoneRecord(TimeZoneInfo zone, Func<SimpleTimeZone, SimpleTimeZone>? customize)
    {
        if (Records<SimpleTimeZone>().FirstOrDefault(z => Same(z.Name, zone.Id)) is { } existing)
        {
            return existing;
        }

        var offset = zone.BaseUtcOffset;
        return Add(new SimpleTimeZone
        {
            Name = zone.Id,
            Description = zone.DisplayName,
            TimeOffset = (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            UsesSummerTime = zone.SupportsDaylightSavingTime,
        }, customize);
    }

    private Business CurrentLocation() =>
        _location is { } id ? Get<Business>(id) : throw new InvalidOperationException("Add a Location (or choose one with AtLocation) first.");

    private Coworker FindCustomer(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return TryFindCustomer(email)
            ?? throw new ArgumentException($"No customer has the e-mail '{email}'; add it with Customer first.", nameof(email));
    }

    private Coworker? TryFindCustomer(string email)
    {
        // An index, because generated customers run into the thousands.
        _customerByEmail ??= _store.All<Coworker>()
            .Where(c => c.Email is not null)
            .GroupBy(c => c.Email!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        return _customerByEmail.TryGetValue(email.Trim(), out var id) ? Get<Coworker>(id) : null;
    }

    private T Find<T>(string name, Func<T, string?> nameOf)
        where T : NexudusEntity => Find(name, nameOf, _location);

    private T Find<T>(string name, Func<T, string?> nameOf, long? atLocation)
        where T : NexudusEntity
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var matches = Records<T>().Where(r => Same(nameOf(r), name)).ToList();
        if (matches.Count > 1 && atLocation is { } location)
        {
            var here = matches.Where(r => LocationOf(r) == location).ToList();
            if (here.Count > 0)
            {
                matches = here;
            }
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"No {typeof(T).Name} is named '{name}'; add it first.", nameof(name)),
            _ => throw new ArgumentException($"Several {typeof(T).Name} records are named '{name}'; choose the location with AtLocation.", nameof(name)),
        };
    }

    private static long? LocationOf(NexudusEntity record) => record switch
    {
        TimePass p => p.BusinessId,
        Tariff t => t.BusinessId,
        FloorPlanDesk d => d.FloorPlanBusinessId,
        Resource r => r.BusinessId,
        Team t => t.BusinessId,
        _ => null,
    };

    /// <summary>The records of a type as this seed sees them: stored ones, overridden by this seed's changes.</summary>
    private IEnumerable<T> Records<T>()
        where T : NexudusEntity
    {
        foreach (var stored in _store.All<T>())
        {
            if (!_changed.ContainsKey(stored.Id))
            {
                yield return stored;
            }
        }

        foreach (var record in _changed.Values.OfType<T>())
        {
            yield return record;
        }
    }

    private T Get<T>(long id)
        where T : NexudusEntity =>
        _changed.TryGetValue(id, out var changed) ? (T)changed : _store.Get<T>(id) ?? throw new InvalidOperationException($"{typeof(T).Name} {id} vanished.");

    private T Add<T>(T record, Func<T, T>? customize)
        where T : NexudusEntity
    {
        var stamped = record with { Id = _store.NextId(), UniqueId = Guid.NewGuid(), CreatedOn = _now, UpdatedOn = _now, UpdatedBy = _updatedBy };
        return Replace(stamped, customize);
    }

    private T Replace<T>(T record, Func<T, T>? customize)
        where T : NexudusEntity
    {
        var final = customize is null ? record : customize(record);
        if (final.Id != record.Id)
        {
            throw new InvalidOperationException("A seed customisation must not change the record's Id.");
        }

        final = final with { UpdatedOn = _now };
        _changed[final.Id] = final;
        if (final is Coworker { Email: { } email } && _customerByEmail is not null)
        {
            _customerByEmail.TryAdd(email.Trim(), final.Id);
        }

        return final;
    }

    private static string Append(string? list, long id) =>
        string.IsNullOrEmpty(list) ? id.ToString(CultureInfo.InvariantCulture) : $"{list},{id.ToString(CultureInfo.InvariantCulture)}";

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
