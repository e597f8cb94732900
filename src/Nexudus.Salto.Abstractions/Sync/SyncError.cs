namespace Nexudus.Salto.Sync;

/// <summary>An error of a sync run. A failure stops only its own part; the rest of the run goes on.</summary>
public sealed record SyncError
{
    /// <summary>Gets where the error happened.</summary>
    /// <value>The part of the run.</value>
    public required SyncErrorKind Kind { get; init; }

    /// <summary>Gets the SALTO KS site concerned.</summary>
    /// <value>The site id, or <see langword="null"/>.</value>
    public string? SiteId { get; init; }

    /// <summary>Gets the access group concerned.</summary>
    /// <value>The group id, or <see langword="null"/>.</value>
    public string? GroupId { get; init; }

    /// <summary>Gets the Nexudus customer concerned.</summary>
    /// <value>The customer id, or <see langword="null"/>.</value>
    public long? CustomerId { get; init; }

    /// <summary>Gets what went wrong.</summary>
    /// <value>A redacted message: it never holds credentials, tokens, PINs or card numbers.</value>
    public required string Message { get; init; }
}
