using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>What erasing a customer did on one SALTO site.</summary>
public sealed record SiteErasure
{
    /// <summary>Gets the SALTO site.</summary>
    public required string SiteId { get; init; }

    /// <summary>Gets the SALTO user the state store linked to the customer; <see langword="null"/> when it linked none.</summary>
    public SiteUserId? SiteUserId { get; init; }

    /// <summary>Gets whether that user was created by the SDK and is therefore deleted (an adopted user is kept).</summary>
    public bool UserCreatedBySdk { get; init; }

    /// <summary>Gets whether the SALTO user was deleted (or was already gone).</summary>
    public bool UserDeleted { get; init; }

    /// <summary>Gets the access groups a kept (adopted) user was taken out of: only memberships the SDK had added.</summary>
    public IReadOnlyList<string> GroupsLeft { get; init; } = [];

    /// <summary>Gets how many state-store rows about the customer were forgotten on this site (identity links, ledger rows, tag records, pending journal entries).</summary>
    public int StateRowsRemoved { get; init; }

    /// <summary>Gets why the site could not be erased; <see langword="null"/> when it was. Its rows are then kept.</summary>
    public string? Error { get; init; }
}
