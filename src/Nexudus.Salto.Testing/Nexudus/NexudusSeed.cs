using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// What <see cref="NexudusSandbox.Seed"/> produced: the records it added or changed, and lookups
/// by natural key over everything the sandbox held right after it.
/// </summary>
public sealed class NexudusSeed
{
    private readonly IReadOnlyList<NexudusEntity> _all;

    internal NexudusSeed(IReadOnlyList<NexudusEntity> changed, IReadOnlyList<NexudusEntity> all)
    {
        Changed = changed;
        _all = all;
    }

    /// <summary>Gets the records this seed added or changed, in the order it did so.</summary>
    public IReadOnlyList<NexudusEntity> Changed { get; }

    /// <summary>Gets every record of a type, as stored after the seed, in id order.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <returns>The records.</returns>
    public IReadOnlyList<T> All<T>()
        where T : NexudusEntity => [.. _all.OfType<T>()];

    /// <summary>Gets a location by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The location.</returns>
    /// <exception cref="KeyNotFoundException">No location has that name.</exception>
    public Business Location(string name) => Single<Business>(name, b => b.Name);

    /// <summary>Gets a customer by e-mail.</summary>
    /// <param name="email">The e-mail.</param>
    /// <returns>The customer.</returns>
    /// <exception cref="KeyNotFoundException">No customer has that e-mail.</exception>
    public Coworker Customer(string email) => Single<Coworker>(email, c => c.Email);

    /// <summary>Gets a pass definition by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The pass.</returns>
    /// <exception cref="KeyNotFoundException">No pass has that name.</exception>
    public TimePass Pass(string name) => Single<TimePass>(name, p => p.Name);

    /// <summary>Gets a plan by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KeyNotFoundException">No plan has that name.</exception>
    public Tariff Plan(string name) => Single<Tariff>(name, t => t.Name);

    /// <summary>Gets a floor-plan item by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The item.</returns>
    /// <exception cref="KeyNotFoundException">No item has that name.</exception>
    public FloorPlanDesk Desk(string name) => Single<FloorPlanDesk>(name, d => d.Name);

    /// <summary>Gets a resource by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="KeyNotFoundException">No resource has that name.</exception>
    public Resource Resource(string name) => Single<Resource>(name, r => r.Name);

    /// <summary>Gets a team by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The team.</returns>
    /// <exception cref="KeyNotFoundException">No team has that name.</exception>
    public Team Team(string name) => Single<Team>(name, t => t.Name);

    /// <summary>Gets an invoice by its number.</summary>
    /// <param name="invoiceNumber">The invoice number.</param>
    /// <returns>The invoice.</returns>
    /// <exception cref="KeyNotFoundException">No invoice has that number.</exception>
    public CoworkerInvoice Invoice(string invoiceNumber) => Single<CoworkerInvoice>(invoiceNumber, i => i.InvoiceNumber);

    private T Single<T>(string key, Func<T, string?> keyOf)
        where T : NexudusEntity
    {
        ArgumentNullException.ThrowIfNull(key);
        var matches = _all.OfType<T>().Where(r => string.Equals(keyOf(r)?.Trim(), key.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new KeyNotFoundException(matches.Count == 0
                ? $"No {typeof(T).Name} '{key}' in the sandbox."
                : $"Several {typeof(T).Name} records are '{key}'; use All<{typeof(T).Name}>() and pick one.");
    }
}
