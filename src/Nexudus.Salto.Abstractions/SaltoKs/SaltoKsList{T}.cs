namespace Nexudus.Salto.SaltoKs;

/// <summary>One page of a SALTO KS list: <c>{"items": [...], "next_page_link": ..., "count": n}</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Some endpoints (<c>GET /v1.2/sites</c>, sometimes <c>GET /v1.2/sites/{site_id}/users</c>) answer with
/// a bare array instead; read bodies with <see cref="SaltoKsList.Read{T}"/>, which accepts both.
/// </remarks>
internal sealed record SaltoKsList<T>
{
    /// <summary>Gets the items of this page.</summary>
    /// <value>Empty when the service sends none.</value>
    public IReadOnlyList<T> Items { get; init => field = value ?? []; } = [];

    /// <summary>Gets the absolute URL of the next page, to follow verbatim.</summary>
    /// <value><see langword="null"/> on the last page and for bare arrays.</value>
    public string? NextPageLink { get; init; }

    /// <summary>Gets the total number of matching items.</summary>
    /// <value>Present only when <c>$inlinecount=allpages</c> was asked for.</value>
    public int? Count { get; init; }
}
