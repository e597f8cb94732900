namespace Nexudus.Salto.SaltoKs;

/// <summary>A user's membership of one site (<c>/sites/{site_id}/users</c>).</summary>
/// <remarks>
/// A site user carries two ids: <see cref="Id"/> for user routes and <see cref="SaltoUser.Id"/>
/// (inside <see cref="User"/>) for access-group membership.
/// </remarks>
public sealed record SiteUser
{
    /// <summary>Gets the site-user id, used by the user routes (<c>/users/{id}</c>, PIN, keys, subscription, DELETE).</summary>
    public required SiteUserId Id { get; init; }

    /// <summary>Gets the platform account, whose <see cref="SaltoUser.Id"/> access groups take.</summary>
    /// <value><see langword="null"/> if the service leaves it out (not seen, but tolerated).</value>
    public SaltoUser? User { get; init; }

    /// <summary>Gets the user's roles on the site.</summary>
    /// <value>Empty when the service sends none.</value>
    public IReadOnlyList<Role> Roles { get; init => field = value ?? []; } = [];

    /// <summary>Gets the display alias (guests have only this, no e-mail).</summary>
    public string? Alias { get; init; }

    /// <summary>Gets whether the user holds a seat; only subscribed users can open anything.</summary>
    public SubscriptionState? SubscriptionState { get; init; }

    /// <summary>Gets whether the user may open with a PIN.</summary>
    public bool? UsePin { get; init; }

    /// <summary>Gets whether the user may open remotely.</summary>
    public bool? RemoteAccess { get; init; }

    /// <summary>Gets when the user's access ends (guests); expiry does not free the seat.</summary>
    /// <value><see langword="null"/> for no expiry. A value without an offset is read as UTC.</value>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets whether the user is blocked.</summary>
    public bool? Blocked { get; init; }

    /// <summary>Gets the UUID of the tag (fob or card) assigned to the user, if any.</summary>
    /// <value>
    /// <see langword="null"/> on the live service, which shows no <c>tag_id</c> on site users; the tag a person holds
    /// shows as <see cref="SaltoUser.TagNumber"/> (inside <see cref="User"/>) and <see cref="TagOwnedByThisSite"/>.
    /// Read for services that send it.
    /// </value>
    public string? TagId { get; init; }

    /// <summary>Gets whether the tag the person holds (<see cref="SaltoUser.TagNumber"/>) is registered to this site.</summary>
    /// <value><see langword="null"/> when the service leaves it out.</value>
    public bool? TagOwnedByThisSite { get; init; }
}
