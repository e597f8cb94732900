namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Passes included in a plan, from <c>/api/billing/tarifftimepasses</c>. Contract holders receive
/// them as <see cref="CoworkerTimePass"/> records whose <see cref="CoworkerTimePass.TariffTimePassUniqueId"/>
/// is this record's <see cref="NexudusEntity.UniqueId"/>.
/// </summary>
public sealed record TariffTimePass : NexudusEntity
{
    /// <summary>Gets the id of the plan.</summary>
    public long? TariffId { get; init; }

    /// <summary>Gets the name of the plan.</summary>
    public string? TariffName { get; init; }

    /// <summary>Gets the id of the pass definition.</summary>
    public long? TimePassId { get; init; }

    /// <summary>Gets the name of the pass definition.</summary>
    public string? TimePassName { get; init; }

    /// <summary>Gets how many passes are issued each period.</summary>
    public int? PassesIncluded { get; init; }

    /// <summary>Gets how often the passes are issued again.</summary>
    public TariffTimePassRenewal? PassRenewalTime { get; init; }
}
