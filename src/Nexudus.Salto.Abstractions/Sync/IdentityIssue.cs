namespace Nexudus.Salto.Sync;

/// <summary>A problem matching a customer to a SALTO KS user; reported, never thrown.</summary>
public sealed record IdentityIssue
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the Nexudus customer id.</summary>
    /// <value>The customer.</value>
    public required long CustomerId { get; init; }

    /// <summary>Gets what is wrong.</summary>
    /// <value>The kind of problem.</value>
    public required IdentityIssueKind Kind { get; init; }

    /// <summary>Gets a sentence for operators saying what is wrong and what to do.</summary>
    /// <value>Plain text naming ids only (never e-mails, tokens or card numbers).</value>
    public required string Message { get; init; }
}
