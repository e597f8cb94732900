namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// One page of entries or incidents: <c>{"items": [...], "continuation_token": "..."}</c>.
/// </summary>
/// <typeparam name="T">The item type, e.g. <see cref="Entry"/>.</typeparam>
/// <remarks>
/// Send <see cref="ContinuationToken"/> as it is in the <c>CLP-Continuation-Token</c> header to get
/// the next page. An empty page with a token still means more data: stop only when no token comes back.
/// </remarks>
public sealed record SaltoKsContinuationPage<T>
{
    /// <summary>Gets the items of this page.</summary>
    /// <value>Empty when the service sends none; that alone does not end the paging.</value>
    public IReadOnlyList<T> Items { get; init => field = value ?? []; } = [];

    /// <summary>Gets the token for the next page: JSON text, kept exactly as received.</summary>
    /// <value><see langword="null"/> (or empty) on the last page.</value>
    public string? ContinuationToken { get; init; }
}
