using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>An invitation e-mail SALTO KS would have sent: a site user was created through the API with an e-mail address.</summary>
public sealed record SaltoKsInvitation
{
    /// <summary>Gets the site the user was invited to.</summary>
    public required string SiteId { get; init; }

    /// <summary>Gets the new site user's id.</summary>
    public required SiteUserId SiteUserId { get; init; }

    /// <summary>Gets the address the invitation went to.</summary>
    public required string Email { get; init; }

    /// <summary>Gets when it was sent, on the sandbox's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset SentAt { get; init; }
}
