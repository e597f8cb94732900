using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Describes seed data for a <see cref="NexudusSandbox"/> fluently, producing consistent records:
/// ids from the sandbox's sequence, back-references filled in (a contract sets the desk's customer
/// and the customer's plan, a team sets each member's <c>Teams</c>), names copied where Nexudus
/// denormalises them.
/// </summary>
/// <remarks>
/// <para>
/// Records are referred to by natural keys: customers by e-mail, everything else by name.
/// <see cref="Location"/> (or <see cref="AtLocation"/>) sets the location that later calls add
/// to. A name is looked up at the current location first, then anywhere (including records of
/// earlier seeds); an unknown or ambiguous name throws <see cref="ArgumentException"/>.
/// </para>
/// <para>
/// Every method takes an optional <c>customize</c> function, a <c>with</c> expression over the
/// record about to be added, to set any other field. Dates are UTC instants; the sandbox derives
/// the <c>*Local</c> twins from the location's time zone when it serves them.
/// </para>
/// </remarks>
public sealed partial class NexudusSeedBuilder
{
    private static readonly DateTimeOffset SlotDate = new(1976, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly NexudusStore _store;
    private readonly DateTimeOffset _now;
    private readonly string _updatedBy;
    private readonly Dictionary<long, NexudusEntity> _changed = [];
    private readonly Dictionary<long, (long Id, string Name)> _floorPlans = [];
    private Dictionary<string, long>? _customerByEmail;
    private long? _location;

    internal NexudusSeedBuilder(NexudusStore store, DateTimeOffset now, string updatedBy)
    {
        _store = store;
        _now = now;
        _updatedBy = updatedBy;
    }

    /// <summary>Adds a Nexudus <see cref="SimpleTimeZone"/> for <paramref name="zone"/> (its id as <c>Name</c>), unless one with that name exists.</summary>
    /// <param name="zone">The zone; IANA ids (<c>Europe/London</c>) work on every platform.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder TimeZone(TimeZoneInfo zone, Func<SimpleTimeZone, SimpleTimeZone>? customize = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _ = ZoneRecord(zone, customize);
        return this;
    }

    /// <summary>Adds a location (<see cref="Business"/>) and makes it the current one.</summary>
    /// <param name="name">The location's name, unique among locations.</param>
    /// <param name="timeZone">Its time zone; default UTC.</param>
    /// <param name="customize">Sets other fields (opening hours, address, …).</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Location(string name, TimeZoneInfo? timeZone = null, Func<Business, Business>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Records<Business>().Any(b => Same(b.Name, name)))
        {
            throw new ArgumentException($"A location named '{name}' already exists.", nameof(name));
        }

        var zone = ZoneRecord(timeZone ?? TimeZoneInfo.Utc, customize: null);
        var business = Add(new Business
        {
            Name = name,
            WebAddress = new string([.. name.ToLowerInvariant().Where(char.IsLetterOrDigit)]),
            SimpleTimeZoneId = zone.Id,
            Suspended = false,
        }, customize);
        _location = business.Id;
        return this;
    }

    /// <summary>Makes an existing location the current one.</summary>
    /// <param name="name">The location's name.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder AtLocation(string name)
    {
        _location = Find<Business>(name, b => b.Name, atLocation: null).Id;
        return this;
    }

    internal NexudusSeed Commit()
    {
        _store.PutAsIs(_changed.Values);
        var all = NexudusEntityKind.All.SelectMany(k => _store.All(k.ClrType)).ToList();
        return new NexudusSeed([.. _changed.Values], all);
    }
}
