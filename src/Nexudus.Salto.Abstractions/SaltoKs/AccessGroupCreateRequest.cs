namespace Nexudus.Salto.SaltoKs;

/// <summary>The body of <c>POST /v1.1/sites/{site_id}/access_groups</c>; the response is the created <see cref="AccessGroup"/>.</summary>
public sealed record AccessGroupCreateRequest
{
    /// <summary>Gets the group's name; search by it before creating, as SALTO KS has no idempotency key.</summary>
    public required string CustomerReference { get; init; }
}
