using System.Text.Json.Serialization;

namespace Nexudus.Salto.SaltoKs;

/// <summary>An access event at a lock (<c>GET /v1.1/sites/{site_id}/entries</c>).</summary>
/// <remarks>
/// The fields are those of a captured live page; unknown fields are ignored. Entries arrive with an
/// ingestion delay and page by continuation token (<see cref="SaltoKsContinuationPage{T}"/>). Besides
/// openings and rejections, the live service lists office-mode events (<c>easy_office_mode</c>, detail
/// <c>start</c>/<c>end</c>) and exits by the inside handle (<c>lock_opened</c>, <c>access_by</c>
/// <c>inside_handle</c>, <see cref="ExitRequested"/> true, no user); a rejection of a PIN the lock does not know
/// can carry a user id that matches no user.
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

    /// <summary>Gets the lock's MAC address (<c>lock_mac_address</c>).</summary>
    public string? LockMacAddress { get; init; }

    /// <summary>Gets the kind of credential used, as SALTO KS writes it (e.g. <c>tag</c>, <c>pin_code</c>, <c>inside_handle</c>).</summary>
    public string? AccessBy { get; init; }

    /// <summary>Gets a detail of the credential, as SALTO KS writes it: for a tag, its printed number (a secret; never logged).</summary>
    public string? AccessDetail { get; init; }

    /// <summary>Gets whether the opening was an exit request from the inside (<c>exit_requested</c>).</summary>
    /// <value><see langword="null"/> when the entry does not say.</value>
    public bool? ExitRequested { get; init; }

    /// <summary>Gets the IQ (gateway) the entry came through (<c>iq_id</c>).</summary>
    public string? IqId { get; init; }

    /// <summary>Gets the IQ's name (<c>iq_customer_reference</c>).</summary>
    public string? IqCustomerReference { get; init; }

    /// <summary>Gets the IQ's MAC address (<c>iq_mac_address</c>).</summary>
    public string? IqMacAddress { get; init; }

    /// <summary>Gets the IQ's hardware revision (<c>iq_revision</c>).</summary>
    public string? IqRevision { get; init; }

    /// <summary>Gets how long SALTO KS keeps the entry, in seconds (<c>ttl_in_seconds</c>).</summary>
    public int? TtlInSeconds { get; init; }

    /// <summary>Gets when SALTO KS drops the entry (<c>expiration_date_time</c>).</summary>
    public DateTimeOffset? ExpirationDateTime { get; init; }

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

    /// <summary>Gets the user's picture (<c>user_image_url</c>).</summary>
    public string? UserImageUrl { get; init; }
}
