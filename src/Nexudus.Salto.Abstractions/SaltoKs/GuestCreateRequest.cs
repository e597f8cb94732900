namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of <c>POST /v1.2/sites/{site_id}/guests</c>: a guest user with an alias only.</summary>
/// <remarks>
/// SALTO KS answers 201 with the site user: role <c>site_guest</c>, no e-mail, no invitation, <c>use_pin: false</c>.
/// A guest holds a seat until it is deleted; its expiry does not free the seat. See <c>docs/api-evidence.md</c>.
/// </remarks>
public sealed record GuestCreateRequest
{
    /// <summary>Gets the name the guest shows under in SALTO KS.</summary>
    public required string Alias { get; init; }

    /// <summary>Gets when the guest's access ends (sent in UTC with <c>Z</c>).</summary>
    /// <value><see langword="null"/> for no expiry.</value>
    public DateTimeOffset? ExpiresAt { get; init; }
}
