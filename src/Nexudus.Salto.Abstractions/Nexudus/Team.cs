namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A Nexudus team, from <c>/api/spaces/teams</c>. A customer can belong to several teams.
/// </summary>
public sealed record Team : NexudusEntity
{
    /// <summary>Gets the id of the location the team belongs to.</summary>
    public long? BusinessId { get; init; }

    /// <summary>Gets the team's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the ids of the team's members (customers); <see langword="null"/> in list records.</summary>
    public IReadOnlyList<long>? TeamMembers { get; init; }

    /// <summary>Gets the ids of the team's administrators (customers); <see langword="null"/> in list records.</summary>
    public IReadOnlyList<long>? TeamAdministrators { get; init; }

    /// <summary>Gets the id of the customer who pays for the team.</summary>
    public long? PayingMemberId { get; init; }

    /// <summary>Gets the full name of the paying member.</summary>
    public string? PayingMemberFullName { get; init; }

    /// <summary>Gets whether the team receives one consolidated invoice.</summary>
    public bool? CreateSingleInvoiceForTeam { get; init; }

    /// <summary>Gets the id of the plan new members get by default.</summary>
    public long? DefaultMemberTariffId { get; init; }

    /// <summary>Gets the largest number of members the team may have.</summary>
    public int? MaxTeamMemberCount { get; init; }

    /// <summary>Gets whether members share their passes (which matters for access).</summary>
    public bool? ShareTimePasses { get; init; }

    /// <summary>Gets whether members share booking credit.</summary>
    public bool? ShareBookingCredit { get; init; }

    /// <summary>Gets whether members share extra services.</summary>
    public bool? ShareExtraServices { get; init; }

    /// <summary>Gets whether members' credits are transferred to the paying member.</summary>
    public bool? TransferCreditsToPayingMember { get; init; }

    /// <summary>Gets the ids of the team's customers as Nexudus sends them: one string, not a list.</summary>
    public string? CoworkerIds { get; init; }

    /// <summary>Gets the number of active contracts in the team.</summary>
    public int? ActiveContracts { get; init; }
}
