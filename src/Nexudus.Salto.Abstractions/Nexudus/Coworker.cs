using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// A Nexudus customer (member or contact), from <c>/api/spaces/coworkers</c>.
/// </summary>
/// <remarks>
/// A customer with at least one active <see cref="CoworkerContract"/> is a member; otherwise a
/// contact. <see cref="Active"/> <see langword="false"/> (shown as "Suspended") or
/// <see cref="Archived"/> <see langword="true"/> both mean no access. List records are partial:
/// <see cref="Businesses"/> and <see cref="Teams"/> are filled only when the record is read by id.
/// </remarks>
public sealed record Coworker : NexudusEntity
{
    /// <summary>Gets whether the customer is a person or a company.</summary>
    public CoworkerType? CoworkerType { get; init; }

    /// <summary>Gets the customer's full name.</summary>
    public string? FullName { get; init; }

    /// <summary>Gets the customer's email address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the first name Nexudus derives from <see cref="FullName"/>.</summary>
    public string? GuessedFirstName { get; init; }

    /// <summary>Gets the last name Nexudus derives from <see cref="FullName"/>.</summary>
    public string? GuessedLastName { get; init; }

    /// <summary>Gets the company name.</summary>
    public string? CompanyName { get; init; }

    /// <summary>Gets the mobile phone number.</summary>
    public string? MobilePhone { get; init; }

    /// <summary>Gets the id of the customer's portal user; <see langword="null"/> when they have no login.</summary>
    public long? UserId { get; init; }

    /// <summary>Gets whether the customer is active; <see langword="false"/> is "Suspended" in the dashboard.</summary>
    public bool? Active { get; init; }

    /// <summary>Gets whether the customer is archived.</summary>
    public bool? Archived { get; init; }

    /// <summary>Gets the ids of the locations the customer belongs to; <see langword="null"/> in list records.</summary>
    public IReadOnlyList<long>? Businesses { get; init; }

    /// <summary>Gets the ids of the customer's teams; <see langword="null"/> in list records.</summary>
    public IReadOnlyList<long>? Teams { get; init; }

    /// <summary>Gets the id of the customer's home (invoicing) location.</summary>
    public long? InvoicingBusinessId { get; init; }

    /// <summary>Gets the id of the customer's current plan.</summary>
    public long? TariffId { get; init; }

    /// <summary>Gets the name of the customer's current plan.</summary>
    public string? TariffName { get; init; }

    /// <summary>Gets the id of the plan the customer moves to next.</summary>
    public long? NextTariffId { get; init; }

    /// <summary>
    /// Gets the ids of the customer's contracts as Nexudus sends them: one string, not a list.
    /// </summary>
    public string? CoworkerContractIds { get; init; }

    /// <summary>Gets the id of the customer's <see cref="SimpleTimeZone"/>.</summary>
    public long? SimpleTimeZoneId { get; init; }

    /// <summary>Gets the id of the customer's country.</summary>
    public long? CountryId { get; init; }

    /// <summary>
    /// Gets the "Access cards" field: the customer's card or tag numbers. SALTO KS tag numbers go
    /// here; how several cards are separated is unconfirmed.
    /// </summary>
    public string? AccessCardId { get; init; }

    /// <summary>Gets the key-fob number.</summary>
    public string? KeyFobNumber { get; init; }

    /// <summary>Gets the door PIN code.</summary>
    public string? AccessPincode { get; init; }

    /// <summary>Gets whether the customer may check in at any location of the network.</summary>
    public bool? AllowNetworkCheckin { get; init; }

    /// <summary>Gets whether the customer may make bookings.</summary>
    public bool? CanMakeBookings { get; init; }

    /// <summary>Gets whether the customer may book on behalf of their team.</summary>
    public bool? CanBookForTeam { get; init; }

    /// <summary>Gets when the customer registered (UTC).</summary>
    [JsonConverter(typeof(NexudusUtcDateTimeConverter))]
    public DateTimeOffset? RegistrationDate { get; init; }

    /// <summary>Gets when the customer registered, as the location's wall-clock time.</summary>
    [JsonConverter(typeof(NexudusLocalDateTimeConverter))]
    public DateTime? RegistrationDateLocal { get; init; }
}
