namespace Nexudus.Salto.Sync;

/// <summary>
/// Something a sync run could not do or found wrong that is not an error: the run still ends with its normal
/// result (and exit code), and an operator can act on it.
/// </summary>
public sealed record SyncWarning
{
    /// <summary>Gets what the warning is about.</summary>
    /// <value>The kind of warning.</value>
    public required SyncWarningKind Kind { get; init; }

    /// <summary>Gets the SALTO KS site concerned.</summary>
    /// <value>The site id, or <see langword="null"/>.</value>
    public string? SiteId { get; init; }

    /// <summary>Gets the access group concerned.</summary>
    /// <value>The group id, or <see langword="null"/>.</value>
    public string? GroupId { get; init; }

    /// <summary>Gets what was found and what to do about it.</summary>
    /// <value>A redacted message: it never holds credentials, tokens, PINs or card numbers.</value>
    public required string Message { get; init; }
}
