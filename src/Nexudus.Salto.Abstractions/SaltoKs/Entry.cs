using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>An access event at a lock (<c>GET /v1.1/sites/{site_id}/entries</c>).</summary>
/// <remarks>
/// The exact Connect field list is unconfirmed; unknown fields are ignored. Entries arrive with an
/// ingestion delay and page by continuation token (<see cref="SaltoKsContinuationPage{T}"/>).
/// </remarks>
public sealed record Entry
{
    /// <summary>Gets the entry's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets what happened, e.g. <see cref="EntryEventCategory.LockRejected"/>; unknown categories are kept.</summary>
    public EntryEventCategory? EventCategory { get; init; }

    /// <summary>Gets the detail of the event, e.g. <c>no_access</c>.</summary>
    public string? EventDetail { get; init; }

    /// <summary>Gets when it happened (<c>utc_date_time</c>).</summary>
    /// <value>A value without an offset is read as UTC.</value>
    public DateTimeOffset UtcDateTime { get; init; }

    /// <summary>Gets when it happened on the IQ's wall clock (<c>local_date_time</c>).</summary>
    /// <value>
    /// <see cref="DateTimeKind.Unspecified"/>: the IQ's local time, never converted with this machine's zone.
    /// </value>
    public DateTime LocalDateTime { get; init; }

    /// <summary>Gets the UUID of the lock.</summary>
    public string? LockId { get; init; }

    /// <summary>Gets the lock's name.</summary>
    public string? LockCustomerReference { get; init; }

    /// <summary>Gets the kind of credential used, as SALTO KS writes it (e.g. tag, PIN, app).</summary>
    public string? AccessBy { get; init; }

    /// <summary>Gets a detail of the credential, as SALTO KS writes it.</summary>
    public string? AccessDetail { get; init; }

    /// <summary>Gets the user who opened (or tried to).</summary>
    /// <value>
    /// <see langword="null"/> when the entry names no user (an absent, null or empty <c>user_id</c>).
    /// Taken to be the platform user id; unconfirmed.
    /// </value>
    [JsonConverter(typeof(OptionalPlatformUserIdJsonConverter))]
    public PlatformUserId? UserId { get; init; }

    /// <summary>Gets the user's first name.</summary>
    public string? UserFirstName { get; init; }

    /// <summary>Gets the user's last name.</summary>
    public string? UserLastName { get; init; }

    /// <summary>Gets the user's alias.</summary>
    public string? UserAlias { get; init; }
}
