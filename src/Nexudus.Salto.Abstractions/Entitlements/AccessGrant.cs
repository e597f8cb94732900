using System.Text.Json.Serialization;

namespace Nexudus.Salto.Entitlements;

/// <summary>
/// One reason a customer is in a group: an instance of an access rule. A membership's grants are
/// its lineage, which answers "why does this customer have access?".
/// </summary>
/// <remarks>
/// The resolver's grants are <see cref="TimePassGrant"/>, <see cref="ContractGrant"/>,
/// <see cref="TeamGrant"/> and <see cref="BookingGrant"/>. One grant object is shared by every group
/// its item links, so a grant names no group itself.
/// <para>
/// In JSON (the sync report) a grant carries a <c>rule</c> property naming its type: <c>timePass</c>,
/// <c>contract</c>, <c>team</c> or <c>booking</c>.
/// </para>
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "rule")]
[JsonDerivedType(typeof(TimePassGrant), "timePass")]
[JsonDerivedType(typeof(ContractGrant), "contract")]
[JsonDerivedType(typeof(TeamGrant), "team")]
[JsonDerivedType(typeof(BookingGrant), "booking")]
public abstract record AccessGrant
{
    /// <summary>Initialises a grant; for the derived grant types.</summary>
    protected AccessGrant()
    {
    }

    /// <summary>Gets the Nexudus location whose links and rules made the grant.</summary>
    /// <value>A Nexudus business id.</value>
    public required long BusinessId { get; init; }

    /// <summary>Gets when the grant stops granting.</summary>
    /// <value>A UTC instant (exclusive), or <see langword="null"/> when the grant is open-ended.</value>
    public DateTimeOffset? ValidUntil { get; init; }
}
